"""The role matrix (SPEC §5): every operation × {no token, bad, revoked, expired, auditor, dpo,
admin}. The DPO reads and writes, the auditor only reads, the admin only manages tokens; a
missing or unusable token is 401 with a challenge, a role that may not is 403."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.api.client import ApiClient, activity_body, policy_body, recipient_body

UNUSABLE = ("none", "bad", "revoked", "expired")
ROLES = ("auditor", "admin", "dpo")
BODIES = {"activities": activity_body, "recipients": recipient_body, "policies": policy_body}
AMENDMENTS = {
    "activities": {"owner": "IT"},
    "recipients": {"contact": "privacy@example.org"},
    "policies": {"title": "Privacy and cookie statement"},
}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    allowed: tuple[str, ...]
    success: int = 200
    body: dict[str, Any] | None = None
    version: int | None = None
    given: Callable[[ApiClient, ApiClient], dict[str, str]] = field(default=lambda dpo, admin: {})

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


READ = ("auditor", "dpo")
WRITE = ("dpo",)
TOKENS = ("admin",)
OPEN = (*UNUSABLE, *ROLES)


def _entry(plural: str, retired: bool = False):
    def given(dpo: ApiClient, admin: ApiClient) -> dict[str, str]:
        entry = dpo.register(plural, BODIES[plural]())
        if retired:
            dpo.post(f"/api/v1/{plural}/{entry['id']}/retire", version=1)
        return {"id": entry["id"]}

    return given


def _organisation(dpo: ApiClient, admin: ApiClient) -> dict[str, str]:
    dpo.put("/api/v1/organisation", {"name": "Cinnux B.V."})
    return {}


def _token(dpo: ApiClient, admin: ApiClient) -> dict[str, str]:
    return {"id": admin.post("/api/v1/tokens", {"role": "auditor", "name": "x"}).get_json()["id"]}


def _entry_operations(plural: str) -> list[Operation]:
    one = f"/api/v1/{plural}/{{id}}"
    return [
        Operation("GET", f"/api/v1/{plural}", READ),
        Operation("POST", f"/api/v1/{plural}", WRITE, 201, BODIES[plural]()),
        Operation("GET", one, READ, given=_entry(plural)),
        Operation("PATCH", one, WRITE, body=AMENDMENTS[plural], version=1, given=_entry(plural)),
        Operation("POST", one + "/retire", WRITE, version=1, given=_entry(plural)),
        Operation("POST", one + "/reinstate", WRITE, version=2, given=_entry(plural, True)),
        Operation("GET", one + "/history", READ, given=_entry(plural)),
    ]


OPERATIONS = [
    Operation("GET", "/api/v1/register", READ),
    Operation("GET", "/api/v1/register?format=md", READ),
    Operation("GET", "/api/v1/organisation", READ, given=_organisation),
    Operation("PUT", "/api/v1/organisation", WRITE, 201, {"name": "Cinnux B.V."}),
    Operation("GET", "/api/v1/organisation/history", READ, given=_organisation),
    *_entry_operations("activities"),
    *_entry_operations("recipients"),
    *_entry_operations("policies"),
    Operation("GET", "/api/v1/events", READ),
    Operation("GET", "/api/v1/integrity", READ),
    Operation("GET", "/api/v1/tokens", TOKENS),
    Operation("POST", "/api/v1/tokens", TOKENS, 201, {"role": "dpo", "name": "New DPO"}),
    Operation("DELETE", "/api/v1/tokens/{id}", TOKENS, given=_token),
    Operation("GET", "/health", OPEN),
    Operation("GET", "/ready", OPEN),
    Operation("GET", "/openapi.json", OPEN),
    Operation("GET", "/docs", OPEN),
]


def expected(operation: Operation, role: str) -> int:
    if role in operation.allowed:
        return operation.success
    return 401 if role in UNUSABLE else 403


@pytest.mark.parametrize("operation", OPERATIONS, ids=str)
def test_role_matrix(api: ApiClient, tokens: dict[str, str], operation: Operation) -> None:
    admin = api.with_token(tokens["admin"])
    path = operation.path.format(**operation.given(api, admin))
    # The roles that succeed go last, so that one successful write does not change what the
    # others are asked.
    order = sorted((*UNUSABLE, *ROLES), key=lambda role: role in operation.allowed)
    actual = {}
    for role in order:
        client = api.with_token(None if role == "none" else tokens[role])
        response = client.send(operation.method, path, operation.body, version=operation.version)
        actual[role] = response.status_code
        if response.status_code == 401:
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert actual == {role: expected(operation, role) for role in order}


def test_the_actor_of_an_event_is_the_tokens_name(api: ApiClient, auditor: ApiClient) -> None:
    api.register("recipients", recipient_body())
    assert [e["actor"] for e in auditor.get("/api/v1/events").get_json()] == ["Dana DPO"]


def test_a_revoked_token_says_so(api: ApiClient, tokens: dict[str, str]) -> None:
    response = api.with_token(tokens["revoked"]).get("/api/v1/register")
    assert "revoked" in response.get_json()["detail"]
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_an_expired_token_says_since_when(api: ApiClient, tokens: dict[str, str]) -> None:
    response = api.with_token(tokens["expired"]).get("/api/v1/register")
    assert "expired on 2026-03-01" in response.get_json()["detail"]


def test_a_malformed_authorization_header_is_401(api: ApiClient) -> None:
    response = api.with_token(None).get(
        "/api/v1/register", headers={"Authorization": "Basic dXNlcjpwYXNz"}
    )
    assert response.status_code == 401
    assert 'error="invalid_request"' in response.headers["WWW-Authenticate"]
