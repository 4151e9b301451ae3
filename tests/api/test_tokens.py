"""Tokens (SPEC §5): made with the CLI or by an admin over the API, shown once, stored only as
a hash, listed and revoked."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from register.application.service import Service
from register.cli import main
from register.store.token_log import log as token_table
from tests.api.client import ApiClient, problem


def test_a_token_made_with_the_cli_opens_the_api(
    api: ApiClient,
    database_url: str,
    service: Service,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ROPA_DATABASE_URL", database_url)
    assert main(["token", "create", "--role", "auditor", "--name", "External auditor"]) == 0
    secret = capsys.readouterr().out.strip().splitlines()[-1]
    assert " " not in secret

    response = api.with_token(secret).get("/api/v1/register")
    assert response.status_code == 200
    with service.store.engine.connect() as connection:
        stored = [tuple(row) for row in connection.execute(select(token_table))]
    assert not any(secret in map(str, row) for row in stored), "only the hash is stored"


def test_an_admin_creates_lists_and_revokes_tokens(api: ApiClient, tokens) -> None:
    admin = api.with_token(tokens["admin"])
    created = admin.post(
        "/api/v1/tokens", {"role": "dpo", "name": "Deputy DPO", "expires_on": "2026-12-31"}
    )
    assert created.status_code == 201
    token = created.get_json()
    assert token["role"] == "dpo" and token["expires_on"] == "2026-12-31"
    deputy = api.with_token(token["token"])
    assert deputy.get("/api/v1/register").status_code == 200

    listed = admin.get("/api/v1/tokens").get_json()
    assert "Deputy DPO" in [t["name"] for t in listed]
    assert all("token" not in t for t in listed), "a secret is shown only once"

    revoked = admin.delete(f"/api/v1/tokens/{token['id']}")
    assert revoked.status_code == 200 and revoked.get_json()["revoked"] is True
    problem(deputy.get("/api/v1/register"), 401)
    problem(admin.delete("/api/v1/tokens/no-such-token"), 404)


def test_a_token_needs_a_known_role_and_a_name(api: ApiClient, tokens) -> None:
    admin = api.with_token(tokens["admin"])
    found = problem(admin.post("/api/v1/tokens", {"role": "root", "name": " "}), 422)
    assert {e["field"] for e in found["errors"]} == {"role"}
    found = problem(admin.post("/api/v1/tokens", {"role": "dpo", "name": " "}), 422)
    assert {e["field"] for e in found["errors"]} == {"name"}
