"""Which database, how long the store waits for it, how a write transaction takes the register's
single write lock, and how to tell that the database cannot be used right now.

Writes are serialised: the chain of SPEC §4 needs one global order, and recorded_at must grow
with it so that a read "as known at K" never gains an event later. Reads are never blocked.

Every wait on the database is bounded, so that a database that is down or hangs gives each
request thread back within seconds (and the API answers 503) instead of holding it for ever.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from psycopg.abc import PQGen
from sqlalchemy import Engine, event, exc, text
from sqlalchemy.orm import Session

from register.domain.errors import StoreUnavailable
from register.store.tables import EVENTS_TABLE

RV = TypeVar("RV")

AUTOCOMMIT = "AUTOCOMMIT"  # the isolation level of reads that need no transaction
SILENCE_GRACE = 1  # seconds a silent server gets beyond its own statement timeout
LOCK_RETRY_FIRST = 0.0002  # seconds between the first tries for SQLite's write lock
LOCK_RETRY_LONGEST = 0.002  # and between later ones


@dataclass(frozen=True)
class Timeouts:
    """How long the store waits for the database, in seconds (see ``Settings``)."""

    connect: int
    statement: int


def sqlalchemy_url(url: str, timeouts: Timeouts) -> str:
    """Spell the URL for SQLAlchemy: psycopg 3 for PostgreSQL, a busy timeout for SQLite."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///").split("?", 1)[0]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if "timeout=" not in url:
            url += ("&" if "?" in url else "?") + f"timeout={timeouts.statement}"
    return url


def bound_waits(engine: Engine, timeouts: Timeouts) -> None:
    """Bound every wait of ``engine``'s connections by ``timeouts``; on SQLite, also make each
    commit reach the disk before it returns. Call before the engine's first connection."""
    if engine.dialect.name == "postgresql":
        event.listen(engine, "do_connect", partial(_connect_bounded, timeouts))
    elif engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sync_fully)


def _connect_bounded(
    timeouts: Timeouts, dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]
) -> psycopg.Connection[Any]:
    """Connect with the connect timeout, and have the server cancel a statement, or a wait for
    a lock (the write lock included), that runs past the statement timeout. Settings the URL
    gives (in ``connect_timeout`` or ``options``) take precedence over these."""
    milliseconds = timeouts.statement * 1000
    ours = f"-c statement_timeout={milliseconds} -c lock_timeout={milliseconds}"
    cparams.setdefault("connect_timeout", timeouts.connect)
    cparams["options"] = f"{ours} {cparams.get('options', '')}".strip()
    connection = _Bounded.connect(*cargs, **cparams)
    connection.answer_within = timeouts.statement + SILENCE_GRACE
    return connection


class _Bounded(psycopg.Connection[Any]):
    """A connection that gives up on a server that has stopped answering.

    The statement timeout is enforced by the server, so a server that is frozen (stopped, a
    stalled machine or disk) never sends the cancellation, while the kernel goes on accepting
    what the client sends: the client would wait for ever. Every exchange of psycopg waits in
    ``wait``; past the bound the connection is closed, which SQLAlchemy takes for a disconnect
    and answers by invalidating its pool, so service resumes on fresh connections.
    """

    answer_within: float | None = None

    def wait(self, gen: PQGen[RV], interval: float = 0.1, timeout: float | None = None) -> RV:
        if timeout is not None or self.answer_within is None:
            return super().wait(gen, interval, timeout)
        try:
            return super().wait(gen, interval, self.answer_within)
        except psycopg.errors._WaitTimeout:
            self.pgconn.finish()  # halfway through an exchange: the connection cannot be reused
            raise psycopg.OperationalError(
                f"the database did not answer within {self.answer_within} s"
            ) from None


def _sync_fully(connection: Any, record: Any) -> None:
    """In WAL mode NORMAL may lose the last commits on power loss; an acknowledged write must
    not be lost, so every commit is synced (SQLite's own default, made independent of how it
    was compiled)."""
    connection.execute("PRAGMA synchronous=FULL")


def unavailable(error: BaseException) -> str | None:
    """Why the store cannot be used right now, on one line, when ``error`` (or what caused it)
    says so: the database is down, hangs, is locked, or its file is gone or read-only. None for
    any other error, which is a bug or bad input and deserves its traceback."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, StoreUnavailable):
            return cause.detail
        if isinstance(cause, exc.TimeoutError):
            return "no connection to the database became free in time"
        if isinstance(cause, exc.DBAPIError) and (
            cause.connection_invalidated
            or isinstance(cause, exc.OperationalError | exc.InterfaceError)
        ):
            lines = str(cause.orig).strip().splitlines()
            return f"{type(cause.orig).__name__}: {lines[0] if lines else 'no message'}"
        cause = cause.__cause__
    return None


@dataclass(frozen=True)
class StoreFile:
    """The SQLite file a store opened, to tell whether a write still reaches the file that the
    store will open next time.

    SQLite keeps a deleted or replaced file open and goes on writing into it: without this
    check such writes are acknowledged and then lost on restart.
    """

    path: Path
    identity: tuple[int, int]  # (st_dev, st_ino) of the file when the store opened it

    @classmethod
    def opened_by(cls, engine: Engine) -> StoreFile | None:
        """The file ``engine`` opens, created now if new; None for PostgreSQL or memory."""
        database = engine.url.database
        if engine.dialect.name != "sqlite" or not database or database == ":memory:":
            return None
        if database.startswith("file:"):  # a URI filename: leave it to SQLite
            return None
        with engine.connect():  # SQLite creates the file on the first connection
            pass
        path = Path(database).absolute()
        found = path.stat()
        return cls(path, (found.st_dev, found.st_ino))

    def check(self) -> None:
        """Raise ``StoreUnavailable`` unless the path still names the file the store opened and
        both it and its folder (where SQLite keeps its journal) can be written."""
        try:
            found = self.path.stat()
        except OSError:
            raise StoreUnavailable(
                f"The store's file {self.path} is gone: restore it, or restart the service to "
                "start a new store."
            ) from None
        if (found.st_dev, found.st_ino) != self.identity:
            raise StoreUnavailable(
                f"The store's file {self.path} was replaced while the service ran: restart the "
                "service to open the file now there."
            )
        for place in (self.path, self.path.parent):
            if not os.access(place, os.W_OK):
                raise StoreUnavailable(
                    f"{place} cannot be written: make it writable for the store to take writes."
                )


def tidy_after_bulk_write(engine: Engine) -> None:
    """Refresh planner statistics, and on PostgreSQL clear the dead row versions a bulk write
    leaves behind: the spatial index would otherwise keep offering them to every query."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET statement_timeout = 0"))
            try:
                with _unguarded(connection.connection.driver_connection):
                    for table in ("ropa_segments", "ropa_contents"):
                        connection.execute(text(f"VACUUM ANALYZE {table}"))
                    connection.execute(text("ANALYZE ropa_ledger"))
            finally:
                connection.execute(text("RESET statement_timeout"))
        else:
            connection.execute(text("ANALYZE"))


@dataclass(frozen=True)
class WriteLock:
    """Proof that a transaction holds the write lock: what appending events asks for."""

    session: Session


def lock_for_writing(session: Session, patience: float | None = None) -> WriteLock:
    """Take the write lock at the start of a write transaction; held until commit or rollback.

    It is waited for as long as the store's statement timeout allows, or ``patience`` seconds
    when given: work that must wait for another's long work (a rebuild) says so."""
    if session.get_bind().dialect.name == "postgresql":
        if patience is not None:
            session.execute(text(f"SET LOCAL lock_timeout = {int(patience * 1000)}"))
        session.execute(text(f"LOCK TABLE {EVENTS_TABLE} IN EXCLUSIVE MODE"))
    else:
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        _begin_immediate(raw, patience)
    return WriteLock(session)


@contextmanager
def unbounded_statements(session: Session) -> Iterator[None]:
    """Let the statements of this transaction, and the waits for its lock, run as long as they
    need while in this context: a rebuild creates an index over the whole read model in one
    statement, and a store opened during another's rebuild waits for it. On PostgreSQL the
    statement timeout is lifted for the transaction and so is the client's own bound on a
    silent server; SQLite's busy timeout never bounds a running statement."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    session.execute(text("SET LOCAL statement_timeout = 0"))
    with _unguarded(session.connection().connection.driver_connection):
        yield


@contextmanager
def _unguarded(connection: Any) -> Iterator[None]:
    """Lift the bound ``_Bounded`` puts on waiting for a PostgreSQL server, for a while."""
    bound = getattr(connection, "answer_within", None)
    connection.answer_within = None
    try:
        yield
    finally:
        connection.answer_within = bound


def _begin_immediate(connection: sqlite3.Connection, patience: float | None) -> None:
    """Begin a SQLite write transaction as soon as the writer before it commits.

    SQLite's busy handler waits for a lock by sleeping on a fixed schedule that reaches 100 ms
    between tries, so a writer that queues behind another often sleeps long after the lock
    came free. Here each try fails at once (busy timeout 0) and is repeated after a short,
    jittered pause of our own, for as long as the connection's busy timeout allows.
    """
    busy_ms = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    waits = busy_ms / 1000 if patience is None else patience
    deadline = time.monotonic() + waits
    pause = LOCK_RETRY_FIRST
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreUnavailable(
                        f"OperationalError: {error} (another writer held it for {waits:g} s)"
                    ) from error
            time.sleep(pause * random.uniform(0.5, 1.0))
            pause = min(pause * 2, LOCK_RETRY_LONGEST)
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
