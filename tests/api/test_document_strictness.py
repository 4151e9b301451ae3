"""The OpenAPI document is as strict as the server (issue 7): what it calls valid, the server
takes, shape for shape; tests/api/test_schemathesis.py checks that by running it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from api.extensions.versions import IF_MATCH_PATTERN
from register.domain.checks import MAX_LABEL, MAX_REASON
from register.domain.instants import DAY_SCHEMA_PATTERN, INSTANT_SCHEMA_PATTERN

DOCUMENT = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi/openapi.json").read_text(encoding="utf-8")
)
SCHEMAS = DOCUMENT["components"]["schemas"]


def parameter(path: str, method: str, name: str) -> dict[str, Any]:
    found = DOCUMENT["paths"][path][method]["parameters"]
    return next(p["schema"] for p in found if p["name"] == name)


def test_instants_days_digests_and_versions_have_their_patterns() -> None:
    known_at = parameter("/api/v1/register", "get", "known_at")
    assert {b["pattern"] for b in known_at["anyOf"]} == {
        INSTANT_SCHEMA_PATTERN,
        DAY_SCHEMA_PATTERN,
    }
    assert parameter("/api/v1/register", "get", "as_of")["pattern"] == DAY_SCHEMA_PATTERN
    digest = parameter("/api/v1/integrity", "get", "digest")
    assert digest["pattern"] == "^[0-9a-f]{64}$" and digest["maxLength"] == 64
    if_match = parameter("/api/v1/activities/{entry_id}", "patch", "If-Match")
    assert if_match["pattern"] == IF_MATCH_PATTERN
    for tag in ('"3"', 'W/"3"', "3"):
        assert re.search(IF_MATCH_PATTERN, tag)
    for tag in ("*", '"abc"', '"3", "4"', "", '"3'):
        assert not re.search(IF_MATCH_PATTERN, tag)


def test_every_object_a_client_sends_is_closed_even_where_it_may_be_null() -> None:
    open_objects = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and node.get("enum") != [None]:
                if node.get("additionalProperties") is not False and "properties" in node:
                    open_objects.append(where)
                if "properties" not in node and "$ref" not in node and node.get("nullable"):
                    open_objects.append(where)
            for key, value in node.items():
                visit(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                visit(value, f"{where}[{i}]")

    for name, schema in SCHEMAS.items():
        if name.endswith(("Registration", "Amendment")) or name in {"Lifecycle", "TokenRequest"}:
            visit(schema, name)
    assert open_objects == []
    dpia = SCHEMAS["ActivityRegistration"]["properties"]["dpia"]["anyOf"]
    assert {"type": "object", "nullable": True, "enum": [None]} in dpia


def test_each_text_states_its_limit_and_that_it_must_show_something() -> None:
    name = SCHEMAS["ActivityRegistration"]["properties"]["name"]
    assert name["maxLength"] == MAX_LABEL and name["minLength"] == 1 and name["pattern"]
    labels = SCHEMAS["ActivityRegistration"]["properties"]["processing_categories"]
    assert labels["items"]["maxLength"] == MAX_LABEL and labels["maxItems"]
    assert SCHEMAS["Lifecycle"]["properties"]["reason"]["maxLength"] == MAX_REASON
    assert SCHEMAS["TokenRequest"]["properties"]["name"]["maxLength"] == 200
    country = SCHEMAS["Transfer"]["properties"]["country"]
    assert "NL" in country["enum"] and "XX" not in country["enum"]
