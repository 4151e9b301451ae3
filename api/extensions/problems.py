"""Problem details (RFC 9457): the one shape every error of the API takes.

A client can branch on ``type`` (a stable URN per kind of problem), show ``detail`` to a person,
and, for invalid input, point at each field in ``errors``. Every error path ends here, so no
handler of the framework can answer in another shape.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from flask import Response, request
from marshmallow.exceptions import SCHEMA

from register.domain.errors import InvalidCommand
from register.domain.quoting import printable

PROBLEM_JSON = "application/problem+json"
MAX_INSTANCE = 1_000  # a longer path is not echoed back as the problem's instance

LOCATIONS = {"json": "body", "query": "query", "headers": "header", "view_args": "path"}


@dataclass(frozen=True)
class ProblemType:
    """A kind of problem: its URN, its title and the status it answers with."""

    slug: str
    status: int
    title: str

    @property
    def uri(self) -> str:
        return f"urn:ropa:problem:{self.slug}"


BAD_REQUEST = ProblemType("bad-request", 400, "The request is malformed")
UNAUTHENTICATED = ProblemType("unauthenticated", 401, "Authentication is required")
FORBIDDEN = ProblemType("forbidden", 403, "This role may not do that")
NOT_FOUND = ProblemType("not-found", 404, "Not found")
RETIRED = ProblemType("retired", 404, "The entry is retired")
METHOD_NOT_ALLOWED = ProblemType("method-not-allowed", 405, "Method not allowed")
LIFECYCLE_CONFLICT = ProblemType(
    "lifecycle-conflict", 409, "The change conflicts with the lifecycle"
)
CONFLICT = ProblemType("conflict", 409, "The request conflicts with the register's state")
VERSION_MISMATCH = ProblemType("version-mismatch", 412, "The entry has changed since it was read")
TOO_LARGE = ProblemType("too-large", 413, "The request body is too large")
UNSUPPORTED_MEDIA_TYPE = ProblemType("unsupported-media-type", 415, "Unsupported content type")
INVALID_FIELDS = ProblemType("invalid-fields", 422, "The request has invalid fields")
IF_MATCH_REQUIRED = ProblemType("if-match-required", 428, "If-Match is required")
INTERNAL = ProblemType("internal", 500, "Unexpected error")
NOT_READY = ProblemType("not-ready", 503, "The service is not ready")
UNAVAILABLE = ProblemType("database-unavailable", 503, "The database is unavailable")

RETRY_AFTER = {"Retry-After": "5"}  # seconds: about how long a connection attempt may take

BY_STATUS = {
    kind.status: kind
    for kind in (
        BAD_REQUEST,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        METHOD_NOT_ALLOWED,
        CONFLICT,
        VERSION_MISMATCH,
        TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        INVALID_FIELDS,
        IF_MATCH_REQUIRED,
        INTERNAL,
        NOT_READY,
    )
}


class Problem(Exception):
    """Raised anywhere in the API to answer with a problem of the given kind."""

    def __init__(
        self,
        kind: ProblemType,
        detail: str,
        *,
        errors: list[dict[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.errors = errors
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def response(self) -> Response:
        body: dict[str, Any] = {
            "type": self.kind.uri,
            "title": self.kind.title,
            "status": self.kind.status,
            "detail": self.detail,
            **({"instance": request.path} if len(request.path) <= MAX_INSTANCE else {}),
            **self.extra,
        }
        if self.errors is not None:
            body["errors"] = self.errors
        # A lone surrogate that slipped into a message would make the body unencodable and the
        # answer a 500; written as its JSON escape it is still the same string.
        return Response(
            json.dumps(body, ensure_ascii=False).encode("utf-8", "backslashreplace"),
            status=self.kind.status,
            headers=self.headers,
            mimetype=PROBLEM_JSON,
        )


def kind_for_status(status: int) -> ProblemType:
    """The problem kind of a plain HTTP error; unnamed statuses keep their standard phrase."""
    if status in BY_STATUS:
        return BY_STATUS[status]
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return ProblemType(phrase.lower().replace(" ", "-"), status, phrase)


def field_errors(messages: Any, location: str) -> list[dict[str, str]]:
    """Flatten marshmallow's nested messages into ``{"location", "field", "message"}`` items.

    Nested paths are spelled as the domain spells them (``purposes[0].legal_basis``) so that a
    client handles shape errors and rule errors alike.
    """
    where = LOCATIONS.get(location, location)
    found: list[dict[str, str]] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, Mapping):
            for key, value in node.items():
                walk(value, _join(path, key))
        elif isinstance(node, list | tuple) and all(isinstance(m, str) for m in node):
            found.extend({"location": where, "field": path, "message": m} for m in node)
        elif isinstance(node, Iterable) and not isinstance(node, str):
            for item in node:
                walk(item, path)
        else:
            found.append({"location": where, "field": path, "message": str(node)})

    walk(messages, "")
    return found


def _join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if key == SCHEMA:
        return path
    name = printable(str(key))  # an unknown field is named as the client sent it
    return f"{path}.{name}" if path else name


def invalid_command(error: InvalidCommand, location: str) -> Problem:
    """The register's refusal of a command's fields, found at ``location`` of the request."""
    problem = invalid_fields(field_errors(error.errors, location))
    problem.detail = error.detail
    return problem


def invalid_fields(errors: list[dict[str, str]]) -> Problem:
    names = sorted({e["field"] or "(body)" for e in errors})
    return Problem(
        INVALID_FIELDS,
        "The request has invalid fields: " + ", ".join(names) + ". See 'errors' for each.",
        errors=errors,
    )
