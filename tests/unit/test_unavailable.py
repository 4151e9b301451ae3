"""Which errors mean "the database cannot be used right now" (503, one log line) rather than a
bug or bad input (a traceback): the API and /ready ask ``unavailable``."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from eventsourcing.persistence import OperationalError as WrappedOperationalError
from sqlalchemy import exc

from register.domain.errors import InvalidCommand, StoreUnavailable
from register.store.database import unavailable


def dbapi(kind: type[exc.DBAPIError], orig: Exception, invalidated: bool = False) -> Exception:
    return kind("SELECT 1", None, orig, connection_invalidated=invalidated)


def wrapped(cause: Exception) -> Exception:
    """As eventsourcing-sqlalchemy re-raises a failed commit: its own class, from the cause."""
    try:
        raise WrappedOperationalError(cause) from cause
    except WrappedOperationalError as error:
        return error


REFUSED = psycopg.OperationalError(
    'connection failed: connection to server at "127.0.0.1", port 5999 failed: Connection '
    "refused\n\tIs the server running on that host and accepting TCP/IP connections?"
)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (
            dbapi(exc.OperationalError, REFUSED),
            'OperationalError: connection failed: connection to server at "127.0.0.1", port '
            "5999 failed: Connection refused",
        ),
        (
            wrapped(dbapi(exc.OperationalError, sqlite3.OperationalError("database is locked"))),
            "OperationalError: database is locked",
        ),
        (
            dbapi(exc.DatabaseError, psycopg.DatabaseError("closed"), invalidated=True),
            "DatabaseError: closed",
        ),
        (dbapi(exc.InterfaceError, psycopg.InterfaceError("")), "InterfaceError: no message"),
        (exc.TimeoutError("QueuePool limit"), "no connection to the database became free in time"),
        (StoreUnavailable("The store's file is gone."), "The store's file is gone."),
    ],
)
def test_a_database_that_is_away_is_named_on_one_line(error: Exception, reason: str) -> None:
    assert unavailable(error) == reason


@pytest.mark.parametrize(
    "error",
    [
        dbapi(exc.IntegrityError, psycopg.IntegrityError("duplicate key")),
        dbapi(exc.ProgrammingError, psycopg.ProgrammingError("syntax error")),
        InvalidCommand({"name": ["required"]}),
        ValueError("a bug"),
    ],
)
def test_anything_else_is_not_called_an_outage(error: Exception) -> None:
    assert unavailable(error) is None
