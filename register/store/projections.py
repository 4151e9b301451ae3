"""Read models as a registered list: each has a name and its own tracking position.

The unit of work brings every registered projection up to date in the write's own transaction,
so a read issued after a write has returned sees it. Adding a read model means registering one
more projection; the write path does not change.

Each position is kept with the ledger's chain digest at that position, and a catch-up starts
only from a position that still agrees with the ledger: a position rewound or set ahead in the
database would otherwise apply events to the read model twice, or never.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from eventsourcing.persistence import StoredEvent
from sqlalchemy import Connection, insert, inspect, select, text, update

from register.domain.errors import IntegrityViolation
from register.domain.kinds import EntryKind
from register.domain.timeline import Change
from register.store import ledger
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
        _add_digests(connection)
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
        position = checked_position(connection, projection.name)
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


def checked_position(connection: Connection, name: str) -> int:
    """How far the projection has read the history, once shown to agree with the ledger."""
    found = connection.execute(
        select(projection_positions.c.position, projection_positions.c.chain_digest).where(
            projection_positions.c.name == name
        )
    ).first()
    if found is None:
        return 0
    position = int(found.position)
    digest = ledger.digest_at(connection, position)
    if digest is None:
        problem = "the history has no event there, so it was set ahead"
    elif found.chain_digest != digest:
        problem = "the ledger records another event there, so it was rewound or altered"
    else:
        return position
    raise IntegrityViolation(
        f"The read model {name!r} is recorded as having read the history up to position "
        f"{position}, but {problem}; catching up from there would apply events twice or skip "
        "them. Run 'ropa rebuild' to rebuild the read model from the events."
    )


def _track(connection: Connection, name: str, position: int) -> None:
    values = {"position": position, "chain_digest": ledger.digest_at(connection, position)}
    done = connection.execute(
        update(projection_positions).where(projection_positions.c.name == name).values(values)
    )
    if done.rowcount == 0:
        connection.execute(insert(projection_positions).values(name=name, **values))


def _add_digests(connection: Connection) -> None:
    """Give the positions of a store made before they carried a digest the ledger's digest at
    each, once: the positions are taken as they stand, the best evidence there is."""
    table = projection_positions
    present = {column["name"] for column in inspect(connection).get_columns(table.name)}
    if table.c.chain_digest.name in present:
        return
    spelled = table.c.chain_digest.type.compile(connection.dialect)
    connection.execute(text(f"ALTER TABLE {table.name} ADD COLUMN chain_digest {spelled}"))
    for name, position in connection.execute(select(table.c.name, table.c.position)).all():
        _track(connection, name, position)
