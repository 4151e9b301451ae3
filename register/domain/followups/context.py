"""What a trigger is given: the two register states of a change (or the one state a check
reads), and the dates of the events between them for the rules that ask when a change was
recorded. Most rules look at one activity on both sides: ``per_activity`` and ``each_activity``
walk the activities for them, so that each trigger says only what it looks for.

Most rules read only the activity's own fields and its links, and a change touches few fields
of few activities: ``per_changed_activity`` asks such a rule only about the activities that
changed in a field it reads or in a recipient they link, and the new ones where it asks about
those. None of them raises anything for an activity that went: that is NOTICE-ACTIVITY-RETIRED's
and ACTIVITY-RETIRED-ERASE's."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import cached_property, wraps
from typing import Protocol

from register.domain.changes import changed
from register.domain.followups.model import Finding
from register.domain.followups.reading import Side, links
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

    def last_settings(
        self, field: str, entry_ids: Collection[uuid.UUID]
    ) -> Mapping[uuid.UUID, Recorded]:
        """For each of the entries, of its events between the moments that set ``field``, the
        one taking effect last (the first recorded, of several on that day); an entry with none
        is left out. Asked for many entries at once, as a store answers that in one go."""

    def lasts_of(self, kind: str, entry_ids: Collection[uuid.UUID]) -> Mapping[uuid.UUID, Recorded]:
        """For each of the entries, of its events between the moments that make a change of
        ``kind``, the one taking effect last (the first recorded, of several on that day)."""

    def not_reflected_by(self, statement: EntryView) -> Collection[uuid.UUID]:
        """The entries with an event between the moments that the privacy statement revision
        does not reflect: one taking effect after the statement's date, or recorded after the
        statement was (a backdated correction)."""


@dataclass(frozen=True)
class EventsAtHand:
    """Events already read, entry by entry, each entry's in the order recorded."""

    by_entry: Mapping[uuid.UUID, Sequence[Recorded]] = field(default_factory=dict)

    def last_settings(
        self, field: str, entry_ids: Collection[uuid.UUID]
    ) -> Mapping[uuid.UUID, Recorded]:
        return self._lasts(entry_ids, lambda e: field in e.fields)

    def lasts_of(self, kind: str, entry_ids: Collection[uuid.UUID]) -> Mapping[uuid.UUID, Recorded]:
        return self._lasts(entry_ids, lambda e: e.kind == kind)

    def _lasts(
        self, entry_ids: Collection[uuid.UUID], wanted: Callable[[Recorded], bool]
    ) -> dict[uuid.UUID, Recorded]:
        found = {i: _last(e for e in self.by_entry.get(i, ()) if wanted(e)) for i in entry_ids}
        return {entry_id: last for entry_id, last in found.items() if last is not None}

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


Pair = tuple[EntryView | None, EntryView | None]


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
    def pairs(self) -> list[Pair]:
        """Every activity on either side, as (before, after): the later register's first."""
        old, new = self.old.activities, self.new.activities
        return [(old.get(i), a) for i, a in new.items()] + [
            (b, None) for i, b in old.items() if i not in new
        ]

    def changed(self, fields: Collection[str], came: bool, linked: bool) -> list[Pair]:
        """In order, the pairs of an activity on both sides that differs in one of ``fields``
        or, with ``linked``, links a recipient that differs between the sides; with ``came``,
        also of an activity that came with one of ``fields`` recorded (not null, not empty):
        what a new activity does not record raises no rule that asks about new ones."""
        at = set(self._linking_changed if linked else ())
        for name in fields:
            at.update(self._differing.get(name, ()))
            if came:
                at.update(self._recorded.get(name, ()))
        return [self.pairs[i] for i in sorted(at)]

    @cached_property
    def _differing(self) -> dict[str, list[int]]:
        """Each field with where an activity on both sides differs in it, a missing field read
        as null. One pass over the activities finds them for all rules, as each rule asks about
        a few fields and a change touches few."""
        found: defaultdict[str, list[int]] = defaultdict(list)
        for i, (before, after) in enumerate(self.pairs):
            if before is not None and after is not None:
                for name in changed(before.fields, after.fields):
                    found[name].append(i)
        return found

    @cached_property
    def _recorded(self) -> dict[str, list[int]]:
        """Each field with where an activity that came records it."""
        found: defaultdict[str, list[int]] = defaultdict(list)
        for i, (before, after) in enumerate(self.pairs):
            if before is None and after is not None:
                for name, value in after.fields.items():
                    if value:
                        found[name].append(i)
        return found

    @cached_property
    def _linking_changed(self) -> frozenset[int]:
        """Where an activity on both sides links a recipient that came, went or changed."""
        old, new = self.old.recipients, self.new.recipients
        changed = {
            r
            for r in old.keys() | new.keys()
            if r not in old or r not in new or old[r].fields != new[r].fields
        }
        if not changed:
            return frozenset()
        return frozenset(
            i
            for i, (before, after) in enumerate(self.pairs)
            if before is not None and after is not None and not changed.isdisjoint(links(after))
        )


Trigger = Callable[[Comparison], Iterable[Finding]]
PairTrigger = Callable[[Comparison, EntryView | None, EntryView | None], Iterable[Finding]]
Check = Callable[[Side], Iterable[Finding]]
ActivityCheck = Callable[[Side, EntryView], Iterable[Finding]]


def per_activity(trigger: PairTrigger) -> Trigger:
    """For a rule asked about every activity: on one that went, or on the day of the change."""
    return _walking(trigger, lambda comparison: comparison.pairs)


def per_changed_activity(
    *fields: str, came: bool = False, linked: bool = False
) -> Callable[[PairTrigger], Trigger]:
    """For a rule that an activity on both sides raises only by a change of one of ``fields``
    or, with ``linked``, of a recipient it links; with ``came``, one that a new activity raises
    too. ``Comparison.changed`` finds these activities once for all such rules."""
    return lambda trigger: _walking(trigger, lambda c: c.changed(fields, came, linked))


def _walking(trigger: PairTrigger, walked: Callable[[Comparison], Iterable[Pair]]) -> Trigger:
    @wraps(trigger)
    def walk(comparison: Comparison) -> Iterator[Finding]:
        for before, after in walked(comparison):
            yield from trigger(comparison, before, after)

    return walk


def each_activity(check: ActivityCheck) -> Check:
    @wraps(check)
    def walk(side: Side) -> Iterator[Finding]:
        for activity in side.register.activities:
            yield from check(side, activity)

    return walk
