"""The event store: stored events, how they are encoded, and the transaction they are written in.

It wraps an ``eventsourcing`` application and offers none of that application's public
writing methods: events are appended only through ``append`` and ``insert_imported``, which
the unit of work and the importer call under the write lock, and whatever inserts events also
chains them (``ChainingRecorder``).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import cast

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder, StoredEvent, Transcoding
from sqlalchemy import Connection, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from register.domain.entries import Entry
from register.store import bulk_write, event_scan, ledger
from register.store.database import (
    StoreFile,
    Timeouts,
    WriteLock,
    bound_waits,
    sqlalchemy_url,
)
from register.store.recorder import ChainingFactory, ChainingRecorder
from register.store.tables import EVENTS_TABLE_PREFIX

BATCH = 1000


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class UnknownTopic(ValueError):
    """A stored event's topic is not one the caller accepts; nothing was resolved."""


class _Events(Application[uuid.UUID]):
    """The ``eventsourcing`` wiring: transcodings, mapper and recorder."""

    name = EVENTS_TABLE_PREFIX

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())


class EventStore:
    def __init__(self, url: str, timeouts: Timeouts) -> None:
        self._events = _Events(
            {
                "PERSISTENCE_MODULE": f"{ChainingFactory.__module__}:{ChainingFactory.__name__}",
                "SQLALCHEMY_URL": sqlalchemy_url(url, timeouts),
                # created by schema.prepare, under the lock that makes creation race-free
                "CREATE_TABLE": "false",
            }
        )
        self._recorder = cast(ChainingRecorder, self._events.recorder)
        self._recorder.facts = self.facts
        engine = self._recorder.datastore.engine
        assert isinstance(engine, Engine)
        bound_waits(engine, timeouts)
        self.engine = engine
        self.tables = list(self._recorder.tables)
        self.file = StoreFile.opened_by(engine)

    def check_durable(self) -> None:
        """Raise ``StoreUnavailable`` unless a write committed now is kept: on SQLite, the file
        at the store's path is still the one it opened, and writable."""
        if self.file is not None:
            self.file.check()

    def close(self) -> None:
        self._events.close()
        self.engine.dispose()

    def transaction(self, commit: bool) -> AbstractContextManager[Session]:
        """The session every statement of a command or read shares until it ends."""
        return self._recorder.transaction(commit=commit)

    def decode(self, stored: StoredEvent) -> Entry.Event:
        event = self._events.mapper.to_domain_event(stored)
        assert isinstance(event, Entry.Event)
        return event

    def decode_only(self, stored: StoredEvent, topics: Collection[str]) -> Entry.Event:
        """Decode an event from outside the store, whose topic must be one of ``topics``.

        The topic is checked here, before the mapper sees it, because resolving a topic imports
        the module it names: a file must not be able to make the register import anything.
        """
        if stored.topic not in topics:
            raise UnknownTopic(stored.topic)
        return self.decode(stored)

    def facts(self, stored: StoredEvent) -> ledger.Facts:
        return _facts(self.decode(stored))

    def append(self, lock: WriteLock, events: Sequence[Entry.Event]) -> list[int]:
        """Store new events in the locked transaction; their positions, in order. Their ledger
        facts come from the events in hand, not from decoding what was just encoded."""
        self._check_held(lock)
        mapper = self._events.mapper
        return self._recorder.insert_chained(
            lock.session, [(mapper.to_stored_event(event), _facts(event)) for event in events]
        )

    def insert_imported(
        self, lock: WriteLock, events: Sequence[tuple[StoredEvent, Entry.Event]]
    ) -> None:
        """Store events exactly as exported elsewhere, each with its decoded event, in the
        locked transaction, and chain them.

        An import writes many events at once, so they go through the driver's bulk path rather
        than the recorder, and their ledger facts come from the events already decoded; the
        chain is extended here, in the same statement batch, as the recorder would."""
        self._check_held(lock)
        if not events:
            return
        connection = lock.session.connection()
        table = self._recorder.events_record_cls.__table__
        before = connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
        bulk_write.write(
            connection,
            table,
            [
                {
                    "originator_id": stored.originator_id,
                    "originator_version": stored.originator_version,
                    "topic": stored.topic,
                    "state": bytes(stored.state),
                }
                for stored, _ in events
            ],
        )
        positions = connection.execute(
            select(table.c.id).where(table.c.id > before).order_by(table.c.id)
        ).scalars()
        ledger.extend(
            connection,
            [
                (position, stored, _facts(event))
                for position, (stored, event) in zip(positions, events, strict=True)
            ],
        )

    def _check_held(self, lock: WriteLock) -> None:
        with self.transaction(commit=True) as session:
            if session is not lock.session:
                raise RuntimeError("events are appended only in the transaction holding the lock")

    def max_position(self) -> int:
        return self._recorder.max_notification_id() or 0

    def after(self, position: int, limit: int = BATCH) -> list[tuple[int, StoredEvent]]:
        """Up to ``limit`` events after ``position``, in the global order."""
        found = self._recorder.select_notifications(position, limit, inclusive_of_start=False)
        return [(n.id, n) for n in found]

    def between(self, first: int, last: int) -> dict[int, StoredEvent]:
        found = self._recorder.select_notifications(first, last - first + 1, stop=last)
        return {n.id: n for n in found}

    def everything(self) -> Iterator[tuple[int, StoredEvent]]:
        position = 0
        while batch := self.after(position):
            yield from batch
            position = batch[-1][0]

    def by_entry(self, connection: Connection) -> Iterator[tuple[int, list[Entry.Event]]]:
        """Every entry's events in version order, an entry at a time, with the last position
        among them: read from a plain cursor, so only one entry's events are held at once,
        and decoded through the mapper like any other (upcasters included)."""
        entry: list[Entry.Event] = []
        last = 0
        for position, stored in event_scan.by_entry(connection, self._recorder.events_table_name):
            if entry and stored.originator_id != entry[0].originator_id:
                yield last, entry
                entry, last = [], 0
            entry.append(self.decode(stored))
            last = max(last, position)
        if entry:
            yield last, entry

    def events_of(
        self, entry_id: uuid.UUID, versions: Sequence[int] | None = None
    ) -> list[Entry.Event]:
        """An entry's events in version order: all of them, or only the given versions."""
        if versions is None:
            stored = self._recorder.select_events(entry_id)
            return [self.decode(s) for s in stored]
        if not versions:
            return []
        record = self._recorder.events_record_cls
        with self.transaction(commit=False) as session:
            rows = session.execute(
                select(record.originator_version, record.topic, record.state)
                .where(
                    record.originator_id == entry_id,
                    record.originator_version.in_(list(versions)),
                )
                .order_by(record.originator_version)
            ).all()
        return [
            self.decode(StoredEvent(entry_id, row.originator_version, row.topic, bytes(row.state)))
            for row in rows
        ]

    def has_entry(self, entry_id: uuid.UUID) -> bool:
        with self.transaction(commit=False):
            return bool(self._recorder.select_events(entry_id, limit=1))


def _facts(event: Entry.Event) -> ledger.Facts:
    return ledger.Facts(event.KIND, event.effective_from, event.timestamp, event.actor)
