"""What a trigger is given: the two register states of a change (or the one state a check
reads), and the dates of the events between them for the rules that ask when a change was
recorded. Most rules look at one activity on both sides: ``per_activity`` and ``each_activity``
walk the activities for them, so that each trigger says only what it looks for."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from functools import cached_property, wraps
from typing import Any, Protocol

from register.domain.followups.model import Finding
from register.domain.followups.reading import Side
from register.domain.instants import calendar_day
from register.domain.timeline import Change
from register.domain.views import EntryView


@dataclass(frozen=True)
class Recorded:
    """One event's dates in the register's calendar: the day it was recorded and the day it
    takes effect, with the fields it set."""

    recorded_on: date
    effective_from: date
    kind: str
    fields: Mapping[str, Any] = field(default_factory=dict)


class Events(Protocol):
    """The events between the two moments of a change, as the rules that ask when it was
    recorded or took effect read them. A protocol rather than a mapping, so that a reader can
    fetch an entry's events only when a rule asks for them."""

    def of(self, entry_id: uuid.UUID) -> Sequence[Recorded]:
        """The entry's events between the two moments, in the order recorded."""

    def effective_after(self, day: date) -> Collection[uuid.UUID]:
        """The entries with an event between the moments that takes effect after ``day``."""


@dataclass(frozen=True)
class EventsAtHand:
    """Events already read, entry by entry."""

    by_entry: Mapping[uuid.UUID, Sequence[Recorded]] = field(default_factory=dict)

    def of(self, entry_id: uuid.UUID) -> Sequence[Recorded]:
        return self.by_entry.get(entry_id, ())

    def effective_after(self, day: date) -> Collection[uuid.UUID]:
        return {
            entry_id
            for entry_id, events in self.by_entry.items()
            if any(e.effective_from > day for e in events)
        }


NO_EVENTS = EventsAtHand()


def recorded(changes: Iterable[Change], zone: tzinfo) -> tuple[Recorded, ...]:
    """An entry's changes as the rules read them, their record instants as days in ``zone``."""
    return tuple(
        Recorded(calendar_day(c.recorded_at, zone), c.effective_from, c.kind, c.fields)
        for c in changes
    )


@dataclass(frozen=True)
class Comparison:
    old: Side
    new: Side
    events: Events = NO_EVENTS

    @property
    def day(self) -> date:
        """The day the change is judged at: durations and adequacy are taken on it."""
        return self.new.day

    @cached_property
    def pairs(self) -> list[tuple[EntryView | None, EntryView | None]]:
        """Every activity on either side, as (before, after): the later register's first."""
        ids = list(self.new.activities) + [
            i for i in self.old.activities if i not in self.new.activities
        ]
        return [(self.old.activities.get(i), self.new.activities.get(i)) for i in ids]


Trigger = Callable[[Comparison], Iterable[Finding]]
PairTrigger = Callable[[Comparison, EntryView | None, EntryView | None], Iterable[Finding]]
Check = Callable[[Side], Iterable[Finding]]
ActivityCheck = Callable[[Side, EntryView], Iterable[Finding]]


def per_activity(trigger: PairTrigger) -> Trigger:
    @wraps(trigger)
    def walk(comparison: Comparison) -> Iterator[Finding]:
        for before, after in comparison.pairs:
            yield from trigger(comparison, before, after)

    return walk


def each_activity(check: ActivityCheck) -> Check:
    @wraps(check)
    def walk(side: Side) -> Iterator[Finding]:
        for activity in side.register.activities:
            yield from check(side, activity)

    return walk
