"""Checking the read model against the events (``ropa verify --read-model``).

The segment read model is disposable and unguarded: an edited row would change what the
register answers without touching the history, so the chain cannot see it. This check folds
each entry's events with the reference (``timeline.segments``) at every moment one of them was
recorded, and compares the result with the rows that were on record at that moment: the open
rows are what the register answers now, the closed ones what it answered before. The fields
each event set, which the diff's rules read, are compared with the events too. Each row must
also have been written and closed at moments when the entry's events were recorded, so that
no row answers for a stretch of record time the comparison does not see.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from register.domain.catalogue import spec
from register.domain.instants import rfc3339
from register.domain.kinds import EntryKind
from register.domain.timeline import Change, Segment, State, known_at, segments
from register.store import ledger, segment_rows
from register.store.event_store import EventStore
from register.store.segment_rows import SegmentRow
from register.store.tables import KNOWN_FOREVER, from_micros, to_micros


@dataclass(frozen=True)
class EntryFinding:
    """The first entry whose rows in the read model disagree with its events."""

    entry_id: str
    problem: str


@dataclass(frozen=True)
class ReadModelVerdict:
    checked: int  # entries that agree, before the finding if there is one
    finding: EntryFinding | None

    @property
    def intact(self) -> bool:
        return self.finding is None


def check_read_model(
    store: EventStore, sample: int | None = None, rng: random.Random | None = None
) -> ReadModelVerdict:
    """Compare every entry, or ``sample`` entries drawn at random, with its events.

    Only what was recorded by the moment the check starts is compared, so a write that lands
    meanwhile is not taken for a disagreement.
    """
    with store.engine.connect() as connection:
        head = ledger.last_recorded(connection)
        if head is None:
            return ReadModelVerdict(0, None)
        entries = ledger.registered_by(connection, head)
        stray = segment_rows.entries_known_by(connection, to_micros(head)) - {
            str(entry_id) for entry_id in entries
        }
        if stray:
            return ReadModelVerdict(0, EntryFinding(min(stray), "has rows but no events"))
        if sample is not None and sample < len(entries):
            entries = sorted((rng or random.Random()).sample(entries, sample))
        for checked, entry_id in enumerate(entries):
            events = store.events_of(entry_id)
            changes = [event.change() for event in events]
            problem = (
                disagreement(
                    events[0].KIND,
                    changes,
                    segment_rows.rows_of(connection, entry_id),
                    to_micros(head),
                )
                or fields_disagreement(
                    changes, segment_rows.fields_set_of(connection, entry_id), to_micros(head)
                )
                if events
                else "has no events, though the ledger says it was registered"
            )
            if problem is not None:
                return ReadModelVerdict(checked, EntryFinding(str(entry_id), problem))
    return ReadModelVerdict(len(entries), None)


def disagreement(
    kind: EntryKind, changes: Sequence[Change], rows: Sequence[SegmentRow], head: int
) -> str | None:
    """Where an entry's rows disagree with its changes, as recorded by ``head`` (microseconds
    since the epoch): None when they agree."""
    changes = [c for c in changes if to_micros(c.recorded_at) <= head]
    rows = [row for row in rows if row.known_from <= head]
    moments = sorted({to_micros(c.recorded_at) for c in changes})
    registered_on = min(c.effective_from for c in changes if c.version == 1)
    timelines: list[tuple[SegmentRow, Segment]] = []
    for row in rows:
        fields = _content(row)
        if fields is None:
            return f"its segment from {row.valid_from} has content that is not a JSON object"
        problem = _row_problem(kind, registered_on, moments, head, row, fields)
        if problem is not None:
            return f"its segment from {row.valid_from} {problem}"
        timelines.append((row, Segment(row.valid_from, row.valid_to, State(fields, row.status))))
    for moment in moments:
        expected = segments(known_at(changes, from_micros(moment)))
        found = [s for row, s in timelines if row.known_from <= moment < row.known_to]
        problem = _difference(expected, found)
        if problem is not None:
            when = "now" if moment == moments[-1] else f"at {rfc3339(from_micros(moment))}"
            return f"as recorded {when}, {problem}"
    return None


def fields_disagreement(
    changes: Sequence[Change], found: set[tuple[int, str]], head: int
) -> str | None:
    """Where the fields the read model says the entry's events set, as recorded by ``head``,
    are not the fields they set: None when they are."""
    recorded = [c for c in changes if to_micros(c.recorded_at) <= head]
    versions = {c.version for c in recorded}
    expected = {(c.version, name) for c in recorded for name in c.fields}
    differing = expected ^ {(version, name) for version, name in found if version in versions}
    if not differing:
        return None
    version, name = min(differing)
    said = "did not set" if (version, name) in expected else "set"
    return f"its read model says its version {version} {said} the field {name!r}"


def _content(row: SegmentRow) -> dict[str, Any] | None:
    try:
        fields = json.loads(row.content)
    except ValueError:
        return None
    return fields if isinstance(fields, dict) else None


def _row_problem(
    kind: EntryKind,
    registered_on: date,
    moments: Sequence[int],
    head: int,
    row: SegmentRow,
    fields: dict[str, Any],
) -> str | None:
    """What is wrong with one row taken alone: what it is filed under, when it was on record,
    and whether its name and facet columns agree with its content."""
    closed = row.known_to != KNOWN_FOREVER and row.known_to <= head
    if row.known_from not in moments or (closed and row.known_to not in moments):
        return "was on record from or until a moment when none of its events was recorded"
    if row.known_to < row.known_from:
        return "was on record until before it was written"
    if row.entry_kind != kind:
        return f"is filed under {row.entry_kind!r}, not {str(kind)!r}"
    if row.registered_on != registered_on:
        return f"says the entry was registered on {row.registered_on}, not {registered_on}"
    declared = spec(kind)
    if row.name != str(fields.get(declared.name_field) or ""):
        return "has a name that differs from its content"
    if declared.facet and row.facet != fields.get(declared.facet):
        return f"has a {declared.facet} that differs from its content"
    return None


def _difference(expected: Sequence[Segment], found: Sequence[Segment]) -> str | None:
    """The first segment of the timeline the events give that the rows do not match."""
    for index in range(max(len(expected), len(found))):
        want = expected[index] if index < len(expected) else None
        got = found[index] if index < len(found) else None
        if got is None and want is not None:
            return f"the segment from {want.valid_from} that its events give is missing"
        if want is None and got is not None:
            return f"its segment from {got.valid_from} is not one its events give"
        if want is not None and got is not None and want != got:
            column = next(
                name
                for name, ours, theirs in (
                    ("valid_from", got.valid_from, want.valid_from),
                    ("valid_to", got.valid_to, want.valid_to),
                    ("status", got.state.status, want.state.status),
                    ("content", got.state.fields, want.state.fields),
                )
                if ours != theirs
            )
            return f"its segment from {got.valid_from} differs from its events in {column}"
    return None
