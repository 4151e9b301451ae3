"""The command line keeps the register's limits too: a moment asked for must have passed, a day
is written one way, a token must be usable and its name a name. Each refusal is one line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from register.cli import main


@pytest.fixture
def refused(database_url: str, monkeypatch, capsys):
    """Run ``ropa`` with the arguments given; the one line it printed on refusing them."""
    monkeypatch.setenv("ROPA_DATABASE_URL", database_url)

    def run(*args: str) -> str:
        status = main(list(args))
        err = capsys.readouterr().err
        assert status == 1 and err.count("\n") == 1, (status, err)
        return err

    return run


def test_register_known_at_later_than_now_is_refused(refused) -> None:
    later = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
    line = refused("register", "--known-at", later)
    assert "is later than now" in line and "leave known_at out" in line
    assert "later than now" in refused("register", "--known-at", "2999-12-31")


@pytest.mark.parametrize("value", ["20231024", "2023-W43-2", "9999-12-31", "1899-12-31"])
def test_register_days_are_read_strictly(refused, value: str) -> None:
    assert "between 1900-01-01 and 2999-12-31" in refused("register", "--as-of", value)
    assert "between 1900-01-01 and 2999-12-31" in refused("register", "--known-at", value)


def test_a_token_must_be_usable_and_its_name_a_name(refused) -> None:
    yesterday = (datetime.now(UTC) - timedelta(days=2)).date().isoformat()
    args = ("token", "create", "--role", "dpo")
    assert "expires_on" in refused(*args, "--name", "Temp", "--expires", yesterday)
    assert "name" in refused(*args, "--name", "\u200b\u2060")
    assert "name" in refused(*args, "--name", "x" * 201)
