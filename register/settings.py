"""The register's settings, read from the environment in this one place.

Every entry point (the CLI, the API factory, the WSGI module) builds one ``Settings`` and hands
it down; nothing deeper reads the environment, so tests pass settings instead of patching it.
A value that cannot work stops the start with an error that names the variable, rather than
surfacing later as a puzzling failure far from its cause.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from register.domain.errors import ConfigurationError

DEFAULT_DATABASE_URL = "sqlite:///var/ropa.db"
DEFAULT_TIMEZONE = "Europe/Amsterdam"
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024
DEFAULT_SERVER_THREADS = 8
DEFAULT_LOG_LEVEL = "INFO"
DEFAULT_CONNECT_TIMEOUT = 3  # seconds; libpq counts anything below 2 as 2
DEFAULT_STATEMENT_TIMEOUT = 5  # seconds

ENGINES = ("sqlite", "postgresql", "postgres")  # the schemes whose SQL the store speaks
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    timezone: str = DEFAULT_TIMEZONE  # the zone in which "today" and bare dates are read
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES  # the largest request body the API accepts
    server_threads: int = DEFAULT_SERVER_THREADS  # the threads of ``ropa serve`` (waitress)
    log_level: str = DEFAULT_LOG_LEVEL
    # how long to wait for a connection to the database (PostgreSQL), in seconds
    connect_timeout: int = DEFAULT_CONNECT_TIMEOUT
    # how long one statement may run or wait for a lock, in seconds (PostgreSQL's statement and
    # lock timeouts, SQLite's busy timeout): a database that hangs gives the thread back
    statement_timeout: int = DEFAULT_STATEMENT_TIMEOUT

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """The settings the ``ROPA_*`` variables give.

        A variable that is unset or empty takes its default: compose files and shells often
        set a variable to nothing to mean "not set".
        """

        def read(name: str, parse: Callable[[str, str], T], default: T) -> T:
            text = environ.get(name, "").strip()
            return parse(name, text) if text else default

        return cls(
            database_url=read("ROPA_DATABASE_URL", _database_url, DEFAULT_DATABASE_URL),
            timezone=read("ROPA_TIMEZONE", _timezone, DEFAULT_TIMEZONE),
            max_body_bytes=read("ROPA_MAX_BODY_BYTES", _positive, DEFAULT_MAX_BODY_BYTES),
            server_threads=read("ROPA_SERVER_THREADS", _positive, DEFAULT_SERVER_THREADS),
            log_level=read("ROPA_LOG_LEVEL", _log_level, DEFAULT_LOG_LEVEL),
            connect_timeout=read(
                "ROPA_DATABASE_CONNECT_TIMEOUT", _positive, DEFAULT_CONNECT_TIMEOUT
            ),
            statement_timeout=read(
                "ROPA_DATABASE_STATEMENT_TIMEOUT", _positive, DEFAULT_STATEMENT_TIMEOUT
            ),
        )


def _refuse(name: str, text: str, problem: str, remedy: str) -> ConfigurationError:
    return ConfigurationError(f"{name}={text!r} {problem}: {remedy}, or unset it for the default.")


def _database_url(name: str, text: str) -> str:
    scheme, separator, _ = text.partition("://")
    if not separator or scheme.split("+", 1)[0] not in ENGINES:
        raise _refuse(
            name,
            text,
            "names no database the register can use",
            "set it to sqlite:///PATH or postgresql://USER@HOST/DATABASE",
        )
    return text


def _timezone(name: str, text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise _refuse(
            name, text, "is not a time zone", f"set it to an IANA name such as {DEFAULT_TIMEZONE}"
        ) from None
    return text


def _positive(name: str, text: str) -> int:
    number = int(text) if text.isdecimal() else 0
    if number < 1:
        raise _refuse(name, text, "is not a positive whole number", "set it to one")
    return number


def _log_level(name: str, text: str) -> str:
    level = text.upper()
    if level not in LOG_LEVELS:
        raise _refuse(name, text, "is not a log level", "set it to one of " + ", ".join(LOG_LEVELS))
    return level
