"""What the import checks keep of an entry: enough to answer the rules on any day of its
history, without keeping its changes.

The rules of a change ask of the entry's state on the change's effective date only its status
and the values of the fields the change names. So each field keeps its own timeline of values,
and the status its own, with keys packed as (effective day, version) in an array and found by
bisection. A history of a million events then costs its values, pickled, and sixteen bytes
each, not a million events or ``Change``s with their dates, actors and reasons; and a
backdated change costs a bisection per field it names, not a fold of the entry's history.

The timelines are the fold of ``register.domain.timeline.apply`` taken apart: a change is
applied in (effective date, version) order, a registration sets every field and the status, an
amendment or a review the fields it names, a retirement or a reinstatement the status. The
rules refuse any change effective before the registration, so the registration is always the
first change in effect order, and nothing before it needs forgetting.
"""

from __future__ import annotations

import bisect
import pickle
from array import array
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from register.domain.entries import Entry
from register.domain.timeline import (
    ACTIVE,
    AMENDED,
    REGISTERED,
    REINSTATED,
    RETIRED,
    RETIRED_STATUS,
    REVIEWED,
    State,
)

_VERSION_BITS = 32
_LAST_VERSION = (1 << _VERSION_BITS) - 1


def _key(day: date, version: int) -> int:
    """A change's place in effect order as one integer: by day, then by version."""
    return (day.toordinal() << _VERSION_BITS) | version


def _end_of(day: date) -> int:
    """The key after every change effective on or before ``day``."""
    return _key(day, _LAST_VERSION)


class _Timeline:
    """One value's changes in effect order: the keys packed, each value pickled into one
    buffer (appended, found by its start and end beside its key). Millions of small values
    as objects would cost their headers and scatter over the heap the events pass through."""

    __slots__ = ("_ends", "_spelled", "_starts", "keys")

    def __init__(self) -> None:
        self.keys = array("q")
        self._starts = array("I")
        self._ends = array("I")
        self._spelled = bytearray()

    def __len__(self) -> int:
        return len(self.keys)

    def set(self, key: int, value: Any) -> None:
        """Add a change; most are effective on or after the latest, and go at the end."""
        keys = self.keys
        at = len(keys) if not keys or keys[-1] < key else bisect.bisect_right(keys, key)
        start = len(self._spelled)
        self._spelled += pickle.dumps(value)  # values the mapper decoded, read back here only
        keys.insert(at, key)
        self._starts.insert(at, start)
        self._ends.insert(at, len(self._spelled))

    def index_by(self, end: int) -> int:
        """The index of the last change with a key before ``end``; -1 when there is none."""
        keys = self.keys
        if keys and keys[-1] < end:
            return len(keys) - 1
        return bisect.bisect_left(keys, end) - 1

    def value(self, index: int) -> Any:
        return pickle.loads(self._spelled[self._starts[index] : self._ends[index]])


class FieldsOn(Mapping[str, Any]):
    """An entry's fields on one day, looked up only for the names asked for."""

    __slots__ = ("_end", "_timelines")

    def __init__(self, timelines: Mapping[str, _Timeline], end: int) -> None:
        self._timelines = timelines
        self._end = end

    def __getitem__(self, name: str) -> Any:
        timeline = self._timelines.get(name)
        at = -1 if timeline is None else timeline.index_by(self._end)
        if timeline is None or at < 0:
            raise KeyError(name)
        return timeline.value(at)

    def __iter__(self) -> Iterator[str]:
        return (name for name, t in self._timelines.items() if t.index_by(self._end) >= 0)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class EntryTimelines:
    """One entry as the file has told it so far: its kind, version, day of registration, and
    the timelines of its fields and status."""

    __slots__ = ("_fields", "_status", "kind", "registered_on", "version")

    def __init__(self, registration: Entry.Registered) -> None:
        self.kind = registration.KIND
        self.version = 0
        self.registered_on = registration.effective_from
        self._fields: dict[str, _Timeline] = {}
        self._status = _Timeline()
        self.add(registration)

    def add(self, event: Entry.Event) -> None:
        """Take in the entry's next event (its version the next one), as ``apply`` would
        its change."""
        key = _key(event.effective_from, event.originator_version)
        kind = event.CHANGE_KIND
        if kind in (REGISTERED, AMENDED, REVIEWED):
            for name, value in getattr(event, "fields", {}).items():
                timeline = self._fields.get(name)
                if timeline is None:
                    timeline = self._fields[name] = _Timeline()
                timeline.set(key, value)
        if kind in (REGISTERED, REINSTATED):
            self._status.set(key, ACTIVE)
        elif kind == RETIRED:
            self._status.set(key, RETIRED_STATUS)
        self.version = event.originator_version

    def state_on(self, day: date) -> State | None:
        """The entry's state in effect on ``day`` as the file has told it so far (None before
        its registration), as ``timeline.state_at`` folds it from its changes."""
        end = _end_of(day)
        at = self._status.index_by(end)
        if at < 0:
            return None
        return State(FieldsOn(self._fields, end), self._status.value(at))
