"""Test helpers: a clock the tests move, and the database URLs the suite runs against."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest

POSTGRES_URL = os.environ.get("ROPA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
POSTGRES_REQUIRED = os.environ.get("ROPA_REQUIRE_POSTGRES") == "1"


class FakeClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.moment = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment


def postgres_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here, or None when they can."""
    try:
        import psycopg

        with psycopg.connect(POSTGRES_URL, connect_timeout=3):
            return None
    except Exception as error:
        return f"PostgreSQL at {POSTGRES_URL} is not reachable ({error.__class__.__name__})"


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections live in a schema of their own, dropped afterwards."""
    import psycopg

    reason = postgres_reason()
    if reason:
        if POSTGRES_REQUIRED:
            pytest.fail(f"{reason}; ROPA_REQUIRE_POSTGRES=1 forbids skipping")
        pytest.skip(reason)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def database(engine: str, folder: str) -> Iterator[str]:
    """A fresh, empty database of the given engine."""
    if engine == "postgres":
        with postgres_schema() as url:
            yield url
    else:
        yield f"sqlite:///{folder}/ropa-{uuid.uuid4().hex[:8]}.db"
