"""The one way events are written.

A unit of work takes the write lock, stamps the work with the store's clock, records each event
the work decides on (the recorder chains it), brings every registered read model up to date and
commits, all in one transaction: a refused command leaves nothing behind, several entries can be
recorded all or nothing, and a read issued after a write has returned sees it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from register.application import references_in_time
from register.domain.clock import Clock
from register.domain.entries import Entry, Stamp, Standing
from register.domain.errors import EntryNotFound, InvalidCommand, VersionMismatch
from register.domain.instants import calendar_day
from register.domain.kinds import EntryKind
from register.store import ledger
from register.store import standing as read
from register.store.database import AUTOCOMMIT, WriteLock, lock_for_writing
from register.store.event_store import EventStore
from register.store.projections import Projections


class Reading:
    """What a command reads of the current record to be decided: through the locked
    transaction, or before the lock is taken (then only to be checked again under it)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def standing(
        self,
        kind: EntryKind,
        entry_id: uuid.UUID,
        day: date,
        expected_version: int | None = None,
    ) -> Standing:
        """The entry as the rules need it on ``day``: refused when it is not of ``kind`` or
        not at the version the writer read."""
        found = read.standing(self.connection, entry_id, day)
        if found.kind != kind:
            raise EntryNotFound(f"There is no {kind} with id {entry_id}.")
        if expected_version is not None and expected_version != found.version:
            raise VersionMismatch(expected_version, found.version)
        assert found.registered_on is not None, "a registered entry has rows in the read model"
        return Standing(entry_id, kind, found.version, found.registered_on, found.state)

    def version_of(self, entry_id: uuid.UUID) -> int:
        return read.version_of(self.connection, entry_id)

    def exists(self, entry_id: uuid.UUID) -> bool:
        return self.version_of(entry_id) > 0

    def check_references(self, references: list[tuple[str, EntryKind, str]]) -> None:
        """Every entry a command names must be registered, and of the kind named; that it is in
        effect on the days it is named is checked when the event is recorded."""
        missing = []
        for kind in {kind for _, kind, _ in references}:
            wanted = {ref for _, k, ref in references if k == kind}
            known = ledger.registered_ids(self.connection, kind, wanted)
            missing += [
                (path, kind) for path, k, ref in references if k == kind and ref not in known
            ]
        if missing:
            raise InvalidCommand(
                {
                    path: [f"names no registered {kind}; register the {kind} first"]
                    for path, kind in sorted(missing)
                }
            )


class Work(Reading):
    """What a command sees inside the locked transaction: the stamp, and where to record."""

    def __init__(
        self,
        lock: WriteLock,
        stamp: Callable[[datetime | None], Stamp],
        store: EventStore,
        projections: Projections,
        about: uuid.UUID | None,
    ) -> None:
        """``about`` names the entry the work is about, if one: its version is read with the
        last record time, in one round trip, while the lock is held."""
        super().__init__(lock.session.connection())
        self._lock = lock
        self._versions: dict[uuid.UUID, int] = {}
        if about is None:
            last = read.last_recorded(self.connection)
        else:
            last, self._versions[about] = read.head(self.connection, about)
        self.stamp = stamp(last)
        self._store = store
        self._projections = projections

    def version_of(self, entry_id: uuid.UUID) -> int:
        known = self._versions.get(entry_id)
        return super().version_of(entry_id) if known is None else known

    def record(self, event: Entry.Event) -> None:
        """Refuse the event if it would break a reference in time, else store it and project
        it now, from the event in hand, so the next decision of this work sees it. Every event
        passes here, so no command can skip the check.

        The events of one unit of work share its stamp: they are committed together, so no
        ``known_at`` can see some of them and not the others, and the follow-ups they raise are
        those of one change."""
        self._versions.clear()  # the event moves its entry on
        references_in_time.check(self.connection, self._store, event)
        (position,) = self._store.append(self._lock, [event])
        self._projections.project(self.connection, [(position, event)])


class UnitOfWork:
    def __init__(
        self, store: EventStore, projections: Projections, clock: Clock, zone: ZoneInfo
    ) -> None:
        self.store = store
        self.projections = projections
        self.clock = clock
        self.zone = zone

    @contextmanager
    def begin(self, about: uuid.UUID | None = None) -> Iterator[Work]:
        """Hold the write lock for the work; commit when it ends, roll back if it raises."""
        with self.store.transaction(commit=True) as session:
            lock = lock_for_writing(session)
            self.store.check_durable()
            yield Work(lock, self._stamp, self.store, self.projections, about)
        self.store.check_durable()  # acknowledged only if the commit reached the file kept

    @contextmanager
    def read(self) -> Iterator[Reading]:
        """Read the current record without the lock, to decide a command before taking it.

        The reads are not one transaction: whatever they decide is checked again under the lock
        (the entry's version, the references in time), so a snapshot would buy nothing and cost
        two round trips on PostgreSQL (begin, roll back)."""
        with self.store.transaction(commit=False) as session:
            yield Reading(session.connection(execution_options={"isolation_level": AUTOCOMMIT}))

    def provisional_stamp(self) -> Stamp:
        """The stamp a command decided before the lock is checked with; it is stamped again
        under the lock, where the record's order is known."""
        now = self.clock.now()
        return Stamp(recorded_at=now, today=calendar_day(now, self.zone))

    def _stamp(self, last: datetime | None) -> Stamp:
        """The store's clock, never behind the last recorded event: order and time agree."""
        now = self.clock.now()
        if last is not None:
            now = max(now, last + timedelta(microseconds=1))
        return Stamp(recorded_at=now, today=calendar_day(now, self.zone))
