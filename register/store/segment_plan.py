"""What one event does to the segment read model, as a pure function.

The rows still on record for an entry (``known_to`` open) are its current valid-time timeline.
An event effective from D changes only what the register says about dates on or after D, so the
rows reaching past D are closed and their stretch is written again from the new timeline,
starting with the state just before it. Everything else stays on record as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

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
    keep: list[OpenRow]  # the open rows it leaves open
    insert: list[Segment]  # the stretch of timeline written again


def start_of(open_rows: Sequence[OpenRow], day: date) -> date:
    """Where the rewritten stretch begins: the start of the row in effect on ``day``."""
    return min((row.valid_from for row in open_rows if row.valid_to > day), default=day)


def plan(open_rows: Sequence[OpenRow], change: Change, since: Sequence[Change]) -> Plan:
    """The rows to close and to insert for ``change``.

    ``since`` holds the entry's earlier changes effective on or after
    ``start_of(open_rows, change.effective_from)``; earlier ones cannot matter.
    """
    day = change.effective_from
    closing = [row for row in open_rows if row.valid_to > day]
    keep = [row for row in open_rows if row.valid_to <= day]
    start = start_of(open_rows, day)
    before = next((row.state for row in keep if row.valid_to == start), None)
    return Plan(
        close=[row.id for row in closing],
        keep=keep,
        insert=segments([*since, change], start, before),
    )
