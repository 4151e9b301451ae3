"""The register application: one method per use case, one transaction per command.

A command takes the write lock, stamps its events with the store's monotonic clock, saves them,
extends the hash chain and brings the read model up to date, all in one transaction: a refused
command leaves nothing behind, and a read issued after a write has returned sees it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import JSONTranscoder, Notification, StoredEvent, Transcoding
from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from register.domain.chain import GENESIS, chain_digest, content_digest
from register.domain.clock import DEFAULT_TIMEZONE, Clock, SystemClock
from register.domain.commands import (
    AmendEntry,
    Command,
    RegisterEntry,
    ReinstateEntry,
    RetireEntry,
    SetOrganisation,
    Transition,
)
from register.domain.entries import ENTRY_CLASSES, Entry, Organisation, Provenance, Stamp
from register.domain.errors import EntryNotFound, InvalidCommand, StoreNotEmpty, VersionMismatch
from register.domain.fields import complete
from register.domain.timeline import Change
from register.store import guards, queries, segment_index
from register.store.database import (
    database_url,
    lock_for_writing,
    sqlalchemy_url,
    tidy_after_bulk_write,
)
from register.store.projection import Projected, Projector
from register.store.queries import Moment
from register.store.tables import from_micros, ledger, metadata, read_model, to_micros
from register.store.tokens import TokenStore

BATCH = 1000
Progress = Callable[[int, int], None]


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class RegisterApplication(Application[uuid.UUID]):
    name = "ropa"

    def __init__(
        self,
        url: str | None = None,
        clock: Clock | None = None,
        timezone: str = DEFAULT_TIMEZONE,
    ) -> None:
        self.url = database_url(url)
        super().__init__(
            {
                "PERSISTENCE_MODULE": "eventsourcing_sqlalchemy",
                "SQLALCHEMY_URL": sqlalchemy_url(self.url),
            }
        )
        self.clock: Clock = clock or SystemClock()
        self.zone = ZoneInfo(timezone)
        engine = self.recorder.datastore.engine  # type: ignore[attr-defined]
        assert isinstance(engine, Engine)
        self.engine = engine
        self._prepare_schema()
        self.tokens = TokenStore(engine, self.clock)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def close(self) -> None:
        super().close()
        self.engine.dispose()

    def _prepare_schema(self) -> None:
        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(30301)"))
            metadata.create_all(connection)
            read_model.create_all(connection)
            segment_index.install(connection)
            guards.install(connection)

    # Commands ------------------------------------------------------------------------------

    def register(self, command: RegisterEntry) -> Entry:
        def work(stamp: Stamp) -> Entry:
            entry_class = ENTRY_CLASSES[command.kind]
            if command.entry_id is not None and self.has_entry(command.entry_id):
                raise InvalidCommand({"id": [f"an entry with id {command.entry_id} exists"]})
            self._check_references(command.content)
            return entry_class.register(
                command.content, self._provenance(command, stamp), stamp, command.entry_id
            )

        return self._write(work)

    def amend(self, command: AmendEntry) -> Entry:
        def work(stamp: Stamp) -> Entry:
            entry = self._current(command.kind, command.entry_id, command.expected_version)
            self._check_references(command.content)
            entry.amend(command.content, self._provenance(command, stamp), stamp)
            return entry

        return self._write(work)

    def retire(self, command: RetireEntry) -> Entry:
        return self._transition(command, Entry.retire)

    def reinstate(self, command: ReinstateEntry) -> Entry:
        return self._transition(command, Entry.reinstate)

    def _transition(
        self,
        command: Transition,
        step: Callable[[Entry, Provenance, Stamp], None],
    ) -> Entry:
        def work(stamp: Stamp) -> Entry:
            entry = self._current(command.kind, command.entry_id, command.expected_version)
            step(entry, self._provenance(command, stamp), stamp)
            return entry

        return self._write(work)

    def set_organisation(self, command: SetOrganisation) -> Entry:
        """Register the organisation's details the first time, replace them as a whole after."""

        def work(stamp: Stamp) -> Entry:
            provenance = self._provenance(command, stamp)
            if not self.has_entry(Organisation.ID):
                return Organisation.register(command.content, provenance, stamp, Organisation.ID)
            entry = self._current("organisation", Organisation.ID, command.expected_version)
            whole = complete("organisation", command.content)
            if whole != entry.fields_at(provenance.effective_from):
                entry.amend(whole, provenance, stamp)
            return entry

        return self._write(work)

    def _provenance(self, command: Command, stamp: Stamp) -> Provenance:
        return Provenance(command.effective_from or stamp.today, command.actor, command.reason)

    def _current(self, kind: str, entry_id: uuid.UUID, expected: int | None) -> Entry:
        entry = self._get(kind, entry_id)
        if expected is not None and expected != entry.version:
            raise VersionMismatch(expected, entry.version)
        return entry

    def _get(self, kind: str, entry_id: uuid.UUID) -> Entry:
        try:
            entry: object = self.repository.get(entry_id)
        except AggregateNotFoundError:
            entry = None
        if not isinstance(entry, ENTRY_CLASSES[kind]):
            raise EntryNotFound(f"There is no {kind} with id {entry_id}.")
        return entry

    def kind_of(self, entry_id: uuid.UUID) -> str:
        with self.connect() as connection:
            kind = connection.execute(
                select(ledger.c.entry_kind).where(
                    ledger.c.entry_id == str(entry_id), ledger.c.version == 1
                )
            ).scalar()
        if kind is None:
            raise EntryNotFound(f"There is no entry with id {entry_id}.")
        return str(kind)

    def has_entry(self, entry_id: uuid.UUID) -> bool:
        with self.recorder.transaction(commit=False):  # type: ignore[attr-defined]
            return bool(self.recorder.select_events(entry_id, limit=1))

    def _check_references(self, content: dict[str, Any]) -> None:
        """Every recipient an activity names must be a registered recipient."""
        wanted = dict(_references(content))
        if not wanted:
            return
        with self.recorder.transaction(commit=False) as session:  # type: ignore[attr-defined]
            known = queries.registered_ids(session.connection(), "recipient", set(wanted.values()))
        missing = sorted(path for path, ref in wanted.items() if ref not in known)
        if missing:
            raise InvalidCommand(
                {
                    path: ["names no registered recipient; register the recipient first"]
                    for path in missing
                }
            )

    # The write transaction -----------------------------------------------------------------

    def _write(self, work: Callable[[Stamp], Entry]) -> Entry:
        with self.recorder.transaction(commit=True) as session:  # type: ignore[attr-defined]
            lock_for_writing(session)
            connection = session.connection()
            entry = work(self._stamp(connection))
            recordings = self.save(entry)
            self._chain(connection, [r.notification for r in recordings])
            self._catch_up(session)
        return entry

    def _stamp(self, connection: Connection) -> Stamp:
        """The store's clock, never behind the last recorded event: order and time agree."""
        last = _last_recorded(connection)
        now = self.clock.now()
        if last is not None:
            now = max(now, last + timedelta(microseconds=1))
        return Stamp(recorded_at=now, today=now.astimezone(self.zone).date())

    def _chain(self, connection: Connection, notifications: Sequence[Notification]) -> None:
        previous = (
            connection.execute(
                select(ledger.c.chain_digest).order_by(ledger.c.position.desc()).limit(1)
            ).scalar()
            or GENESIS
        )
        rows = []
        for notification in notifications:
            event = self._event(notification)
            digest = content_digest(notification)
            previous = chain_digest(previous, digest)
            rows.append(
                {
                    "position": notification.id,
                    "entry_id": str(notification.originator_id),
                    "entry_kind": event.KIND,
                    "version": notification.originator_version,
                    "event_type": notification.topic,
                    "effective_from": event.effective_from,
                    "recorded_at": to_micros(event.timestamp),
                    "actor": event.actor,
                    "content_digest": digest,
                    "chain_digest": previous,
                }
            )
        if rows:
            connection.execute(insert(ledger), rows)

    def _catch_up(self, session: Session, progress: Progress | None = None) -> int:
        """Apply every event after the read model's position, in order, in this transaction."""
        connection = session.connection()
        projector = Projector(load=self._changes_of)
        position = projector.position(connection)
        total = (self.recorder.max_notification_id() or 0) if progress else 0
        while True:
            batch = self.recorder.select_notifications(position, BATCH, inclusive_of_start=False)
            if not batch:
                projector.flush(connection)
                return position
            position = projector.apply(connection, (self._projected(n) for n in batch))
            if progress:
                progress(position, total)

    def _event(self, stored: StoredEvent) -> Entry.Event:
        event = self.mapper.to_domain_event(stored)
        assert isinstance(event, Entry.Event)
        return event

    def _projected(self, notification: Notification) -> Projected:
        event = self._event(notification)
        return Projected(
            position=notification.id,
            entry_id=str(notification.originator_id),
            entry_kind=event.KIND,
            change=event.change(),
        )

    def _changes_of(self, entry_id: str, up_to_version: int) -> list[Change]:
        if up_to_version < 1:
            return []
        stored = self.recorder.select_events(uuid.UUID(entry_id), lte=up_to_version)
        return [self._event(s).change() for s in stored]

    # Maintenance ---------------------------------------------------------------------------

    def rebuild(self, progress: Progress | None = None) -> int:
        """Drop the read model and replay every event into it, in one transaction.

        Readers keep seeing the old read model until the new one is committed; writers wait.
        """
        with self.recorder.transaction(commit=True) as session:  # type: ignore[attr-defined]
            lock_for_writing(session)
            connection = session.connection()
            read_model.drop_all(connection)
            segment_index.drop(connection)
            read_model.create_all(connection)
            segment_index.install(connection)
            position = self._catch_up(session, progress)
        tidy_after_bulk_write(self.engine)
        return position

    def import_events(self, events: Iterator[StoredEvent], progress: Progress | None = None) -> int:
        """Append exported events to an empty store, in order, chaining and projecting them."""
        count = 0
        with self.recorder.transaction(commit=True) as session:  # type: ignore[attr-defined]
            lock_for_writing(session)
            connection = session.connection()
            if connection.execute(select(func.count()).select_from(ledger)).scalar():
                raise StoreNotEmpty(
                    "The store already holds events: import into an empty database "
                    "(set ROPA_DATABASE_URL to a new one)."
                )
            batch: list[StoredEvent] = []
            for event in events:
                batch.append(event)
                if len(batch) == BATCH:
                    count += self._append_imported(connection, batch)
                    batch = []
                    if progress:
                        progress(count, 0)
            count += self._append_imported(connection, batch)
            self._catch_up(session)
        tidy_after_bulk_write(self.engine)
        return count

    def _append_imported(self, connection: Connection, batch: list[StoredEvent]) -> int:
        if not batch:
            return 0
        positions = self.recorder.insert_events(batch)
        assert positions is not None
        notifications = self.recorder.select_notifications(
            min(positions), len(positions), stop=max(positions)
        )
        self._chain(connection, notifications)
        return len(batch)

    # Read side -----------------------------------------------------------------------------

    def connect(self) -> Connection:
        return self.engine.connect()

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def now(self) -> datetime:
        """Now, for reads: never before the last recorded event, so a read issued after a
        write has returned always sees it, even when two writes fell in one clock tick."""
        with self.connect() as connection:
            last = _last_recorded(connection)
        now = self.clock.now()
        return max(now, last) if last is not None else now

    def moment(self, as_of: date | None = None, known_at: datetime | None = None) -> Moment:
        """The instants a read is asked at, each defaulting as SPEC §3 says: today, and now."""
        return Moment(as_of or self.today(), known_at or self.now())

    def entry(self, kind: str, entry_id: uuid.UUID) -> Entry:
        """The aggregate with its whole history, for history views and checks."""
        return self._get(kind, entry_id)


def _last_recorded(connection: Connection) -> datetime | None:
    last = connection.execute(select(func.max(ledger.c.recorded_at))).scalar()
    return None if last is None else from_micros(last)


def _references(content: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The recipient ids an activity names; malformed ones are left to field validation."""
    refs: list[tuple[str, Any]] = [
        (f"recipients[{i}]", ref) for i, ref in enumerate(_list(content.get("recipients")))
    ]
    refs += [
        (f"transfers[{i}].recipient", transfer.get("recipient"))
        for i, transfer in enumerate(_list(content.get("transfers")))
        if isinstance(transfer, dict) and transfer.get("recipient")
    ]
    for path, ref in refs:
        try:
            yield path, str(uuid.UUID(str(ref)))
        except ValueError:
            continue


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
