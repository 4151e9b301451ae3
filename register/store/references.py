"""What the rule of references in time asks of the current record (issue 7, item 2).

The current record is the read model's open segments (``known_to == KNOWN_FOREVER``) and the
ledger. Read through the write transaction's connection, both already hold every event the
unit of work has recorded so far, so a command is decided on what it will be recorded after.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from register.domain.catalogue import references
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, END_OF_TIME
from register.store.tables import KNOWN_FOREVER, contents, ledger, segments, segments_with_content


@dataclass(frozen=True)
class Stretch:
    """Part of an entry's current timeline: its state over [valid_from, valid_to)."""

    valid_from: date
    valid_to: date
    status: str
    name: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class Lapse:
    """The first day an entry is not in effect within a stretch asked about, and why not:
    ``takes_effect`` is its registration day when that lies after ``day``, else it is retired."""

    day: date
    name: str
    takes_effect: date | None


@dataclass(frozen=True)
class Naming:
    """An entry in effect that names another, and the first day it does in the stretch asked."""

    entry_id: uuid.UUID
    kind: EntryKind
    name: str
    since: date


def timeline(
    connection: Connection, entry_id: uuid.UUID, start: date, end: date = END_OF_TIME
) -> list[Stretch]:
    """The entry's current timeline over [start, end), in order, each stretch clipped to it.

    It begins after ``start`` when the entry takes effect later; it is empty when the entry
    takes effect on or after ``end``.
    """
    rows = connection.execute(
        select(
            segments.c.valid_from,
            segments.c.valid_to,
            segments.c.status,
            segments.c.name,
            contents.c.content,
        )
        .select_from(segments_with_content)
        .where(
            segments.c.entry_id == str(entry_id),
            segments.c.known_to == KNOWN_FOREVER,
            segments.c.valid_to > start,
            segments.c.valid_from < end,
        )
        .order_by(segments.c.valid_from)
    )
    return [
        Stretch(
            max(row.valid_from, start),
            min(row.valid_to, end),
            row.status,
            row.name,
            json.loads(row.content),
        )
        for row in rows
    ]


def first_lapse(
    connection: Connection, entry_id: uuid.UUID, start: date, end: date
) -> Lapse | None:
    """The first day in [start, end) on which the entry is not in effect on the current
    record (not yet registered, or retired), or None when it is in effect on every one."""
    stretches = timeline(connection, entry_id, start, end)
    if not stretches or stretches[0].valid_from > start:
        first = connection.execute(
            select(segments.c.name, segments.c.registered_on)
            .where(segments.c.entry_id == str(entry_id), segments.c.known_to == KNOWN_FOREVER)
            .order_by(segments.c.valid_from)
            .limit(1)
        ).one()
        return Lapse(start, first.name, first.registered_on)
    for stretch in stretches:
        if stretch.status != ACTIVE:
            return Lapse(stretch.valid_from, stretch.name, None)
    return None


def naming(
    connection: Connection,
    kinds: Collection[EntryKind],
    entry_id: uuid.UUID,
    start: date,
    end: date,
) -> list[Naming]:
    """The entries of ``kinds`` in effect on some day of [start, end) that name ``entry_id``
    then, on the current record, by the first such day.

    It scans the open segments of those kinds over the stretch and parses their content (the
    id in the text only narrows the scan): a few thousand rows at a register's size, and asked
    only when an entry is retired.
    """
    rows = connection.execute(
        select(
            segments.c.entry_id,
            segments.c.entry_kind,
            segments.c.name,
            segments.c.valid_from,
            contents.c.content,
        )
        .select_from(segments_with_content)
        .where(
            segments.c.entry_kind.in_([str(kind) for kind in kinds]),
            segments.c.known_to == KNOWN_FOREVER,
            segments.c.status == ACTIVE,
            segments.c.valid_to > start,
            segments.c.valid_from < end,
            contents.c.content.contains(str(entry_id), autoescape=True),
        )
        .order_by(segments.c.valid_from, segments.c.entry_id)
    )
    found: dict[str, Naming] = {}
    for row in rows:
        named = references(row.entry_kind, json.loads(row.content))
        if row.entry_id not in found and any(ref == str(entry_id) for _, _, ref in named):
            found[row.entry_id] = Naming(
                uuid.UUID(row.entry_id),
                EntryKind(row.entry_kind),
                row.name,
                max(row.valid_from, start),
            )
    return list(found.values())


def next_effective(
    connection: Connection, entry_id: uuid.UUID, day: date, event_types: Collection[str]
) -> date:
    """The first day after ``day`` on which one of the entry's events of those types takes
    effect, or the end of time: where what an event of those types on ``day`` decides ends."""
    found = connection.execute(
        select(func.min(ledger.c.effective_from)).where(
            ledger.c.entry_id == str(entry_id),
            ledger.c.effective_from > day,
            ledger.c.event_type.in_(list(event_types)),
        )
    ).scalar()
    return found or END_OF_TIME


def versions_effective_after(
    connection: Connection, entry_id: uuid.UUID, day: date, event_type: str
) -> list[int]:
    """The versions of the entry's events of one type that take effect after ``day``."""
    return list(
        connection.execute(
            select(ledger.c.version)
            .where(
                ledger.c.entry_id == str(entry_id),
                ledger.c.effective_from > day,
                ledger.c.event_type == event_type,
            )
            .order_by(ledger.c.version)
        ).scalars()
    )
