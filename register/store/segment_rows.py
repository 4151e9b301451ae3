"""The segment read model's rows as stored: how a segment becomes a row (and an event the rows
naming the fields it set), and reading them back for checking them against the events.

Queries answer from a few rows at one point in time; the check reads every row of an entry,
closed ones included, because each says what the register answered over a stretch of time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from register.domain.canonical import canonical_json
from register.domain.catalogue import spec
from register.domain.kinds import EntryKind
from register.domain.timeline import Change, Segment, State
from register.store.tables import (
    KNOWN_FOREVER,
    contents,
    event_fields,
    segments,
    segments_with_content,
)


def segment_row(
    row_id: int,
    entry_id: uuid.UUID,
    kind: EntryKind,
    registered_on: date,
    known_from: int,
    segment: Segment,
    content_id: int,
) -> dict[str, Any]:
    """The row of a segment written at ``known_from`` (microseconds), open until closed; its
    state is the content row ``content_id``."""
    fields = segment.state.fields
    declared = spec(kind)
    return {
        "id": row_id,
        "entry_id": str(entry_id),
        "entry_kind": str(kind),
        "valid_from": segment.valid_from,
        "valid_to": segment.valid_to,
        "registered_on": registered_on,
        "known_from": known_from,
        "known_to": KNOWN_FOREVER,
        "status": segment.state.status,
        "name": str(fields.get(declared.name_field) or ""),
        "facet": fields.get(declared.facet) if declared.facet else None,
        "content_id": content_id,
    }


def fields_set(entry_id: uuid.UUID, change: Change) -> list[dict[str, Any]]:
    """The rows naming each field one event of the entry set."""
    return [
        {"entry_id": str(entry_id), "field": name, "version": change.version}
        for name in change.fields
    ]


class Contents:
    """The content rows of one entry's states, each state once: its id by its canonical JSON."""

    def __init__(self, next_id: int) -> None:
        self.next_id = next_id
        self.ids: dict[str, int] = {}
        # the same state object met again needs no spelling: kept with it, so its id is not reused
        self.seen: dict[int, tuple[State, int]] = {}
        self.new: list[dict[str, Any]] = []

    def forget(self) -> None:
        """Let go of the states known so far (another entry's states will not recur)."""
        self.ids = {}
        self.seen = {}

    def id_of(self, state: State) -> int:
        seen = self.seen.get(id(state))
        if seen is not None and seen[0] is state:
            return seen[1]
        spelled = canonical_json(dict(state.fields))
        found = self.ids.get(spelled)
        if found is None:
            self.next_id += 1
            found = self.ids[spelled] = self.next_id
            self.new.append({"id": found, "content": spelled})
        self.seen[id(state)] = (state, found)
        return found

    def taken(self) -> list[dict[str, Any]]:
        """The content rows added since the last call, to be written."""
        new, self.new = self.new, []
        return new


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
            contents.c.content,
        )
        .select_from(segments_with_content)
        .where(segments.c.entry_id == str(entry_id))
        .order_by(segments.c.valid_from, segments.c.known_from)
    )
    return [SegmentRow(**row._mapping) for row in rows]


def fields_set_of(connection: Connection, entry_id: uuid.UUID) -> set[tuple[int, str]]:
    """Each (version, field) the read model says one of the entry's events set."""
    rows = connection.execute(
        select(event_fields.c.version, event_fields.c.field).where(
            event_fields.c.entry_id == str(entry_id)
        )
    )
    return {(row.version, row.field) for row in rows}


def entries_known_by(connection: Connection, known_at: int) -> set[str]:
    """The ids of the entries that have rows written by ``known_at`` (microseconds)."""
    found = connection.execute(
        select(segments.c.entry_id).where(segments.c.known_from <= known_at).distinct()
    ).scalars()
    return set(found)
