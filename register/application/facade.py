"""The read side: one object that owns the connections and answers every question asked of the
register at a moment (``as_of``, ``known_at``), with typed answers.

The API, the CLI and the benchmarks read only through it.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import text

from register.application.read_model_check import ReadModelVerdict, check_read_model
from register.domain.chain import Held, Verdict, verify
from register.domain.changes import field_changes
from register.domain.clock import Clock
from register.domain.entries import CHANGE_KINDS
from register.domain.errors import EntryNotFound
from register.domain.followups import Recorded
from register.domain.instants import calendar_day
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, Change, state_at, status_since
from register.domain.views import (
    EntryView,
    FeedItem,
    HistoryItem,
    Moment,
    Page,
    RegisterSnapshot,
    compose_register,
)
from register.store import events_between, ledger, queries, token_log
from register.store.event_store import EventStore


@dataclass(frozen=True)
class Audit:
    """The verdicts of an integrity check, each on what it covers."""

    history: Verdict  # the events, their chain and the ledger's served columns
    tokens: Verdict  # the token log's chain
    read_model: ReadModelVerdict | None  # when asked for

    @property
    def intact(self) -> bool:
        return (
            self.history.intact
            and self.tokens.intact
            and (self.read_model is None or self.read_model.intact)
        )


class Reader:
    def __init__(self, store: EventStore, clock: Clock, zone: ZoneInfo) -> None:
        self.store = store
        self.clock = clock
        self.zone = zone

    # The moment -------------------------------------------------------------------------------

    def today(self) -> date:
        return calendar_day(self.clock.now(), self.zone)

    def now(self) -> datetime:
        """Now, for reads: never before the last recorded event, so a read issued after a
        write has returned always sees it, even when two writes fell in one clock tick."""
        with self.store.engine.connect() as connection:
            last = ledger.last_recorded(connection)
        now = self.clock.now()
        return max(now, last) if last is not None else now

    def moment(self, as_of: date | None = None, known_at: datetime | None = None) -> Moment:
        """The instants a read is asked at, each defaulting as SPEC §3 says: today, and now."""
        return Moment(as_of or self.today(), known_at or self.now())

    # The register and its entries -----------------------------------------------------------

    def register(self, moment: Moment, role: str | None = None) -> RegisterSnapshot:
        """The Article 30 register at ``moment`` (SPEC §7), with the history it came from."""
        with self.store.engine.connect() as connection:
            found = queries.register_at(connection, moment)
            history = ledger.head_at(connection, moment.known_at)
        return compose_register(moment, found, history, role)

    def entry(self, kind: EntryKind, entry_id: uuid.UUID, moment: Moment) -> EntryView | None:
        """One entry at ``moment``, active or retired; None before its registration."""
        with self.store.engine.connect() as connection:
            return queries.entry_at(connection, kind, entry_id, moment)

    def entries(
        self,
        kind: EntryKind,
        moment: Moment,
        *,
        status: str | None = ACTIVE,
        facet: str | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> Page:
        """A page of one kind's entries at ``moment``, by name; ``status=None`` for all."""
        with self.store.engine.connect() as connection:
            return queries.entries_at(
                connection, kind, moment, status=status, facet=facet, offset=offset, limit=limit
            )

    def kind_of(self, entry_id: uuid.UUID) -> EntryKind:
        with self.store.engine.connect() as connection:
            kind = ledger.kind_of(connection, entry_id)
        if kind is None:
            raise EntryNotFound(f"There is no entry with id {entry_id}.")
        return kind

    def has_entry(self, entry_id: uuid.UUID) -> bool:
        return self.store.has_entry(entry_id)

    # History ---------------------------------------------------------------------------------

    def changes(self, kind: EntryKind, entry_id: uuid.UUID) -> list[Change]:
        """Every change of one entry, in the order recorded."""
        events = self.store.events_of(entry_id)
        if not events or kind != events[0].KIND:
            raise EntryNotFound(f"There is no {kind} with id {entry_id}.")
        return [event.change() for event in events]

    def unreflected(self, before: Moment, after: Moment, described: Moment) -> set[uuid.UUID]:
        """The entries with an event that the register at ``after`` reflects and the ones at
        ``before`` and at ``described`` do not."""
        with self.store.engine.connect() as connection:
            return ledger.unreflected(connection, before, after, described)

    def described_by(self, statement: EntryView, known_at: datetime) -> Moment:
        """The register a privacy statement revision describes: on its effective date, as
        recorded when the revision last was by ``known_at``."""
        with self.store.engine.connect() as connection:
            recorded = ledger.last_recorded(connection, statement.id, known_at)
        if recorded is None:
            raise EntryNotFound(f"There is no policy with id {statement.id} by {known_at}.")
        return Moment(statement.registered_on, recorded)

    def last_settings(
        self, entry_ids: Collection[uuid.UUID], field: str, before: Moment, after: Moment
    ) -> dict[uuid.UUID, Recorded]:
        """For each entry, of its events that ``after`` reflects and ``before`` does not, the
        one that set ``field`` and takes effect last."""
        with self.store.engine.connect() as connection:
            found = events_between.last_settings(connection, entry_ids, field, before, after)
        return {entry_id: self._recorded(between) for entry_id, between in found.items()}

    def lasts_of(
        self, entry_ids: Collection[uuid.UUID], kind: str, before: Moment, after: Moment
    ) -> dict[uuid.UUID, Recorded]:
        """For each entry, of its events that ``after`` reflects and ``before`` does not, the
        last to take effect of those making a change of ``kind`` (a retirement, say)."""
        types = [topic for topic, made in CHANGE_KINDS.items() if made == kind]
        with self.store.engine.connect() as connection:
            found = events_between.lasts_of(connection, entry_ids, types, before, after)
        return {entry_id: self._recorded(between) for entry_id, between in found.items()}

    def _recorded(self, found: events_between.Between) -> Recorded:
        return Recorded(
            found.recorded_at,
            calendar_day(found.recorded_at, self.zone),
            found.effective_from,
            CHANGE_KINDS[found.event_type],
            found.fields,
        )

    def history(self, kind: EntryKind, entry_id: uuid.UUID) -> list[HistoryItem]:
        """Every event of one entry with what it changed on its effective date, before → after.

        "Before" is what the record said about that date just before the event was recorded,
        so a backdated correction shows exactly what it corrected.
        """
        changes = self.changes(kind, entry_id)
        return [
            HistoryItem(
                change,
                field_changes(
                    state_at(changes[:index], change.effective_from),
                    state_at(changes[: index + 1], change.effective_from),
                ),
            )
            for index, change in enumerate(changes)
        ]

    def retired_on(self, kind: EntryKind, entry_id: uuid.UUID, moment: Moment) -> date | None:
        """The day the retirement in effect at ``moment`` took effect."""
        changes = self.changes(kind, entry_id)
        return status_since(changes, moment.as_of, moment.known_at)

    def feed(self, after: int, limit: int) -> list[FeedItem]:
        """The global event feed in order: ledger facts plus each event's reason and content."""
        with self.store.engine.connect() as connection:
            rows = ledger.rows_after(connection, after, limit)
        if not rows:
            return []
        stored = self.store.between(rows[0].position, rows[-1].position)
        items = []
        for row in rows:
            event = self.store.decode(stored[row.position]) if row.position in stored else None
            items.append(
                FeedItem(
                    position=row.position,
                    entry_id=row.entry_id,
                    entry_kind=row.entry_kind,
                    version=row.version,
                    type=row.event_type,
                    recorded_at=row.recorded_at,
                    effective_from=row.effective_from,
                    actor=row.actor,
                    chain_digest=row.chain_digest,
                    reason=event.reason if event else None,
                    fields=getattr(event, "fields", {}) if event else None,
                )
            )
        return items

    # Integrity and health -------------------------------------------------------------------

    def integrity(self, held: Held | None = None) -> Verdict:
        """Recompute the chain over the whole stored history (SPEC §4), check every ledger
        column the feed and the history serve against its event, and check that the chain still
        passes through a digest given out earlier, if one is held."""
        with self.store.engine.connect() as connection:
            return verify(
                self.store.everything(),
                ledger.links(connection, with_served=True),
                held,
                lambda event: ledger.served(event, self.store.facts(event)),
            )

    def audit(
        self, held: Held | None = None, read_model: bool = False, sample: int | None = None
    ) -> Audit:
        """Everything ``ropa verify`` and the integrity resource check: the history and its
        ledger, the token log, and, when asked, the read model against the events (every
        entry, or ``sample`` of them)."""
        with self.store.engine.connect() as connection:
            tokens = token_log.verify(connection)
        return Audit(
            history=self.integrity(held),
            tokens=tokens,
            read_model=check_read_model(self.store, sample) if read_model else None,
        )

    def ping(self) -> None:
        """Raise unless the database answers a query and a write now would be kept."""
        self.store.check_durable()
        with self.store.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
