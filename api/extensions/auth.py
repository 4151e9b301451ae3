"""Bearer tokens and roles (SPEC §5): who is asking, and may that role do this.

Every operation of a protected blueprint is checked before its arguments are read, so an
anonymous caller learns nothing about the shape of a request. The token's name becomes the actor
of every event the request records.
"""

from __future__ import annotations

from collections.abc import Collection

from flask import g, request

from api.extensions.problems import FORBIDDEN, UNAUTHENTICATED, Problem
from api.extensions.register_app import current_service
from register.store.tokens import TokenInfo

REALM = 'Bearer realm="ropa"'
READ_METHODS = frozenset({"GET", "HEAD"})

REGISTER_READERS = ("dpo", "auditor")
REGISTER_WRITERS = ("dpo",)
TOKEN_MANAGERS = ("admin",)


def _challenge(error: str | None = None, description: str | None = None) -> dict[str, str]:
    value = REALM
    if error:
        value += f', error="{error}"'
    if description:
        value += f', error_description="{description}"'
    return {"WWW-Authenticate": value}


def _bearer_secret() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    if not header:
        raise Problem(
            UNAUTHENTICATED,
            "No token was given: send 'Authorization: Bearer <token>' (create one with "
            "'ropa token create').",
            headers=_challenge(),
        )
    if scheme.lower() != "bearer" or not secret.strip():
        raise Problem(
            UNAUTHENTICATED,
            "The Authorization header must read 'Bearer <token>'.",
            headers=_challenge("invalid_request", "expected a bearer token"),
        )
    return secret.strip()


def authenticate() -> TokenInfo:
    """The token of this request, or a 401 that says why it cannot be used."""
    service = current_service()
    token = service.tokens.find(_bearer_secret())
    if token is None:
        raise Problem(
            UNAUTHENTICATED,
            "The token is not known: check it was copied whole, or create a new one.",
            headers=_challenge("invalid_token", "unknown token"),
        )
    refusal = token.refusal(service.reader.today())
    if refusal:
        raise Problem(
            UNAUTHENTICATED,
            f"The token cannot be used: {refusal}. Ask an admin for a new one.",
            headers=_challenge("invalid_token", refusal),
        )
    return token


def authorize(readers: Collection[str], writers: Collection[str]) -> None:
    """Let the request through when its token's role may use this method, else 401 or 403."""
    if request.method == "OPTIONS":
        return
    token = authenticate()
    allowed = readers if request.method in READ_METHODS else writers
    if token.role not in allowed:
        action = "read this" if request.method in READ_METHODS else "change this"
        raise Problem(
            FORBIDDEN,
            f"A {token.role} token may not {action}; it takes one of: {', '.join(allowed)}.",
            headers=_challenge("insufficient_scope"),
        )
    g.token = token


def current_actor() -> str:
    """The name recorded as the actor of the events this request writes."""
    return str(g.token.name)
