"""The event store's recorder, which extends the hash chain with every event it inserts.

Chaining lives here, below every caller, so no path can store an event without its link: the
unit of work's commands and the importer alike go through ``insert_events``, and the ledger rows
are written in the same database transaction as the events (SPEC §4).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing_sqlalchemy.factory import SQLAlchemyFactory
from eventsourcing_sqlalchemy.recorders import SQLAlchemyApplicationRecorder
from sqlalchemy.orm import Session

from register.store import ledger

LedgerFacts = Callable[[StoredEvent], ledger.Facts]


class ChainingRecorder(SQLAlchemyApplicationRecorder):
    """Inserts events and, in the same session, their links of the chain."""

    facts: LedgerFacts  # set by the event store, which knows how to decode an event

    def _insert_stored_events(
        self, session: Session, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int]:
        positions = super()._insert_stored_events(session, stored_events, **kwargs)
        ledger.extend(
            session.connection(),
            [(p, e, self.facts(e)) for p, e in zip(positions, stored_events, strict=True)],
        )
        return positions


class ChainingFactory(SQLAlchemyFactory):
    """The persistence module of the register: eventsourcing-sqlalchemy with a chaining recorder."""

    application_recorder_class = ChainingRecorder
