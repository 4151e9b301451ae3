"""Fixtures of the API tests: the app over the ``service`` of each engine, its tokens, and
clients that call it as each role."""

from __future__ import annotations

import pytest
from flask import Flask

from api import create_app
from register.application.service import Service
from tests.api.client import ApiClient
from tests.support import FakeClock

NAMES = {"dpo": "Dana DPO", "auditor": "Otto Auditor", "admin": "Ada Admin"}


@pytest.fixture
def app(service: Service) -> Flask:
    app = create_app(service)
    app.testing = True
    return app


@pytest.fixture
def tokens(service: Service, clock: FakeClock) -> dict[str, str]:
    """A secret for each role, plus ones that must be refused: revoked, expired, unknown.

    A token cannot be made already expired, so the expired one is made yesterday, for a day.
    """
    clock.advance(days=-1)
    secrets = {"expired": service.tokens.create("dpo", "Temp DPO", service.reader.today())[1]}
    clock.advance(days=1)
    secrets |= {role: service.tokens.create(role, name)[1] for role, name in NAMES.items()}
    revoked, secrets["revoked"] = service.tokens.create("dpo", "Former DPO")
    service.tokens.revoke(revoked.id)
    secrets["bad"] = "ropa_not-a-token-anyone-was-given"
    return secrets


@pytest.fixture
def api(app: Flask, tokens: dict[str, str]) -> ApiClient:
    """The API as the DPO calls it."""
    return ApiClient(app.test_client(), tokens["dpo"])


@pytest.fixture
def auditor(api: ApiClient, tokens: dict[str, str]) -> ApiClient:
    return api.with_token(tokens["auditor"])
