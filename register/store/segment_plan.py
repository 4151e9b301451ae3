"""What one event does to the segment read model, as a pure function.

The rows still on record for an entry (``known_to`` open) are its current valid-time timeline.
An event effective from D changes only what the register says about dates on or after D, so the
rows reaching past D are closed and their stretch is written again from the new timeline,
starting with the state just before it. Everything else stays on record as it was, and so does
a row of that stretch whose state the event leaves as it was (beyond the next change of the
same fields): the rows an event writes follow what it changes, not the length of the timeline
after its date.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from register.domain.timeline import Change, Segment, State, segments


@dataclass(frozen=True)
class OpenRow:
    """A segment row still on record now: the only rows an event can close."""

    id: int
    valid_from: date
    valid_to: date
    state: State


@dataclass(frozen=True)
class Plan:
    close: list[int]  # the ids of the open rows the event closes
    keep: list[OpenRow]  # the open rows it leaves open, in valid-time order
    insert: list[Segment]  # the stretch of timeline written again, in valid-time order
    untouched: int  # how many of ``keep`` end on or before the change's day


def reopened(decided: Plan, written: Sequence[OpenRow]) -> list[OpenRow]:
    """The open rows once ``decided`` is carried out, ``written`` being the rows of its
    inserts, in valid-time order: the order every function here expects them in."""
    touched = sorted([*decided.keep[decided.untouched :], *written], key=_start)
    return [*decided.keep[: decided.untouched], *touched]


def start_of(open_rows: Sequence[OpenRow], day: date) -> date:
    """Where the rewritten stretch begins: the start of the row in effect on ``day``."""
    first = _reaching(open_rows, day)
    return open_rows[first].valid_from if first < len(open_rows) else day


def needed_from(open_rows: Sequence[OpenRow], day: date) -> date:
    """The earliest effective date of the entry's earlier changes that a plan for a change
    effective on ``day`` needs. When a row is in effect on ``day``, its state already holds
    every change up to that day, so only the later ones are needed (none, for a change
    effective today); otherwise those from ``start_of`` on."""
    if _in_effect(open_rows, day) is not None and day < date.max:
        return day + timedelta(days=1)
    return start_of(open_rows, day)


def plan(open_rows: Sequence[OpenRow], change: Change, since: Sequence[Change]) -> Plan:
    """The rows to close and to insert for ``change``, given the entry's open rows in
    valid-time order.

    ``since`` holds (at least) the entry's earlier changes effective on or after
    ``needed_from(open_rows, change.effective_from)``; earlier ones cannot matter.
    """
    day = change.effective_from
    first = _reaching(open_rows, day)
    reaching = {row.valid_from: row for row in open_rows[first:]}
    keep = list(open_rows[:first])
    insert = []
    for segment in _rewritten(open_rows, keep, change, since):
        row = reaching.get(segment.valid_from)
        if row is None or row.state != segment.state:
            insert.append(segment)
        elif row.valid_to == segment.valid_to:
            keep.append(reaching.pop(segment.valid_from))
        else:  # the same state over another stretch: the row's state object, to be known again
            insert.append(Segment(segment.valid_from, segment.valid_to, row.state))
    return Plan([row.id for row in reaching.values()], keep, insert, untouched=first)


def _rewritten(
    open_rows: Sequence[OpenRow], keep: Sequence[OpenRow], change: Change, since: Sequence[Change]
) -> list[Segment]:
    """The timeline from the start of the row in effect on the change's day on, as it is once
    the change is recorded."""
    day = change.effective_from
    current = _in_effect(open_rows, day)
    if current is None:
        start = start_of(open_rows, day)
        before = keep[-1].state if keep and keep[-1].valid_to == start else None
        return segments([*since, change], start, before)
    later = [c for c in since if c.effective_from > day]
    head = [Segment(current.valid_from, day, current.state)] if current.valid_from < day else []
    return [*head, *segments([change, *later], day, current.state)]


def _in_effect(open_rows: Sequence[OpenRow], day: date) -> OpenRow | None:
    first = _reaching(open_rows, day)
    if first < len(open_rows) and open_rows[first].valid_from <= day:
        return open_rows[first]
    return None


def _reaching(open_rows: Sequence[OpenRow], day: date) -> int:
    """The index of the first open row that reaches past ``day``. Open rows are the current
    timeline, so in valid-time order they end in order too, and those reaching past a day are
    the last ones: found by bisection, whatever the length of the entry's history."""
    return bisect.bisect_right(open_rows, day, key=_end)


def _start(row: OpenRow) -> date:
    return row.valid_from


def _end(row: OpenRow) -> date:
    return row.valid_to
