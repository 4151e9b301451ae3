"""The bitemporal read model: segments of valid time, each stamped with when it was on record.

A row says: for ``as_of`` in [valid_from, valid_to) and ``known_at`` in [known_from, known_to)
the entry's state was ``content``. ``segment_plan`` decides which rows an event closes and
writes; this module reads what the plan needs and writes the rows. Earlier rows keep answering
for earlier knowledge: both answers stay available forever.

A run keeps each touched entry's open rows and changes in memory and assigns row ids itself.
New rows wait in memory until ``finish``: a row that a later event closes before then is written
once, already closed, so a rebuild costs a few bulk statements per many thousand events.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, bindparam, func, insert, select, update

from register.domain.timeline import Change, Segment, State
from register.store import ledger, segment_index, segment_replay
from register.store.event_store import EventStore
from register.store.projections import Progress, Projected
from register.store.segment_plan import OpenRow, needed_from, plan, reopened, start_of
from register.store.segment_rows import Contents, fields_set, segment_row
from register.store.tables import (
    KNOWN_FOREVER,
    contents,
    event_fields,
    segment_model,
    segments,
    segments_with_content,
    to_micros,
)

NAME = "register"
PENDING_LIMIT = 100_000
FIELDS_PER_STATEMENT = 1_000  # three values a row, well within any engine's bound

# Statements built once: building a statement and its cache key costs several times what
# SQLite takes to run it, and a write runs each of these once.
_CLOSE = (
    update(segments)
    .where(segments.c.id == bindparam("row_id"))
    .values(known_to=bindparam("known_to"))
)
_LAST_ROW = select(func.max(segments.c.id)).scalar_subquery().label("last_row")
_LAST_CONTENT = select(func.max(contents.c.id)).scalar_subquery().label("last_content")
_LAST_IDS = select(_LAST_ROW, _LAST_CONTENT)
_OPEN = (
    select(
        segments.c.id,
        segments.c.valid_from,
        segments.c.valid_to,
        segments.c.registered_on,
        segments.c.status,
        segments.c.content_id,
        contents.c.content,
    )
    .select_from(segments_with_content)
    .where(segments.c.entry_id == bindparam("entry_id"), segments.c.known_to == KNOWN_FOREVER)
    .order_by(segments.c.valid_from)
)
# The open row in effect on the day (or the first after it, before the registration).
_IN_EFFECT_FROM = (
    select(segments.c.valid_from)
    .where(
        segments.c.entry_id == bindparam("entry_id"),
        segments.c.known_to == KNOWN_FOREVER,
        segments.c.valid_to > bindparam("day"),
    )
    .order_by(segments.c.valid_from)
    .limit(1)
    .scalar_subquery()
)
# With the last ids, which a run needs before it writes: one round trip for both.
_OPEN_FROM_BEFORE_DAY = _OPEN.add_columns(_LAST_ROW, _LAST_CONTENT).where(
    segments.c.valid_to >= _IN_EFFECT_FROM
)
_OPEN_BEFORE = _OPEN.where(segments.c.valid_from < bindparam("before"))


@dataclass
class _Entry:
    """What a run knows of one entry: the open rows and the changes it has loaded.

    A write touches the end of an entry's timeline, so a run loads only the open rows from the
    one before the change's date on (``rows_from``), and only the changes effective since:
    its cost follows what the change rewrites, not the length of the entry's history.
    """

    registered_on: date
    open_rows: list[OpenRow]
    rows_from: date | None = None  # the earliest open row loaded; None once all are in memory
    changes: dict[int, Change] = field(default_factory=dict)
    complete: bool = False  # all its changes are in ``changes``

    def covers(self, day: date) -> bool:
        """The loaded rows reach back to the row before the one in effect on ``day``."""
        return self.rows_from is None or (
            day >= self.rows_from and start_of(self.open_rows, day) > self.rows_from
        )


class SegmentProjection:
    name = NAME

    def install(self, connection: Connection) -> None:
        segment_model.create_all(connection)
        segment_index.install(connection)

    def drop(self, connection: Connection) -> None:
        segment_model.drop_all(connection)
        segment_index.drop(connection)

    def replay(self, connection: Connection, store: EventStore, progress: Progress | None) -> int:
        return segment_replay.replay(connection, store, progress)

    def run(self, connection: Connection, store: EventStore) -> SegmentRun:
        return SegmentRun(connection, store)


class SegmentRun:
    def __init__(self, connection: Connection, store: EventStore) -> None:
        self.connection = connection
        self.store = store
        self.entries: dict[uuid.UUID, _Entry] = {}
        self.pending: dict[int, dict[str, Any]] = {}
        self.closes: list[dict[str, Any]] = []
        self.fields_set: list[dict[str, Any]] = []
        self.next_id = 0
        self.contents = Contents(0)
        self._ids_known = False  # the last ids above are read with the first rows loaded

    def apply(self, events: Sequence[Projected]) -> None:
        for event in events:
            self._apply_one(event)
        if len(self.pending) > PENDING_LIMIT:
            self.finish()

    def finish(self) -> None:
        new_contents = self.contents.taken()
        if new_contents:
            self.connection.execute(insert(contents), new_contents)
        rows = list(self.pending.values())
        if rows:
            self.connection.execute(insert(segments), rows)
            segment_index.add(self.connection, rows)
        if self.closes:
            self.connection.execute(_CLOSE, self.closes)
            segment_index.close(self.connection, self.closes)
        # In multi-row VALUES, not executemany: psycopg runs that in pipeline mode, and an
        # outage in the middle of a pipeline is logged as noise besides the write's failure.
        for start in range(0, len(self.fields_set), FIELDS_PER_STATEMENT):
            chunk = self.fields_set[start : start + FIELDS_PER_STATEMENT]
            self.connection.execute(insert(event_fields).values(chunk))
        self.pending = {}
        self.closes = []
        self.fields_set = []

    def _apply_one(self, event: Projected) -> None:
        entry = self._entry(event)
        if not self._ids_known:
            self._know_ids(*self.connection.execute(_LAST_IDS).one())
        change = event.change
        if not entry.covers(change.effective_from):
            found = self.connection.execute(
                _OPEN_BEFORE, {"entry_id": str(event.entry_id), "before": entry.rows_from}
            ).all()
            earlier = self._open_rows(found)
            entry.open_rows = [*earlier, *entry.open_rows]
            entry.rows_from = None
        needed = needed_from(entry.open_rows, change.effective_from)
        since = self._changes_since(event, entry, needed)
        decided = plan(entry.open_rows, change, since)
        recorded = to_micros(change.recorded_at)
        for row_id in decided.close:
            if row_id in self.pending:
                self.pending[row_id]["known_to"] = recorded
            else:
                self.closes.append({"row_id": row_id, "known_to": recorded})
        written = [self._insert(event, entry, segment) for segment in decided.insert]
        entry.open_rows = reopened(decided, written)
        entry.changes[change.version] = change
        self.fields_set += fields_set(event.entry_id, change)

    def _insert(self, event: Projected, entry: _Entry, segment: Segment) -> OpenRow:
        self.next_id += 1
        self.pending[self.next_id] = segment_row(
            self.next_id,
            event.entry_id,
            event.kind,
            entry.registered_on,
            to_micros(event.change.recorded_at),
            segment,
            self.contents.id_of(segment.state),
        )
        return OpenRow(self.next_id, segment.valid_from, segment.valid_to, segment.state)

    def _entry(self, event: Projected) -> _Entry:
        known = self.entries.get(event.entry_id)
        if known is None:
            if event.change.version == 1:
                known = _Entry(event.change.effective_from, [], complete=True)
            else:
                known = self._load(event.entry_id, event.change.effective_from)
            self.entries[event.entry_id] = known
        return known

    def _load(self, entry_id: uuid.UUID, day: date) -> _Entry:
        """The entry's open rows from the one before the row in effect on ``day`` (or the
        first one after it, when ``day`` lies before the registration) on, in one statement."""
        found = self.connection.execute(
            _OPEN_FROM_BEFORE_DAY, {"entry_id": str(entry_id), "day": day}
        ).all()
        if not found:
            return _Entry(date.min, [])
        if not self._ids_known:
            self._know_ids(found[0].last_row, found[0].last_content)
        registered_on = found[0].registered_on
        rows_from = found[0].valid_from
        return _Entry(
            registered_on,
            self._open_rows(found),
            rows_from=None if rows_from <= registered_on else rows_from,
        )

    def _know_ids(self, last_row: int | None, last_content: int | None) -> None:
        self.next_id = int(last_row or 0)
        self.contents.next_id = int(last_content or 0)
        self._ids_known = True

    def _open_rows(self, rows: Sequence[Row[Any]]) -> list[OpenRow]:
        self.contents.ids.update((row.content, row.content_id) for row in rows)
        return [
            OpenRow(
                row.id, row.valid_from, row.valid_to, State(json.loads(row.content), row.status)
            )
            for row in rows
        ]

    def _changes_since(self, event: Projected, entry: _Entry, start: date) -> list[Change]:
        """The entry's earlier changes effective on or after ``start``, loading what is missing.

        Each effective date of an entry's changes starts one of its rows, so when no open row
        starts on or after ``start`` there is nothing to load (a change effective today)."""
        if not any(row.valid_from >= start for row in entry.open_rows):
            return []
        if not entry.complete:
            wanted = ledger.versions_effective_from(self.connection, event.entry_id, start)
            missing = [v for v in wanted if v < event.change.version and v not in entry.changes]
            for loaded in self.store.events_of(event.entry_id, missing):
                entry.changes[loaded.originator_version] = loaded.change()
        return [c for c in entry.changes.values() if c.effective_from >= start]
