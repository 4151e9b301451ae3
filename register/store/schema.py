"""Creating what a store needs on first use, by whichever process comes first."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

from register.store import guards
from register.store.projections import Projections
from register.store.tables import ledger, metadata

SCHEMA_LOCK = 30301


def prepare(engine: Engine, projections: Projections) -> None:
    """Create the tables, indexes and guards that are missing, one process at a time."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})"))
        metadata.create_all(connection)
        for index in ledger.indexes:  # a store made before an index was added gains it
            index.create(connection, checkfirst=True)
        projections.install(connection)
        guards.install(connection)
