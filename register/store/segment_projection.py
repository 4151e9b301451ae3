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

from sqlalchemy import Connection, bindparam, func, insert, select, update

from register.domain.timeline import Change, Segment, State
from register.store import ledger, segment_index, segment_replay
from register.store.event_store import EventStore
from register.store.projections import Progress, Projected
from register.store.queries import open_row_reaching
from register.store.segment_plan import OpenRow, needed_from, plan, reopened, start_of
from register.store.segment_rows import Contents, segment_row
from register.store.tables import (
    KNOWN_FOREVER,
    contents,
    segment_model,
    segments,
    segments_with_content,
    to_micros,
)

NAME = "register"
PENDING_LIMIT = 100_000

_CLOSE = (
    update(segments)
    .where(segments.c.id == bindparam("row_id"))
    .values(known_to=bindparam("known_to"))
)


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
        last_row, last_content = connection.execute(
            select(
                select(func.max(segments.c.id)).scalar_subquery(),
                select(func.max(contents.c.id)).scalar_subquery(),
            )
        ).one()
        self.next_id = int(last_row or 0)
        self.contents = Contents(int(last_content or 0))

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
        self.pending = {}
        self.closes = []

    def _apply_one(self, event: Projected) -> None:
        entry = self._entry(event)
        change = event.change
        if not entry.covers(change.effective_from):
            earlier = self._open_rows(event.entry_id, before=entry.rows_from)
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
        """The entry's open rows from the one before the row in effect on ``day`` on."""
        current = open_row_reaching(self.connection, entry_id, day)
        if current is None:
            return _Entry(date.min, [])
        rows = self._open_rows(entry_id, reaching=current.valid_from)
        rows_from = rows[0].valid_from
        return _Entry(
            current.registered_on,
            rows,
            rows_from=None if rows_from <= current.registered_on else rows_from,
        )

    def _open_rows(
        self, entry_id: uuid.UUID, reaching: date | None = None, before: date | None = None
    ) -> list[OpenRow]:
        """Open rows in valid-time order: those ending on or after ``reaching``, or those
        starting before ``before``."""
        query = (
            select(
                segments.c.id,
                segments.c.valid_from,
                segments.c.valid_to,
                segments.c.status,
                segments.c.content_id,
                contents.c.content,
            )
            .select_from(segments_with_content)
            .where(segments.c.entry_id == str(entry_id), segments.c.known_to == KNOWN_FOREVER)
        )
        if reaching is not None:
            query = query.where(segments.c.valid_to >= reaching)
        if before is not None:
            query = query.where(segments.c.valid_from < before)
        rows = self.connection.execute(query.order_by(segments.c.valid_from)).all()
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
