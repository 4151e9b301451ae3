"""Hostile input to every operation of the API, drawn by hypothesis: whatever is sent, the answer
is never a 5xx, every error is a problem document (naming the field when it is invalid input),
and a refused request leaves the history exactly as it was.

The operations are read from the committed OpenAPI document, so an operation added to the API is
attacked here without a line changed. Each example changes one thing of an otherwise valid
request: a body field (or the whole body) becomes a hostile value, a query parameter an odd one,
or a header (If-Match, Authorization, Content-Type) takes an odd shape or size.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from werkzeug.test import TestResponse

from register.application.service import Service
from tests.api.client import (
    PROBLEM_JSON,
    ApiClient,
    activity_body,
    policy_body,
    recipient_body,
)

# Drawn examples per operation, besides those every operation is tried with (``must_try``). On
# PostgreSQL, whose writes cost more, fewer are drawn: the engines differ in what they store,
# which the examples tried on both cover, not in how requests are read.
EXAMPLES_PER_OPERATION = int(os.environ.get("ROPA_HOSTILE_EXAMPLES", "60"))
EXAMPLES_ON_POSTGRES = int(os.environ.get("ROPA_HOSTILE_EXAMPLES_POSTGRES", "5"))
REPEATABLE = os.environ.get("CI") == "true"
DOCUMENT = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi/openapi.json").read_text(encoding="utf-8")
)


# What is sent ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """JSON text put into a body as it is: what ``json.dumps`` cannot or will not write."""

    text: str


def nested(depth: int, opening: str = "[", closing: str = "]") -> Raw:
    return Raw(opening * depth + "1" + closing * depth)


HUGE = 1_000_001
ODD_TEXTS = [
    "\ud800",
    "name\udfff",
    "\udfff\ud800",
    "\x00",
    "nul\x00inside",
    "\u200b",
    "\u200b\u200c\u200d\u2060\ufeff",
    "\x01\x02\x1b",
    "\x1b[31mred\x1b[0m",
    "\u202eevil",
    "\u3164\u115f",
    "\U000e0041\U000e0042",
    "",
    "   ",
    "\t\n\r",
    "# Evil\n- item [x](http://a)\n```",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "x" * 501,
    "x" * 2_001,
    "x" * 20_001,
    "é" * 100_000,
]
ODD_DAYS = [
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "1899-12-31",
    "1900-01-01",
    "2999-12-31",
    "3000-01-01",
    "20231024",
    "2023-W43-2",
    "2023-297",
    "2023-02-30",
    "2023-10-24T00:00:00Z",
    " 2023-10-24",
    "2023-10-24\n",
    "２０２３-10-24",
    "2023-1-4",
]
ODD_INSTANTS = [
    *ODD_DAYS,
    "2023-10-24T12:00:00",
    "2023-10-24T25:00:00Z",
    "2023-10-24T12:00:60Z",
    "2023-10-24 12:00:00Z",
    "2023-10-24t12:00:00z",
    "2023-10-24T12:00:00.1234567890Z",
    "2023-10-24T12:00:00+24:00",
    "2023-10-24T12:00:00+0100",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-23:59",
    "2999-12-31T23:59:59Z",
    "2100-01-01T00:00:00Z",
    "now",
    "-1",
]
RAWS = [
    nested(33),
    nested(1_000),
    nested(50_000),
    nested(2_000, '{"a":', "}"),
    Raw("NaN"),
    Raw("-Infinity"),
    Raw("1" * 5_000),
    Raw("1e999999"),
    Raw('"\\ud800"'),
    Raw('{"\\u0000": 1}'),
    Raw('{"\\ud800": "x"}'),
]
ODD_VERSIONS = [
    "*",
    '"1"',
    'W/"1"',
    "1",
    '"abc"',
    '"1", "2"',
    '"' + "9" * 50 + '"',
    '"²"',
    "\x00",
    '"1"garbage',
    "x" * 10_000,
    "",
]
ODD_AUTHORIZATIONS = [
    "Bearer",
    "Bearer ",
    "Basic YTpi",
    "bearer {token}",
    "Bearer {token} extra",
    "Bearer " + "x" * 100_000,
    "Bearer {token}\x00",
    "\x00",
    "{token}",
]
ODD_CONTENT_TYPES = [
    "text/plain",
    "application/json; charset=latin-1",
    "application/problem+json",
    "application/vnd.api+json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/" + "x" * 10_000,
    "application/json" + "; a=b" * 1_000,
    "",
]

# Characters a database cannot store, that draw nothing, or that rewrite a terminal.
ODD_CHARACTERS = [
    "\ud800",
    "\udfff",
    "\x00",
    "\u200b",
    "\ufeff",
    "\x1b",
    "\x7f",
    "\u202e",
    "\u3164",
    "\U000e0041",
    "\u2028",
]

# A text that would be taken but for one character in it: drawn twice as often as the others.
spoilt = st.tuples(st.text(max_size=8), st.sampled_from(ODD_CHARACTERS), st.text(max_size=8)).map(
    lambda parts: "Name " + "".join(parts)
)
texts = st.one_of(
    spoilt,
    spoilt,
    st.sampled_from(ODD_TEXTS),
    st.lists(st.sampled_from(ODD_CHARACTERS), min_size=1, max_size=5).map("".join),
    st.text(st.characters(categories=("Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Co", "Cn"))),
    st.text(max_size=30),
)
scalars = st.one_of(
    texts,
    st.sampled_from(ODD_DAYS),
    st.sampled_from(RAWS),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=6,
)


def body_text(body: Any) -> str:
    """``body`` as JSON text, each ``Raw`` spliced in as it is; surrogates as JSON escapes."""
    raws: list[str] = []

    def mark(value: Any) -> Any:
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"\x01raw{len(raws) - 1}\x01"
        if isinstance(value, dict):
            return {key: mark(item) for key, item in value.items()}
        if isinstance(value, list):
            return [mark(item) for item in value]
        return value

    text = json.dumps(mark(body))
    return re.sub(r'"\\u0001raw(\d+)\\u0001"', lambda found: raws[int(found[1])], text)


def query_text(query: dict[str, str]) -> str:
    """A query string of any text, surrogates included, as the bytes a client would send."""
    return "&".join(
        f"{quote(name.encode('utf-8', 'surrogatepass'))}="
        f"{quote(value.encode('utf-8', 'surrogatepass'))}"
        for name, value in query.items()
    )


# The operations --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    parameters: tuple[str, ...]
    body_fields: tuple[str, ...]  # what its body takes; none when it takes no body
    text_fields: tuple[str, ...]  # those of them that take a string
    roles: tuple[str, ...]

    @property
    def body(self) -> bool:
        return bool(self.body_fields)

    @property
    def name(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def collection(self) -> str:
        return self.path.split("/")[3] if self.path.startswith("/api/v1/") else ""

    @property
    def writes(self) -> bool:
        return self.method != "GET"


def operations() -> list[Operation]:
    found = []
    for path, item in DOCUMENT["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            found.append(
                Operation(
                    method.upper(),
                    path,
                    tuple(p["name"] for p in operation.get("parameters", []) if p["in"] == "query"),
                    *body_fields(operation),
                    tuple(operation.get("x-roles", ["dpo"])),
                )
            )
    return found


def body_fields(operation: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of the operation's body, and those of them that take a string."""
    if "requestBody" not in operation:
        return (), ()
    reference = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    properties = DOCUMENT["components"]["schemas"][reference.rsplit("/", 1)[1]]["properties"]
    texts = tuple(name for name, schema in properties.items() if schema.get("type") == "string")
    return tuple(properties), texts


AMENDMENTS = {
    "activities": {"owner": "IT"},
    "recipients": {"contact": "privacy@example.org"},
    "policies": {"title": "Privacy statement, revised"},
}
REGISTRATIONS = {
    "activities": activity_body,
    "recipients": recipient_body,
    "policies": policy_body,
}


def valid_body(operation: Operation) -> dict[str, Any]:
    """A body the operation would take as it stands."""
    collection = operation.collection
    if collection == "tokens":
        return {"name": "Fuzzed token", "role": "auditor"}
    if collection == "organisation":
        return {"name": "Cinnux B.V."}
    if operation.path.endswith(("/retire", "/reinstate", "/review")):
        return {"reason": "hostile input test"}
    if collection == "followups":
        return {"status": "done", "reason": "hostile input test"}
    if operation.method == "PATCH":
        return dict(AMENDMENTS[collection])
    return REGISTRATIONS[collection]()


# The register under attack ---------------------------------------------------------------------


@dataclass
class Target:
    """The app with entries of each kind (one in effect, one retired), and a client per role."""

    clients: dict[str, ApiClient]
    active: dict[str, str]
    retired: dict[str, str]

    def entry(self, operation: Operation) -> str:
        """The entry an operation is tried on: a retired one for a reinstatement."""
        chosen = self.retired if operation.path.endswith("/reinstate") else self.active
        return chosen.get(operation.collection, "")

    def url(self, operation: Operation) -> str:
        path = operation.path.replace("{token_id}", self.active["tokens"])
        path = path.replace("{followup_id}", self.active["followups"])
        return path.replace("{entry_id}", self.entry(operation))

    def events(self) -> int:
        response = self.clients["auditor"].get("/api/v1/integrity")
        assert response.status_code == 200, response.get_data(as_text=True)
        return int(response.get_json()["count"])

    def undo(self, operation: Operation, attack: Attack) -> None:
        """Put an entry whose lifecycle an accepted request changed back as it was, on the same
        day, so that the next example meets it in the same state."""
        day = attack.value if (attack.where, attack.name) == ("field", "effective_from") else None
        for done, undo in (("/retire", "reinstate"), ("/reinstate", "retire")):
            if operation.path.endswith(done):
                url = f"/api/v1/{operation.collection}/{self.entry(operation)}/{undo}"
                body = {"effective_from": day, "reason": "undoing an accepted example"}
                response = self.clients["dpo"].post(url, body, version=self.version(operation))
                assert response.status_code == 200, response.get_json()

    def version(self, operation: Operation) -> str:
        """The ETag a writer would send: the entry's current version, read from its history."""
        if "{entry_id}" in operation.path:
            history = f"/api/v1/{operation.collection}/{self.entry(operation)}/history"
        else:
            history = "/api/v1/organisation/history"
        items = self.clients["dpo"].get(history).get_json()
        return f'"{items[-1]["version"]}"' if items else ""


@pytest.fixture
def target(app: Flask, api: ApiClient, tokens: dict[str, str], service: Service) -> Target:
    clients = {
        "dpo": api,
        "auditor": api.with_token(tokens["auditor"]),
        "admin": api.with_token(tokens["admin"]),
    }
    recipient = api.register("recipients", recipient_body())["id"]
    active = {
        "recipients": recipient,
        "activities": api.register("activities", activity_body(recipients=[recipient]))["id"],
        "policies": api.register("policies", policy_body())["id"],
        "tokens": service.tokens.create("auditor", "Spare token")[0].id,
    }
    retired = {}
    for collection, body in REGISTRATIONS.items():
        entry = api.register(collection, body())["id"]
        retirement = api.post(f"/api/v1/{collection}/{entry}/retire", version=1)
        assert retirement.status_code == 200, retirement.get_json()
        retired[collection] = entry
    assert api.put("/api/v1/organisation", {"name": "Cinnux B.V."}).status_code == 201
    raised = api.get("/api/v1/followups", status="open").get_json()["followups"]
    active["followups"] = raised[0]["id"]
    return Target(clients, active, retired)


# One hostile request ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Attack:
    """What one example changes of a valid request, and how."""

    where: str  # body, field, query, if-match, authorization, content-type
    name: str | None
    value: Any


def attacks(operation: Operation) -> st.SearchStrategy[Attack]:
    query_names = [*operation.parameters, "as_of", "known_at", "colour", "\x00", "x" * 1_000]
    query_values = st.one_of(
        st.sampled_from(ODD_INSTANTS),
        texts,
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
    )
    choices = [
        st.builds(Attack, st.just("query"), st.sampled_from(query_names), query_values),
        st.builds(Attack, st.just("if-match"), st.none(), st.sampled_from(ODD_VERSIONS)),
        st.builds(
            Attack,
            st.just("authorization"),
            st.none(),
            st.sampled_from(ODD_AUTHORIZATIONS),
        ),
    ]
    if operation.body:
        fields = st.sampled_from(sorted({*operation.body_fields, "\x00", "x" * 1_000}))
        in_text_field = st.builds(
            Attack, st.just("field"), st.sampled_from(operation.text_fields), texts
        )
        choices += [
            in_text_field,
            in_text_field,
            st.builds(Attack, st.just("field"), fields, texts),
            st.builds(Attack, st.just("field"), fields, texts.map(lambda text: [text])),
            st.builds(Attack, st.just("field"), fields, values),
            st.builds(
                Attack, st.just("field"), st.just("effective_from"), st.sampled_from(ODD_DAYS)
            ),
            st.builds(Attack, st.just("body"), st.none(), values),
            st.builds(
                Attack, st.just("content-type"), st.none(), st.sampled_from(ODD_CONTENT_TYPES)
            ),
        ]
    return st.one_of(choices)


def send(target: Target, operation: Operation, attack: Attack) -> TestResponse:
    role = operation.roles[0]
    client = target.clients[role]
    headers = {"Authorization": f"Bearer {client.token}", "Content-Type": "application/json"}
    if "If-Match" in json.dumps(DOCUMENT["paths"][operation.path][operation.method.lower()]):
        headers["If-Match"] = target.version(operation)
    body: Any = valid_body(operation) if operation.body else None
    query: dict[str, str] = {}
    match attack.where:
        case "field":
            body[attack.name] = attack.value
        case "body":
            body = attack.value
        case "query":
            query[attack.name] = attack.value
        case "if-match":
            headers["If-Match"] = attack.value
        case "authorization":
            headers["Authorization"] = attack.value.replace("{token}", client.token)
        case "content-type":
            headers["Content-Type"] = attack.value
    return client.client.open(
        target.url(operation),
        method=operation.method,
        headers=headers,
        query_string=query_text(query),
        data=None if body is None else body_text(body).encode("utf-8", "surrogatepass"),
    )


def check_answer(response: TestResponse) -> None:
    """No 5xx, and every error is a problem document; invalid input names its fields."""
    text = response.get_data(as_text=True)
    assert response.status_code < 500, (response.status_code, text[:2000])
    if response.status_code >= 400:
        assert response.mimetype == PROBLEM_JSON, (response.status_code, response.mimetype)
        problem = json.loads(text)
        assert {"type", "title", "status", "detail"} <= set(problem), problem
        assert len(text) < 20_000, "the problem echoes a client's value whole"
        if response.status_code == 422:
            assert problem["errors"] and all("field" in e for e in problem["errors"]), problem


OPERATIONS = operations()


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.name)
def test_hostile_input_is_refused_cleanly_and_leaves_no_event(
    target: Target, operation: Operation, database_url: str
) -> None:
    @settings(
        max_examples=(
            EXAMPLES_PER_OPERATION if database_url.startswith("sqlite") else EXAMPLES_ON_POSTGRES
        ),
        deadline=None,
        derandomize=REPEATABLE,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(attack=attacks(operation))
    def attack_once(attack: Attack) -> None:
        before = target.events()
        response = send(target, operation, attack)
        check_answer(response)
        after = target.events()
        if response.status_code >= 300 or not operation.writes:
            assert after == before, (attack, response.status_code, "a refusal left an event")
        else:
            assert after - before in (0, 1), (attack, after - before)
            target.undo(operation, attack)

    for attack in must_try(operation):
        attack_once = example(attack=attack)(attack_once)
    attack_once()


def must_try(operation: Operation) -> list[Attack]:
    """The attacks tried on every operation, whatever hypothesis draws besides."""
    tried = [
        Attack("query", "known_at", "2999-12-31"),
        Attack("query", "as_of", "10000-01-01"),
        Attack("query", "\x00", "\x00"),
        Attack("if-match", None, "x" * 10_000),
        Attack("authorization", None, "Bearer " + "x" * 100_000),
    ]
    if operation.body:
        tried += [
            Attack("body", None, nested(50_000)),
            Attack("body", None, {"\ud800": "x"}),
            Attack("field", "effective_from", "9999-12-31"),
            Attack("content-type", None, "text/" + "x" * 10_000),
        ]
        tried += [
            Attack("field", name, odd)
            for name in operation.text_fields
            for odd in ("Name \ud800", "Name \x00", "\u200b\u2060", "x" * 20_001)
        ]
    return tried
