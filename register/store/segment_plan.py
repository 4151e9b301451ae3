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
from operator import attrgetter

from register.domain.timeline import (
    REGISTERED,
    REINSTATED,
    RETIRED,
    Change,
    Segment,
    State,
    segments,
)

# What a change sets when it sets the status, among the names of fields (never a field's name).
_STATUS = "\0status"
_EFFECT_ORDER = attrgetter("effective_from", "version")  # ``timeline.in_effect_order``'s key
# An open row's start and end, read in C: a backdated change sorts and bisects many rows.
_start = attrgetter("valid_from")
_end = attrgetter("valid_to")


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
    current = _in_effect(open_rows, day)
    settled = None if current is None else _settled_on(change, since)
    last = len(open_rows) if settled is None else _starting(open_rows, settled)
    reaching = {row.valid_from: row for row in open_rows[first:last]}
    keep = list(open_rows[:first])
    insert = []
    for segment in _rewritten(open_rows, keep, change, since, current, settled):
        row = reaching.get(segment.valid_from)
        if row is None or row.state != segment.state:
            insert.append(segment)
        elif row.valid_to == segment.valid_to:
            keep.append(reaching.pop(segment.valid_from))
        else:  # the same state over another stretch: the row's state object, to be known again
            insert.append(Segment(segment.valid_from, segment.valid_to, row.state))
    keep += open_rows[last:]
    return Plan([row.id for row in reaching.values()], keep, insert, untouched=first)


def _settled_on(change: Change, since: Sequence[Change]) -> date | None:
    """The first effective date after the change's by which later changes have set again all
    it sets (its fields, or the status): from then on the timeline is as it was, so its rows
    stay. None when that never happens."""
    day = change.effective_from
    unset = _sets(change)
    for other in sorted(since, key=_EFFECT_ORDER):  # in C: ``since`` may be long
        if other.effective_from > day:
            unset -= _sets(other)
            if not unset:
                return other.effective_from
    return None


def _sets(change: Change) -> set[str]:
    """What a change sets of the state: the names of fields, and ``_STATUS`` for its status."""
    if change.kind in (RETIRED, REINSTATED):
        return {_STATUS}
    if change.kind == REGISTERED:
        return {_STATUS, *change.fields}
    return set(change.fields)


def _rewritten(
    open_rows: Sequence[OpenRow],
    keep: Sequence[OpenRow],
    change: Change,
    since: Sequence[Change],
    current: OpenRow | None,
    settled: date | None,
) -> list[Segment]:
    """The timeline as it is once the change is recorded, from the start of ``current`` (the
    row in effect on the change's day; without one, from ``start_of`` that day) up to
    ``settled`` when given."""
    day = change.effective_from
    if current is None:
        start = start_of(open_rows, day)
        before = keep[-1].state if keep and keep[-1].valid_to == start else None
        return segments([*since, change], start, before)
    later = [
        c
        for c in since
        if day < c.effective_from and (settled is None or c.effective_from < settled)
    ]
    head = [Segment(current.valid_from, day, current.state)] if current.valid_from < day else []
    stretch = segments([change, *later], day, current.state)
    if settled is not None:
        end = stretch[-1]
        stretch[-1] = Segment(end.valid_from, settled, end.state)
    return [*head, *stretch]


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


def _starting(open_rows: Sequence[OpenRow], day: date) -> int:
    """The index of the first open row starting on or after ``day``."""
    return bisect.bisect_left(open_rows, day, key=_start)
