"""The bitemporal fold of SPEC §3 as pure functions over plain data.

This is the reference: small enough to check by reading. The SQL read model answers the same
questions faster and is tested against this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

REGISTERED = "registered"
AMENDED = "amended"
RETIRED = "retired"
REINSTATED = "reinstated"
REVIEWED = "reviewed"

ACTIVE = "active"
RETIRED_STATUS = "retired"

END_OF_TIME = date(9999, 12, 31)


@dataclass(frozen=True)
class Change:
    """One event of an entry, reduced to what the fold needs."""

    version: int
    recorded_at: datetime
    effective_from: date
    kind: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    actor: str = ""
    reason: str | None = None


@dataclass(frozen=True)
class State:
    """An entry as it stands at one point: its fields and whether it is active or retired."""

    fields: Mapping[str, Any]
    status: str

    @property
    def in_register(self) -> bool:
        return self.status == ACTIVE


@dataclass(frozen=True)
class Segment:
    """A stretch of valid time ``[valid_from, valid_to)`` over which the entry's state holds."""

    valid_from: date
    valid_to: date
    state: State


def in_effect_order(changes: Iterable[Change]) -> list[Change]:
    """Order by (effective_from, version): on the same day the later recorded change wins."""
    return sorted(changes, key=lambda c: (c.effective_from, c.version))


def apply(state: State | None, change: Change) -> State | None:
    """One step of the fold. Changes before the registration have nothing to act on."""
    if change.kind == REGISTERED:
        return State(dict(change.fields), ACTIVE)
    if state is None:
        return None
    if change.kind in (AMENDED, REVIEWED):
        return State({**state.fields, **change.fields}, state.status)
    if change.kind == RETIRED:
        return State(state.fields, RETIRED_STATUS)
    if change.kind == REINSTATED:
        return State(state.fields, ACTIVE)
    raise ValueError(f"unknown change kind {change.kind!r}")


def known_at(changes: Iterable[Change], moment: datetime | None) -> list[Change]:
    """The changes on record at ``moment`` (all of them when it is None)."""
    return [c for c in changes if moment is None or c.recorded_at <= moment]


def state_at(changes: Iterable[Change], as_of: date, known: datetime | None = None) -> State | None:
    """The entry's state in effect on ``as_of`` as recorded at ``known`` (SPEC §3, steps 1–3)."""
    state: State | None = None
    for change in in_effect_order(known_at(changes, known)):
        if change.effective_from > as_of:
            break
        state = apply(state, change)
    return state


def version_at(changes: Iterable[Change], known: datetime | None = None) -> int:
    """The entry's version as recorded at ``known``: how many of its events were on record."""
    return max((c.version for c in known_at(changes, known)), default=0)


def segments(
    changes: Iterable[Change], start: date | None = None, before: State | None = None
) -> list[Segment]:
    """The valid-time timeline as currently recorded, one segment per effective date.

    With ``start``, only the stretch from that date on, continuing from ``before``, the state
    the timeline had just before it: what the read model rewrites after a change.
    """
    ordered = in_effect_order(c for c in changes if start is None or c.effective_from >= start)
    result: list[Segment] = []
    state = before
    for index, change in enumerate(ordered):
        state = apply(state, change)
        following = ordered[index + 1].effective_from if index + 1 < len(ordered) else END_OF_TIME
        if state is not None and following != change.effective_from:
            result.append(Segment(change.effective_from, following, state))
    return result


def status_since(
    changes: Iterable[Change], as_of: date, known: datetime | None = None
) -> date | None:
    """The day from which the status in effect on ``as_of`` holds without a break, as recorded
    at ``known``: for a retired entry, the day of the retirement that took it out."""
    state: State | None = None
    since: date | None = None
    for change in in_effect_order(known_at(changes, known)):
        if change.effective_from > as_of:
            break
        following = apply(state, change)
        if following is not None and (state is None or following.status != state.status):
            since = change.effective_from
        state = following
    return since
