"""A schemathesis run against the app's own OpenAPI document: every operation, authenticated as
the DPO, a bounded number of examples each. It must find no 5xx and no answer that breaks the
documented status codes, content types, headers or schemas.

It runs on SQLite only: the engines answer alike (the other API tests run on both) and the
run stays within a minute.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from register.application.service import Service
from register.importers.example import load_example

# CI runs the same bounded examples every time; a developer's run draws new ones, and
# ROPA_FUZZ_EXAMPLES asks for more of them.
EXAMPLES_PER_OPERATION = int(os.environ.get("ROPA_FUZZ_EXAMPLES", "25"))
REPEATABLE = os.environ.get("CI") == "true"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


schema = schemathesis.openapi.from_path(
    Path(__file__).resolve().parents[2] / "openapi/openapi.json"
)


@pytest.fixture
def example_app(app: Flask, service: Service) -> Flask:
    """The app over the example register, so that reads find something to answer with."""
    load_example(service, say=lambda line: None)
    return app


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=REPEATABLE,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_to_its_document(case, example_app: Flask, tokens: dict[str, str]) -> None:
    case.call_and_validate(
        app=example_app, headers={"Authorization": f"Bearer {tokens['dpo']}"}, checks=CHECKS
    )
