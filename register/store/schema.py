"""Creating what a store needs on first use, by whichever process comes first."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

from register.store import guards, token_log
from register.store.projections import Projections
from register.store.tables import ledger, metadata

SCHEMA_LOCK = 30301


def prepare(engine: Engine, projections: Projections) -> None:
    """Create the tables, indexes and guards that are missing, one process at a time: the event
    store's own table too, so that processes starting at once on a fresh database do not race
    to create it."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})"))
        for table in projections.store.tables:
            table.create(connection, checkfirst=True)
        metadata.create_all(connection)
        for index in ledger.indexes:  # a store made before an index was added gains it
            index.create(connection, checkfirst=True)
        projections.install(connection)
        token_log.adopt_legacy(connection)
        guards.install(connection)
