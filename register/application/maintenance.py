"""Work on the store as a whole: rebuilding read models, and moving the history between stores
as JSON Lines that reproduce the same register and the same head digest elsewhere."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator

from eventsourcing.persistence import StoredEvent

from register.domain.chain import GENESIS, chain_digest, content_digest
from register.domain.errors import IntegrityViolation, StoreNotEmpty
from register.store import ledger
from register.store.database import lock_for_writing, tidy_after_bulk_write
from register.store.event_store import BATCH, EventStore
from register.store.projections import Progress, Projections


class Maintenance:
    def __init__(self, store: EventStore, projections: Projections) -> None:
        self.store = store
        self.projections = projections

    def rebuild(self, names: Iterable[str] | None = None, progress: Progress | None = None) -> int:
        """Drop read models and replay every event into them, in one transaction.

        Readers keep seeing the old read model until the new one is committed; writers wait.
        """
        with self.store.transaction(commit=True) as session:
            lock_for_writing(session)
            position = self.projections.rebuild(session.connection(), names, progress)
        tidy_after_bulk_write(self.store.engine)
        return position

    def import_events(self, events: Iterable[StoredEvent], progress: Progress | None = None) -> int:
        """Append exported events to an empty store, in order; the recorder chains them and
        the read models are brought up to date in the same transaction."""
        count = 0
        with self.store.transaction(commit=True) as session:
            lock = lock_for_writing(session)
            connection = session.connection()
            if not ledger.is_empty(connection):
                raise StoreNotEmpty(
                    "The store already holds events: import into an empty database "
                    "(set ROPA_DATABASE_URL to a new one)."
                )
            batch: list[StoredEvent] = []
            for event in events:
                batch.append(event)
                if len(batch) == BATCH:
                    self.store.insert_imported(lock, batch)
                    count += len(batch)
                    batch = []
                    if progress:
                        progress(count, 0)
            self.store.insert_imported(lock, batch)
            count += len(batch)
            self.projections.catch_up(connection)
        tidy_after_bulk_write(self.store.engine)
        return count

    def export_lines(self) -> Iterator[str]:
        """The history as JSON Lines: each stored event exactly as stored, with its digests."""
        with self.store.engine.connect() as connection:
            digests = {link.position: link for link in ledger.links(connection)}
        for position, event in self.store.everything():
            link = digests.get(position)
            yield json.dumps(
                {
                    "position": position,
                    "originator_id": str(event.originator_id),
                    "originator_version": event.originator_version,
                    "topic": event.topic,
                    "state": bytes(event.state).decode("utf-8"),
                    "content_digest": link.content_digest if link else None,
                    "chain_digest": link.chain_digest if link else None,
                },
                ensure_ascii=False,
            )


def read_export(lines: Iterable[str]) -> Iterator[StoredEvent]:
    """Parse an export, refusing it at the first line whose event does not match its chain."""
    previous = GENESIS
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            event = StoredEvent(
                originator_id=uuid.UUID(item["originator_id"]),
                originator_version=int(item["originator_version"]),
                topic=str(item["topic"]),
                state=item["state"].encode("utf-8"),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise IntegrityViolation(
                f"Line {number} is not an exported event ({error}): export the history "
                "again with 'ropa export-events FILE'."
            ) from None
        previous = chain_digest(previous, content_digest(event))
        if previous != item.get("chain_digest"):
            raise IntegrityViolation(
                f"Line {number} (position {item.get('position')}) does not match its chain "
                "digest: the file was altered after export. Nothing was imported."
            )
        yield event
