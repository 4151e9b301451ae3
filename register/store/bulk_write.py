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
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Date, Table
from sqlalchemy_utils.types.uuid import UUIDType

from register.store.event_scan import driver_connection

Spelling = Callable[[Any], Any]


def write(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    values = _in_order(columns)
    raw = driver_connection(connection)
    if connection.dialect.name == "postgresql":
        with raw.cursor() as cursor:
            names = ", ".join(columns)
            with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
        return
    spelled = _sqlite_spellings(table, columns)
    cursor = raw.cursor()
    try:
        cursor.executemany(
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            (_spelled(values(row), spelled) for row in rows) if spelled else map(values, rows),
        )
    finally:
        cursor.close()


def _in_order(columns: Sequence[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A row's values in the order of ``columns``, taken in C."""
    if len(columns) == 1:
        return lambda row: (row[columns[0]],)
    return itemgetter(*columns)


def _spelled(values: tuple[Any, ...], spellings: Sequence[tuple[int, Spelling]]) -> list[Any]:
    spelled = list(values)
    for index, spell in spellings:
        spelled[index] = spell(spelled[index])
    return spelled


def _sqlite_spellings(table: Table, columns: Sequence[str]) -> list[tuple[int, Spelling]]:
    """The columns whose values SQLAlchemy spells otherwise on SQLite, by index, with their
    spelling: a date as ISO text, a UUID as its 16 bytes (the event store's ``UUIDType``);
    every other value goes as it is."""
    spellings: list[tuple[int, Spelling]] = []
    for index, column in enumerate(columns):
        kind = table.c[column].type
        if isinstance(kind, Date):
            spellings.append((index, _iso_spelling()))
        elif isinstance(kind, UUIDType):
            spellings.append((index, _uuid_bytes))
    return spellings


def _iso_spelling() -> Spelling:
    """A date as ISO text, each day spelled once per write: rows share a few thousand days."""
    spelled: dict[date, str] = {}

    def iso(value: date | None) -> str | None:
        if value is None:
            return None
        found = spelled.get(value)
        if found is None:
            found = spelled[value] = value.isoformat()
        return found

    return iso


def _uuid_bytes(value: uuid.UUID) -> bytes:
    return value.bytes
