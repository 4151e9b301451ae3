"""Read models as a registered list: each has a name and its own tracking position.

The unit of work brings every registered projection up to date in the write's own transaction,
so a read issued after a write has returned sees it. Adding a read model means registering one
more projection; the write path does not change.

Each position is kept with the ledger's chain digest at that position, and a catch-up starts
only from a position that still agrees with the ledger: a position rewound or set ahead in the
database would otherwise apply events to the read model twice, or never. It is kept, too, with
the ``READ_MODEL_VERSION`` that built the rows: rows of another shape are rebuilt, never
extended.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from eventsourcing.persistence import StoredEvent
from sqlalchemy import (
    Column,
    Connection,
    bindparam,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)

from register.domain.chain import GENESIS
from register.domain.entries import Entry
from register.domain.errors import IntegrityViolation
from register.domain.kinds import EntryKind
from register.domain.timeline import Change
from register.store import ledger
from register.store.event_store import EventStore
from register.store.read_model_version import READ_MODEL_VERSION
from register.store.tables import ledger as ledger_table
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

    def replay(self, connection: Connection, store: EventStore, progress: Progress | None) -> int:
        """Build the dropped projection from the whole history in bulk; the last position."""


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
        _add_versions(connection)
        for projection in self.by_name.values():
            projection.install(connection)

    def outdated(self, connection: Connection) -> list[str]:
        """The projections whose rows were built by another ``READ_MODEL_VERSION``."""
        table = projection_positions
        built = {
            row.name: row.version
            for row in connection.execute(select(table.c.name, table.c.version))
        }
        return [name for name in self.names if name in built and built[name] != READ_MODEL_VERSION]

    def catch_up(self, connection: Connection, progress: Progress | None = None) -> int:
        """Apply every event after each projection's position, in order; the last position."""
        last = 0
        for projection in self.by_name.values():
            last = max(last, self._catch_up(connection, projection, progress))
        return last

    def project(self, connection: Connection, recorded: Sequence[tuple[int, Entry.Event]]) -> None:
        """Bring every projection up to date with events just recorded at these positions,
        from the events in hand rather than read back and decoded again. A projection that
        had not read every event before them catches up from the store instead."""
        events = [
            Projected(position, event.originator_id, event.KIND, event.change())
            for position, event in recorded
        ]
        for projection in self.by_name.values():
            if not _just_before(connection, projection.name, recorded[0][0]):
                self._catch_up(connection, projection, None)
                continue
            run = projection.run(connection, self.store)
            run.apply(events)
            run.finish()
            _track(connection, projection.name, events[-1].position)

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
            position = projection.replay(connection, self.store, progress)
            _track(connection, projection.name, position, rebuilt=True)
            last = max(last, position)
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
    table = projection_positions
    found = connection.execute(
        select(table.c.position, table.c.chain_digest, table.c.version).where(table.c.name == name)
    ).first()
    if found is None:
        return 0
    if found.version != READ_MODEL_VERSION:
        raise IntegrityViolation(
            f"The read model {name!r} was built by another version of the register (read model "
            f"version {found.version}, this one writes {READ_MODEL_VERSION}): its rows cannot be "
            "extended. Run 'ropa rebuild' to rebuild the read model from the events."
        )
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


# What a write asks before projecting its own events, built once (see ``_just_before``).
_BEFORE = (
    select(func.max(ledger_table.c.position))
    .where(ledger_table.c.position < bindparam("first"))
    .scalar_subquery()
)
_TRACKED = (
    select(
        projection_positions.c.position,
        projection_positions.c.chain_digest,
        projection_positions.c.version,
        ledger_table.c.chain_digest.label("ledger_digest"),
        _BEFORE.label("before"),
    )
    .select_from(
        projection_positions.outerjoin(
            ledger_table, ledger_table.c.position == projection_positions.c.position
        )
    )
    .where(projection_positions.c.name == bindparam("name"))
)

# The position moved on after a write (or a catch-up), with the ledger's digest there.
_ADVANCE = (
    update(projection_positions)
    .where(projection_positions.c.name == bindparam("tracked"))
    .values(
        position=bindparam("at"),
        chain_digest=select(ledger_table.c.chain_digest)
        .where(ledger_table.c.position == bindparam("at"))
        .scalar_subquery(),
    )
)


def _just_before(connection: Connection, name: str, first: int) -> bool:
    """Whether the projection has read exactly the history before position ``first``, the
    ledger agreeing, asked in one statement: what a write checks before projecting its own
    events. Anything else is for ``checked_position`` to explain, or for a catch-up."""
    found = connection.execute(_TRACKED, {"name": name, "first": first}).first()
    if found is None or found.position != (found.before or 0):
        return False
    digest = GENESIS if found.position == 0 else found.ledger_digest
    if found.version == READ_MODEL_VERSION and found.chain_digest == digest:
        return True
    checked_position(connection, name)  # raises: the position does not agree with the ledger
    return False


def _track(connection: Connection, name: str, position: int, rebuilt: bool = False) -> None:
    """Record the position; and the version, when the rows were all written by this code: a
    rebuild, or the first catch-up of a new read model."""
    advanced = not rebuilt and position > 0
    if advanced and connection.execute(_ADVANCE, {"tracked": name, "at": position}).rowcount:
        return
    values: dict[str, object] = {"position": position, "chain_digest": ledger.digest_of(position)}
    if rebuilt:
        values["version"] = READ_MODEL_VERSION
    done = connection.execute(
        update(projection_positions).where(projection_positions.c.name == name).values(values)
    )
    if done.rowcount == 0:
        values["version"] = READ_MODEL_VERSION
        connection.execute(insert(projection_positions).values(name=name, **values))


def _add_column(connection: Connection, column: Column[Any]) -> bool:
    """Add a column of ``ropa_projection`` that a store made before it lacks; whether it did."""
    table = projection_positions
    present = {found["name"] for found in inspect(connection).get_columns(table.name)}
    if column.name in present:
        return False
    spelled = column.type.compile(connection.dialect)
    connection.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {spelled}"))
    return True


def _add_digests(connection: Connection) -> None:
    """Give the positions of a store made before they carried a digest the ledger's digest at
    each, once: the positions are taken as they stand, the best evidence there is."""
    table = projection_positions
    if _add_column(connection, table.c.chain_digest):
        for name, position in connection.execute(select(table.c.name, table.c.position)).all():
            _track(connection, name, position)


def _add_versions(connection: Connection) -> None:
    """A store made before read models recorded their version gets the column, left empty:
    its rows were built by an earlier shape, so they are rebuilt on opening."""
    _add_column(connection, projection_positions.c.version)
