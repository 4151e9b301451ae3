"""Fixtures: every storage test runs once on SQLite and once on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from register.application.service import Service
from register.bootstrap import bootstrap
from register.cli import main
from register.settings import Settings
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
def service(database_url: str, clock: FakeClock) -> Iterator[Service]:
    """The register on a fresh database of each engine, with a clock the test moves."""
    opened = bootstrap(Settings(database_url=database_url), clock)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def ropa(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """The ``ropa`` command line on the database of each engine: status, output, errors."""
    monkeypatch.setenv("ROPA_DATABASE_URL", database_url)

    def run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run
