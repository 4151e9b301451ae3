"""Reading the whole event table through the driver's own cursor.

A rebuild reads every event once. Through the ORM each row costs an object and its
bookkeeping; a plain cursor hands over tuples, and a server-side cursor on PostgreSQL keeps
only a batch in memory at a time (psycopg's ordinary cursor would fetch the whole table).
The rows become ``StoredEvent``s, which the event store decodes through its mapper as it
decodes every other event.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from eventsourcing.persistence import StoredEvent
from sqlalchemy import Connection

BATCH = 2000


def driver_connection(connection: Connection) -> Any:
    """The DB-API connection under ``connection``, in the same transaction."""
    return connection.connection.driver_connection


def by_entry(connection: Connection, table: str) -> Iterator[tuple[int, StoredEvent]]:
    """Every stored event with its position, ordered by entry and version (the unique index)."""
    raw = driver_connection(connection)
    postgres = connection.dialect.name == "postgresql"
    cursor = raw.cursor(name="ropa_scan") if postgres else raw.cursor()
    if postgres:
        cursor.itersize = BATCH
    try:
        cursor.execute(
            f"SELECT id, originator_id, originator_version, topic, state FROM {table} "
            "ORDER BY originator_id, originator_version"
        )
        while rows := cursor.fetchmany(BATCH):
            for position, entry_id, version, topic, state in rows:
                if not isinstance(entry_id, uuid.UUID):
                    entry_id = uuid.UUID(bytes=bytes(entry_id))
                yield position, StoredEvent(entry_id, version, topic, bytes(state))
    finally:
        cursor.close()
