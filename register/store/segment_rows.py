"""The segment read model's rows as stored, for checking them against the events.

Queries answer from a few rows at one point in time; the check reads every row of an entry,
closed ones included, because each says what the register answered over a stretch of time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from register.store.tables import segments


@dataclass(frozen=True)
class SegmentRow:
    entry_kind: str
    valid_from: date
    valid_to: date
    registered_on: date
    known_from: int  # microseconds since the epoch, UTC
    known_to: int
    status: str
    name: str
    facet: str | None
    content: str


def rows_of(connection: Connection, entry_id: uuid.UUID) -> list[SegmentRow]:
    """Every row of one entry, open and closed, by valid time."""
    rows = connection.execute(
        select(
            segments.c.entry_kind,
            segments.c.valid_from,
            segments.c.valid_to,
            segments.c.registered_on,
            segments.c.known_from,
            segments.c.known_to,
            segments.c.status,
            segments.c.name,
            segments.c.facet,
            segments.c.content,
        )
        .where(segments.c.entry_id == str(entry_id))
        .order_by(segments.c.valid_from, segments.c.known_from)
    )
    return [SegmentRow(**row._mapping) for row in rows]


def entries_known_by(connection: Connection, known_at: int) -> set[str]:
    """The ids of the entries that have rows written by ``known_at`` (microseconds)."""
    found = connection.execute(
        select(segments.c.entry_id).where(segments.c.known_from <= known_at).distinct()
    ).scalars()
    return set(found)
