"""What a trigger is given: the two register states of a change (or the one state a check
reads), and the dates of the events between them for the rules that ask when a change was
recorded. Most rules look at one activity on both sides: ``per_activity`` and ``each_activity``
walk the activities for them, so that each trigger says only what it looks for."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import cached_property, wraps
from typing import Protocol

from register.domain.followups.model import Finding
from register.domain.followups.reading import Side
from register.domain.instants import calendar_day
from register.domain.timeline import Change
from register.domain.views import EntryView


@dataclass(frozen=True)
class Recorded:
    """One event's instants as the rules read them: when it was recorded (and that day in the
    register's calendar), the day it takes effect, and the fields it set."""

    recorded_at: datetime
    recorded_on: date
    effective_from: date
    kind: str
    fields: Collection[str] = ()  # the names of the fields it set


class Events(Protocol):
    """The events between the two moments of a change, as the rules that ask when it was
    recorded or took effect read them. A protocol rather than a mapping, so that a reader can
    fetch an entry's events only when a rule asks for them."""

    def last_setting(self, entry_id: uuid.UUID, field: str) -> Recorded | None:
        """Of the entry's events between the moments that set ``field``, the one taking effect
        last (the first recorded, of several on that day)."""

    def last_of(self, entry_id: uuid.UUID, kind: str) -> Recorded | None:
        """Of the entry's events between the moments that make a change of ``kind``, the one
        taking effect last (the first recorded, of several on that day)."""

    def not_reflected_by(self, statement: EntryView) -> Collection[uuid.UUID]:
        """The entries with an event between the moments that the privacy statement revision
        does not reflect: one taking effect after the statement's date, or recorded after the
        statement was (a backdated correction)."""


@dataclass(frozen=True)
class EventsAtHand:
    """Events already read, entry by entry, each entry's in the order recorded."""

    by_entry: Mapping[uuid.UUID, Sequence[Recorded]] = field(default_factory=dict)

    def last_setting(self, entry_id: uuid.UUID, field: str) -> Recorded | None:
        return _last(e for e in self.by_entry.get(entry_id, ()) if field in e.fields)

    def last_of(self, entry_id: uuid.UUID, kind: str) -> Recorded | None:
        return _last(e for e in self.by_entry.get(entry_id, ()) if e.kind == kind)

    def not_reflected_by(self, statement: EntryView) -> Collection[uuid.UUID]:
        """A statement whose events are not at hand was recorded before all of them."""
        own = [e.recorded_at for e in self.by_entry.get(statement.id, ())]
        published = max(own, default=None)
        return {
            entry_id
            for entry_id, events in self.by_entry.items()
            if any(
                e.effective_from > statement.registered_on
                or published is None
                or e.recorded_at > published
                for e in events
            )
        }


NO_EVENTS = EventsAtHand()


def _last(events: Iterable[Recorded]) -> Recorded | None:
    """The one taking effect last; of several on that day, the first recorded."""
    return max(events, key=lambda e: e.effective_from, default=None)


def recorded(changes: Iterable[Change], zone: tzinfo) -> tuple[Recorded, ...]:
    """An entry's changes as the rules read them, their record instants as days in ``zone``."""
    return tuple(
        Recorded(
            c.recorded_at,
            calendar_day(c.recorded_at, zone),
            c.effective_from,
            c.kind,
            frozenset(c.fields),
        )
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
