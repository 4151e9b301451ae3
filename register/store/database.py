"""Which database, and how a write transaction takes the register's single write lock.

Writes are serialised: the chain of SPEC §4 needs one global order, and recorded_at must grow
with it so that a read "as known at K" never gains an event later. Reads are never blocked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from register.store.tables import EVENTS_TABLE

SQLITE_BUSY_SECONDS = 60


def sqlalchemy_url(url: str) -> str:
    """Spell the URL for SQLAlchemy: psycopg 3 for PostgreSQL, a busy timeout for SQLite."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///").split("?", 1)[0]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if "timeout=" not in url:
            url += ("&" if "?" in url else "?") + f"timeout={SQLITE_BUSY_SECONDS}"
    return url


def tidy_after_bulk_write(engine: Engine) -> None:
    """Refresh planner statistics, and on PostgreSQL clear the dead row versions a bulk write
    leaves behind: the spatial index would otherwise keep offering them to every query."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("VACUUM ANALYZE ropa_segments"))
            connection.execute(text("ANALYZE ropa_ledger"))
        else:
            connection.execute(text("ANALYZE"))


@dataclass(frozen=True)
class WriteLock:
    """Proof that a transaction holds the write lock: what appending events asks for."""

    session: Session


def lock_for_writing(session: Session) -> WriteLock:
    """Take the write lock at the start of a write transaction; held until commit or rollback."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"LOCK TABLE {EVENTS_TABLE} IN EXCLUSIVE MODE"))
    else:
        session.execute(text("BEGIN IMMEDIATE"))
    return WriteLock(session)
