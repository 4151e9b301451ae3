"""Settings come from the ``ROPA_*`` variables in one place, and a value that cannot work stops
the start with an error that names the variable; the entry points take what the settings say."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from api.app import create_app
from register.cli import main
from register.domain.errors import ConfigurationError
from register.settings import Settings

DEFAULTS = Settings(
    database_url="sqlite:///var/ropa.db",
    timezone="Europe/Amsterdam",
    max_body_bytes=4 * 1024 * 1024,
    server_threads=8,
    log_level="INFO",
    connect_timeout=3,
    statement_timeout=5,
)


def test_without_variables_every_setting_takes_its_default() -> None:
    assert Settings.from_environment({}) == DEFAULTS == Settings()


def test_an_empty_variable_counts_as_unset() -> None:
    blank = {"ROPA_DATABASE_URL": "", "ROPA_TIMEZONE": "  ", "ROPA_SERVER_THREADS": ""}
    assert Settings.from_environment(blank) == DEFAULTS


def test_each_variable_sets_its_setting() -> None:
    environ = {
        "ROPA_DATABASE_URL": "postgresql://ropa@db:5432/ropa",
        "ROPA_TIMEZONE": "UTC",
        "ROPA_MAX_BODY_BYTES": "1024",
        "ROPA_SERVER_THREADS": " 16 ",
        "ROPA_LOG_LEVEL": "debug",
        "ROPA_DATABASE_CONNECT_TIMEOUT": "2",
        "ROPA_DATABASE_STATEMENT_TIMEOUT": "30",
        "ROPA_UNRELATED": "ignored",
    }
    assert Settings.from_environment(environ) == Settings(
        database_url="postgresql://ropa@db:5432/ropa",
        timezone="UTC",
        max_body_bytes=1024,
        server_threads=16,
        log_level="DEBUG",
        connect_timeout=2,
        statement_timeout=30,
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ROPA_DATABASE_URL", "var/ropa.db"),
        ("ROPA_DATABASE_URL", "mysql://ropa@db/ropa"),
        ("ROPA_TIMEZONE", "Europe/Atlantis"),
        ("ROPA_TIMEZONE", "../../etc/passwd"),
        ("ROPA_MAX_BODY_BYTES", "4MB"),
        ("ROPA_MAX_BODY_BYTES", "0"),
        ("ROPA_SERVER_THREADS", "-2"),
        ("ROPA_SERVER_THREADS", "2.5"),
        ("ROPA_LOG_LEVEL", "chatty"),
        ("ROPA_DATABASE_CONNECT_TIMEOUT", "0"),
        ("ROPA_DATABASE_STATEMENT_TIMEOUT", "5s"),
    ],
)
def test_a_value_that_cannot_work_is_refused_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigurationError) as refused:
        Settings.from_environment({name: value})
    assert refused.value.detail.startswith(f"{name}={value!r} ")
    assert "unset it for the default" in refused.value.detail


def test_the_process_environment_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROPA_SERVER_THREADS", "3")
    assert Settings.from_environment().server_threads == 3


def test_settings_cannot_be_changed_once_read() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULTS.server_threads = 1  # type: ignore[misc]


def test_the_cli_says_which_variable_is_wrong_before_opening_any_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    monkeypatch.setenv("ROPA_DATABASE_URL", f"sqlite:///{tmp_path}/ropa.db")
    monkeypatch.setenv("ROPA_TIMEZONE", "Europe/Atlantis")
    assert main(["verify"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("ropa: ROPA_TIMEZONE='Europe/Atlantis' ") and error.count("\n") == 1
    assert not (tmp_path / "ropa.db").exists()


def test_the_api_takes_its_body_limit_and_log_level_from_the_settings() -> None:
    app = create_app(settings=Settings(max_body_bytes=1000, log_level="WARNING"))
    assert app.config["MAX_CONTENT_LENGTH"] == 1000
    assert app.logger.level == logging.WARNING
