"""Read models as a registered list: each has a name and its own tracking position.

The unit of work brings every registered projection up to date in the write's own transaction,
so a read issued after a write has returned sees it. Adding a read model means registering one
more projection; the write path does not change.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from eventsourcing.persistence import StoredEvent
from sqlalchemy import Connection, insert, select, update

from register.domain.kinds import EntryKind
from register.domain.timeline import Change
from register.store.event_store import EventStore
from register.store.tables import projection_positions

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Projected:
    """One event as a read model needs it."""

    position: int
    entry_id: uuid.UUID
    kind: EntryKind
    change: Change


class Run(Protocol):
    """One catch-up of a projection, within one transaction: it may keep state between batches."""

    def apply(self, events: Sequence[Projected]) -> None: ...

    def finish(self) -> None:
        """Write whatever the run still holds; called before the transaction commits."""


class Projection(Protocol):
    name: str

    def install(self, connection: Connection) -> None:
        """Create the projection's tables and indexes where they are missing."""

    def drop(self, connection: Connection) -> None: ...

    def run(self, connection: Connection, store: EventStore) -> Run: ...


class Projections:
    """The registered read models and how far each has read the history."""

    def __init__(self, store: EventStore, projections: Sequence[Projection]) -> None:
        self.store = store
        self.by_name = {p.name: p for p in projections}

    @property
    def names(self) -> list[str]:
        return list(self.by_name)

    def install(self, connection: Connection) -> None:
        projection_positions.create(connection, checkfirst=True)
        for projection in self.by_name.values():
            projection.install(connection)

    def catch_up(self, connection: Connection, progress: Progress | None = None) -> int:
        """Apply every event after each projection's position, in order; the last position."""
        last = 0
        for projection in self.by_name.values():
            last = max(last, self._catch_up(connection, projection, progress))
        return last

    def rebuild(
        self,
        connection: Connection,
        names: Iterable[str] | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Drop the named projections (all by default) and replay the history into them."""
        chosen = [self.by_name[name] for name in names or self.names]
        projection_positions.create(connection, checkfirst=True)
        last = 0
        for projection in chosen:
            projection.drop(connection)
            projection.install(connection)
            _track(connection, projection.name, 0)
            last = max(last, self._catch_up(connection, projection, progress))
        return last

    def _catch_up(
        self, connection: Connection, projection: Projection, progress: Progress | None
    ) -> int:
        position = tracked(connection, projection.name)
        total = self.store.max_position() if progress else 0
        run = projection.run(connection, self.store)
        start = position
        while batch := self.store.after(position):
            run.apply([self._projected(p, stored) for p, stored in batch])
            position = batch[-1][0]
            if progress:
                progress(position, total)
        run.finish()
        if position != start:
            _track(connection, projection.name, position)
        return position

    def _projected(self, position: int, stored: StoredEvent) -> Projected:
        event = self.store.decode(stored)
        return Projected(position, event.originator_id, event.KIND, event.change())


def tracked(connection: Connection, name: str) -> int:
    found = connection.execute(
        select(projection_positions.c.position).where(projection_positions.c.name == name)
    ).scalar()
    return int(found or 0)


def _track(connection: Connection, name: str, position: int) -> None:
    done = connection.execute(
        update(projection_positions)
        .where(projection_positions.c.name == name)
        .values(position=position)
    )
    if done.rowcount == 0:
        connection.execute(insert(projection_positions).values(name=name, position=position))
