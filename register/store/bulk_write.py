"""Writing many rows through the driver's bulk path: ``executemany`` on a plain cursor on
SQLite, ``COPY`` on PostgreSQL.

SQLAlchemy's insert of a list of dictionaries compiles, binds and type-processes every row in
Python; for a rebuild of a million rows that is most of the time. Here each row is a tuple in
the order of its columns, with dates and UUIDs spelled as SQLAlchemy stores them on SQLite.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Date, Table
from sqlalchemy_utils.types.uuid import UUIDType

from register.store.event_scan import driver_connection

Spelling = Callable[[Any], Any]


def write(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    raw = driver_connection(connection)
    if connection.dialect.name == "postgresql":
        with raw.cursor() as cursor:
            names = ", ".join(columns)
            with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[column] for column in columns])
        return
    spelled = _sqlite_spellings(table, columns)
    cursor = raw.cursor()
    try:
        cursor.executemany(
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [[spell(row[column]) for column, spell in spelled] for row in rows],
        )
    finally:
        cursor.close()


def _sqlite_spellings(table: Table, columns: Sequence[str]) -> list[tuple[str, Spelling]]:
    """How each column's values are spelled as SQLAlchemy stores them on SQLite: a date as ISO
    text, a UUID as its 16 bytes (the event store's ``UUIDType``), anything else as it is."""
    spellings: list[tuple[str, Spelling]] = []
    for column in columns:
        kind = table.c[column].type
        if isinstance(kind, Date):
            spellings.append((column, _iso))
        elif isinstance(kind, UUIDType):
            spellings.append((column, _uuid_bytes))
        else:
            spellings.append((column, _as_is))
    return spellings


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _uuid_bytes(value: uuid.UUID) -> bytes:
    return value.bytes


def _as_is(value: Any) -> Any:
    return value
