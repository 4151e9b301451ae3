"""The bitemporal read model: segments of valid time, each stamped with when it was on record.

A row says: for ``as_of`` in [valid_from, valid_to) and ``known_at`` in [known_from, known_to)
the entry's state was ``content``. An event effective from D recorded at R changes only what the
register says about dates on or after D from R on, so only the current rows reaching past D are
closed at R and their stretch is written again from the new timeline. Earlier rows keep
answering for earlier knowledge: both answers stay available forever.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from register.domain.canonical import canonical_json
from register.domain.timeline import Change, Segment
from register.domain.timeline import segments as timeline_segments
from register.store import segment_index
from register.store.tables import KNOWN_FOREVER, projection, segments, to_micros

PROJECTION_NAME = "register"

ChangesLoader = Callable[[str, int], list[Change]]


@dataclass(frozen=True)
class Projected:
    """One event as the read model needs it."""

    position: int
    entry_id: str
    entry_kind: str
    change: Change


def facet_of(kind: str, fields: dict[str, Any]) -> str | None:
    """The one attribute a list is filtered by: an activity's role, a recipient's category."""
    key = {"activity": "role", "recipient": "category", "policy": "language"}.get(kind)
    return fields.get(key) if key else None


@dataclass(frozen=True)
class CurrentRow:
    """A segment row still on record now (``known_to`` open): the only rows an event can close."""

    id: int
    valid_from: date
    valid_to: date


class Projector:
    """Applies events to the read model in global order, exactly once, inside a transaction.

    It keeps each touched entry's changes, timeline and open rows in memory and assigns row ids
    itself. New rows wait in memory until ``flush``: a row that a later event closes before
    then is written once, already closed, instead of being written and updated. So a rebuild
    costs a few bulk statements per many thousand events. ``load`` gives an entry's earlier
    changes when they are not in memory yet. Call ``flush`` before the transaction commits.
    """

    PENDING_LIMIT = 100_000

    def __init__(self, load: ChangesLoader) -> None:
        self.load = load
        self.changes: dict[str, list[Change]] = {}
        self.timelines: dict[str, list[Segment]] = {}
        self.open_rows: dict[str, list[CurrentRow]] = {}
        self.pending: dict[int, dict[str, Any]] = {}
        self.closes: list[dict[str, Any]] = []
        self.next_id: int | None = None

    def position(self, connection: Connection) -> int:
        found = connection.execute(
            select(projection.c.position).where(projection.c.name == PROJECTION_NAME)
        ).scalar()
        return int(found or 0)

    def apply(self, connection: Connection, events: Iterable[Projected]) -> int:
        if self.next_id is None:
            self.next_id = int(connection.execute(select(func.max(segments.c.id))).scalar() or 0)
        last = None
        for event in events:
            self._apply_one(connection, event)
            last = event.position
        if len(self.pending) > self.PENDING_LIMIT:
            self.flush(connection)
        if last is not None:
            self._track(connection, last)
        return last or 0

    def _apply_one(self, connection: Connection, event: Projected) -> None:
        earlier = self._earlier(connection, event)
        later = [*earlier, event.change]
        self.changes[event.entry_id] = later
        day = event.change.effective_from
        recorded = to_micros(event.change.recorded_at)
        still_open: list[CurrentRow] = []
        closing: list[CurrentRow] = []
        for row in self.open_rows.get(event.entry_id, []):
            (closing if row.valid_to > day else still_open).append(row)
        for row in closing:
            if row.id in self.pending:
                self.pending[row.id]["known_to"] = recorded
            else:
                self.closes.append({"row_id": row.id, "known_to": recorded})
        start = min((row.valid_from for row in closing), default=day)
        kept = [s for s in self._timeline(event.entry_id, earlier) if s.valid_from < start]
        before = kept[-1].state if kept and kept[-1].valid_to == start else None
        rewritten = timeline_segments(later, start, before)
        self.timelines[event.entry_id] = kept + rewritten
        assert self.next_id is not None
        for segment in rewritten:
            self.next_id += 1
            values = _row(event, segment, recorded, later[0].effective_from)
            self.pending[self.next_id] = {**values, "id": self.next_id}
            still_open.append(CurrentRow(self.next_id, segment.valid_from, segment.valid_to))
        self.open_rows[event.entry_id] = still_open

    def flush(self, connection: Connection) -> None:
        """Write the rows waiting in memory and close the stored rows that events closed."""
        rows = list(self.pending.values())
        if rows:
            connection.execute(insert(segments), rows)
            segment_index.add(connection, rows)
        if self.closes:
            connection.execute(_CLOSE, self.closes)
            segment_index.close(connection, self.closes)
        self.pending = {}
        self.closes = []

    def _timeline(self, entry_id: str, earlier: list[Change]) -> list[Segment]:
        known = self.timelines.get(entry_id)
        return known if known is not None else timeline_segments(earlier)

    def _earlier(self, connection: Connection, event: Projected) -> list[Change]:
        known = self.changes.get(event.entry_id)
        if known is not None:
            return known
        version = event.change.version
        if version == 1:
            self.open_rows[event.entry_id] = []
            return []
        rows = connection.execute(
            select(segments.c.id, segments.c.valid_from, segments.c.valid_to).where(
                segments.c.entry_id == event.entry_id, segments.c.known_to == KNOWN_FOREVER
            )
        )
        self.open_rows[event.entry_id] = [CurrentRow(*row) for row in rows]
        return self.load(event.entry_id, version - 1)

    def _track(self, connection: Connection, position: int) -> None:
        done = connection.execute(
            update(projection).where(projection.c.name == PROJECTION_NAME).values(position=position)
        )
        if done.rowcount == 0:
            connection.execute(insert(projection).values(name=PROJECTION_NAME, position=position))


_CLOSE = (
    update(segments)
    .where(segments.c.id == bindparam("row_id"))
    .values(known_to=bindparam("known_to"))
)


def _row(event: Projected, segment: Segment, recorded: int, registered_on: date) -> dict[str, Any]:
    fields = dict(segment.state.fields)
    return {
        "entry_id": event.entry_id,
        "entry_kind": event.entry_kind,
        "valid_from": segment.valid_from,
        "valid_to": segment.valid_to,
        "registered_on": registered_on,
        "known_from": recorded,
        "known_to": KNOWN_FOREVER,
        "status": segment.state.status,
        "name": str(fields.get("name") or fields.get("title") or ""),
        "facet": facet_of(event.entry_kind, fields),
        "content": canonical_json(fields),
    }
