"""A schemathesis run against the app's own OpenAPI document: every operation, authenticated as
the DPO, a bounded number of examples each. It must find no 5xx and no answer that breaks the
documented status codes, content types, headers or schemas; no request the document calls valid
may be refused for its shape, and none it calls invalid may be taken.

A request can keep to the document and still break a rule of the register that a schema cannot
state (a backdated change needs a reason; an amendment must change something; a recipient must be
registered, and in effect, while an activity names it; a moment asked for must have passed; a
token must be usable today; an integrity check against an earlier answer needs both its position
and its digest). Those refusals are
allowed by name, in ``RULES_BEYOND_THE_DOCUMENT``: any other refusal of a valid request fails.

It runs on SQLite only: the engines answer alike (the other API tests run on both) and the
run stays within a few minutes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from register.application.service import Service
from register.domain.instants import LATER_MESSAGE
from register.importers.example import load_example

# CI runs the same bounded examples every time; a developer's run draws new ones, and
# ROPA_FUZZ_EXAMPLES asks for more of them.
EXAMPLES_PER_OPERATION = int(os.environ.get("ROPA_FUZZ_EXAMPLES", "50"))
REPEATABLE = os.environ.get("CI") == "true"

# What a request that keeps to the document may still be answered: it may name an entry that
# does not exist (404), conflict with an entry's lifecycle (409), or carry a version that is not
# the entry's (412) or none (428, where If-Match is optional in the document).
VALID_BUT_REFUSED = ["2xx", "401", "403", "404", "409", "412", "428"]
# What a request that breaks the document may be answered: a version that cannot match is 412.
INVALID_AND_REFUSED = ["400", "401", "403", "404", "405", "409", "412", "413", "415", "422", "428"]

# The register's rules that no schema states, each as the message of its refusal (422).
RULES_BEYOND_THE_DOCUMENT = (
    "is required when effective_from lies before today",
    "is already this value on that date",
    "an amendment must name at least one field",
    "names no registered",
    "which is not in effect on",
    "position and digest go together",
    "must be today",  # a token's expiry
    # the few invisible characters beyond the basic plane, which no portable pattern can name
    "must hold at least one visible character",
    LATER_MESSAGE,
)

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

CONFIG = SchemathesisConfig.from_dict(
    {
        # The DPO's token is sent with every call, so a call drawn without it would be judged as
        # if it had none: the token is left out of what is drawn.
        "generation": {"with-security-parameters": False},
        "checks": {
            "positive_data_acceptance": {"expected-statuses": VALID_BUT_REFUSED},
            "negative_data_rejection": {"expected-statuses": INVALID_AND_REFUSED},
        },
    }
)
schema = schemathesis.openapi.from_path(
    Path(__file__).resolve().parents[2] / "openapi/openapi.json", config=CONFIG
)


def refused_by_a_rule_beyond_the_document(response) -> bool:
    if response.status_code != 422:
        return False
    errors = json.loads(response.content).get("errors") or []
    return bool(errors) and all(
        any(rule in error["message"] for rule in RULES_BEYOND_THE_DOCUMENT) for error in errors
    )


def valid_requests_are_taken(ctx, response, case) -> bool | None:
    """``positive_data_acceptance``, less the refusals by the register's own rules."""
    if refused_by_a_rule_beyond_the_document(response):
        return None
    return positive_data_acceptance(ctx, response, case)


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    valid_requests_are_taken,
    negative_data_rejection,
]


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
