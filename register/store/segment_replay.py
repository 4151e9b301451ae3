"""Rebuilding the segment read model from the whole history, one entry at a time.

A catch-up applies events in the global order and must look up each touched entry's rows in
the database. A rebuild has the whole history, so it takes each entry's events together, folds
them in one pass with the same planner, and writes the entry's rows once, already closed where
a later event closed them. Rows go through the driver's bulk path, and the indexes are built
when the rows are in, not kept up row by row. Only one entry's events and a batch of rows are
held at a time, so memory does not grow with the history.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.schema import CreateTable

from register.domain.entries import Entry
from register.domain.timeline import Change
from register.store import bulk_write, segment_index
from register.store.event_store import EventStore
from register.store.projections import Progress
from register.store.segment_plan import OpenRow, needed_from, plan, reopened
from register.store.segment_rows import Contents, fields_set, segment_row
from register.store.tables import contents, event_fields, segments, to_micros

BATCH = 20_000


def replay(connection: Connection, store: EventStore, progress: Progress | None) -> int:
    """Create and fill the read model's tables from every event; the last position read."""
    connection.execute(CreateTable(segments))
    connection.execute(CreateTable(contents))
    connection.execute(CreateTable(event_fields))
    total = store.max_position() if progress else 0
    pending: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    states = Contents(0)
    last = read = written = 0
    for position, events in store.by_entry(connection):
        states.forget()  # states recur within an entry only: forgetting bounds memory
        pending += entry_rows(events, written + len(pending) + 1, states, names)
        last = max(last, position)
        read += len(events)
        if len(pending) >= BATCH:
            bulk_write.write(connection, contents, states.taken())
            bulk_write.write(connection, segments, pending)
            bulk_write.write(connection, event_fields, names)
            written += len(pending)
            pending, names = [], []
        if progress:
            progress(read, total)
    bulk_write.write(connection, contents, states.taken())
    bulk_write.write(connection, segments, pending)
    bulk_write.write(connection, event_fields, names)
    for index in (*segments.indexes, *event_fields.indexes):
        index.create(connection)
    segment_index.install(connection)
    segment_index.fill(connection)
    return last


def entry_rows(
    events: Sequence[Entry.Event], first_id: int, states: Contents, names: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every row one entry's events write, in the order a catch-up would have written them,
    each closed where a later event closed it; ids from ``first_id`` on, states kept in
    ``states``, and the rows naming the fields each event set added to ``names``."""
    first = events[0]
    kind, entry_id = first.KIND, first.originator_id
    registered_on = first.effective_from
    rows: list[dict[str, Any]] = []
    open_rows: list[OpenRow] = []
    effective: list[tuple[Any, int, Change]] = []  # the changes so far, in effect order
    for event in events:
        change = event.change()
        needed = needed_from(open_rows, change.effective_from)
        since = [c for _, _, c in effective[bisect.bisect_left(effective, (needed,)) :]]
        decided = plan(open_rows, change, since)
        recorded = to_micros(change.recorded_at)
        for row_id in decided.close:
            rows[row_id - first_id]["known_to"] = recorded
        written = []
        for segment in decided.insert:
            row_id = first_id + len(rows)
            content_id = states.id_of(segment.state)
            rows.append(
                segment_row(row_id, entry_id, kind, registered_on, recorded, segment, content_id)
            )
            written.append(OpenRow(row_id, segment.valid_from, segment.valid_to, segment.state))
        open_rows = reopened(decided, written)
        bisect.insort(effective, (change.effective_from, change.version, change))
        names += fields_set(entry_id, change)
    return rows
