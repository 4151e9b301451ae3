"""The event store's recorder, which extends the hash chain with every event it inserts.

Chaining lives here, below every caller, so no path can store an event without its link: the
unit of work's commands and the importer alike go through the recorder, and the ledger rows
are written in the same database transaction as the events (SPEC §4).

Events are inserted with one ``INSERT … RETURNING`` rather than through the ORM's flush, and
without the library's table lock and ``NOTIFY``: every insert runs under the register's write
lock (``EventStore.append`` asks for it), and nothing listens for notifications, whose queue
PostgreSQL serialises at every commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing_sqlalchemy.factory import SQLAlchemyFactory
from eventsourcing_sqlalchemy.recorders import SQLAlchemyApplicationRecorder
from sqlalchemy import Insert, insert
from sqlalchemy.orm import Session

from register.store import ledger

LedgerFacts = Callable[[StoredEvent], ledger.Facts]


class ChainingRecorder(SQLAlchemyApplicationRecorder):
    """Inserts events and, in the same session, their links of the chain."""

    facts: LedgerFacts  # set by the event store, which knows how to decode an event

    def insert_chained(
        self, session: Session, events: Sequence[tuple[StoredEvent, ledger.Facts]]
    ) -> list[int]:
        """Insert events whose ledger facts the caller already knows, and chain them; their
        positions, in order."""
        connection = session.connection()
        positions = list(
            connection.execute(
                self._insert_returning,
                [
                    {
                        "originator_id": stored.originator_id,
                        "originator_version": stored.originator_version,
                        "topic": stored.topic,
                        "state": stored.state,
                    }
                    for stored, _ in events
                ],
            ).scalars()
        )
        ledger.extend(
            connection,
            [(p, stored, facts) for p, (stored, facts) in zip(positions, events, strict=True)],
        )
        return positions

    def _insert_stored_events(
        self, session: Session, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int]:
        return self.insert_chained(session, [(e, self.facts(e)) for e in stored_events])

    @cached_property
    def _insert_returning(self) -> Insert:
        table = self.events_record_cls.__table__
        return insert(table).returning(table.c.id, sort_by_parameter_order=True)


class ChainingFactory(SQLAlchemyFactory):
    """The persistence module of the register: eventsourcing-sqlalchemy with a chaining recorder."""

    application_recorder_class = ChainingRecorder
