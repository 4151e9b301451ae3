"""Fixtures: every storage test runs once on SQLite and once on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from register.application.service import RegisterApplication
from tests.support import FakeClock, database

ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    with database(request.param, str(tmp_path)) as url:
        yield url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def register_app(database_url: str, clock: FakeClock) -> Iterator[RegisterApplication]:
    app = RegisterApplication(database_url, clock=clock)
    try:
        yield app
    finally:
        app.close()
