"""The ledger: one row per event with its chain digest and the facts the feed serves (SPEC §4).

Written once per event, in the event's own transaction, and never rebuilt: it is the evidence.
The facts it serves are copies of what the event says, and verification checks them against it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from eventsourcing.persistence import StoredEvent
from sqlalchemy import Connection, String, and_, bindparam, cast, func, not_, select

from register.domain.chain import GENESIS, Link, Served, chain_digest, content_digest
from register.domain.kinds import EntryKind
from register.domain.views import HistoryPosition, Moment
from register.store import bulk_write
from register.store.tables import from_micros, ledger, to_micros

BATCH = 1000


@dataclass(frozen=True)
class Facts:
    """What the ledger records of an event besides its digests."""

    entry_kind: EntryKind
    effective_from: date
    recorded_at: datetime
    actor: str


@dataclass(frozen=True)
class Row:
    position: int
    entry_id: uuid.UUID
    entry_kind: EntryKind
    version: int
    event_type: str
    effective_from: date
    recorded_at: datetime
    actor: str
    chain_digest: str


def served(event: StoredEvent, facts: Facts) -> Served:
    """What the ledger row of an event serves: written from it, and checked against it."""
    return Served(
        entry_id=str(event.originator_id),
        version=event.originator_version,
        event_type=event.topic,
        entry_kind=str(facts.entry_kind),
        effective_from=facts.effective_from.isoformat(),
        recorded_at=to_micros(facts.recorded_at),
        actor=facts.actor,
    )


def extend(connection: Connection, events: Sequence[tuple[int, StoredEvent, Facts]]) -> None:
    """Chain the events, just inserted at these positions, onto the ledger's head."""
    previous = (
        connection.execute(
            select(ledger.c.chain_digest).order_by(ledger.c.position.desc()).limit(1)
        ).scalar()
        or GENESIS
    )
    rows = []
    for position, event, facts in events:
        digest = content_digest(event)
        previous = chain_digest(previous, digest)
        rows.append(
            {
                **vars(served(event, facts)),
                "effective_from": facts.effective_from,  # the column takes a date
                "position": position,
                "content_digest": digest,
                "chain_digest": previous,
            }
        )
    bulk_write.write(connection, ledger, rows)


def last_recorded(
    connection: Connection, entry_id: uuid.UUID | None = None, known_at: datetime | None = None
) -> datetime | None:
    """When the last event was recorded: of the whole history, or of one entry, by a moment."""
    query = select(func.max(ledger.c.recorded_at))
    if entry_id is not None:
        query = query.where(ledger.c.entry_id == str(entry_id))
    if known_at is not None:
        query = query.where(ledger.c.recorded_at <= to_micros(known_at))
    last = connection.execute(query).scalar()
    return None if last is None else from_micros(last)


def is_empty(connection: Connection) -> bool:
    return not connection.execute(select(ledger.c.position).limit(1)).first()


def kind_of(connection: Connection, entry_id: uuid.UUID) -> EntryKind | None:
    kind = connection.execute(
        select(ledger.c.entry_kind).where(ledger.c.entry_id == str(entry_id), ledger.c.version == 1)
    ).scalar()
    return None if kind is None else EntryKind(kind)


def version_of(connection: Connection, entry_id: uuid.UUID) -> int:
    """The entry's last version now, 0 for an entry never registered."""
    found = connection.execute(
        select(func.max(ledger.c.version)).where(ledger.c.entry_id == str(entry_id))
    ).scalar()
    return int(found or 0)


def versions_effective_from(connection: Connection, entry_id: uuid.UUID, day: date) -> list[int]:
    """The versions of an entry's events effective on or after ``day``."""
    return list(
        connection.execute(
            select(ledger.c.version)
            .where(ledger.c.entry_id == str(entry_id), ledger.c.effective_from >= day)
            .order_by(ledger.c.version)
        ).scalars()
    )


def registered_ids(connection: Connection, kind: EntryKind, ids: set[str]) -> set[str]:
    rows = connection.execute(
        select(ledger.c.entry_id).where(
            ledger.c.entry_kind == str(kind), ledger.c.version == 1, ledger.c.entry_id.in_(ids)
        )
    )
    return {row.entry_id for row in rows}


def unreflected(
    connection: Connection, before: Moment, after: Moment, described: Moment
) -> set[uuid.UUID]:
    """The entries with an event that the register at ``after`` reflects and the ones at
    ``before`` and ``described`` do not: read from the ledger's columns, so no event is
    decoded."""
    rows = connection.execute(
        select(ledger.c.entry_id).where(BETWEEN, not_(_seen("described"))).distinct(),
        {**between(before, after), **_values("described", described)},
    )
    return {uuid.UUID(row.entry_id) for row in rows}


def _seen(side: str) -> Any:
    return and_(
        ledger.c.recorded_at <= bindparam(f"{side}_known_at"),
        ledger.c.effective_from <= bindparam(f"{side}_as_of"),
    )


# The events the register at one moment reflects and the one at another does not; its values
# come from ``between``, so a statement holding it is compiled once.
BETWEEN = and_(_seen("after"), not_(_seen("before")))


def between(before: Moment, after: Moment) -> dict[str, Any]:
    """The values of ``BETWEEN`` for two moments."""
    return {**_values("before", before), **_values("after", after)}


def _values(side: str, moment: Moment) -> dict[str, Any]:
    return {f"{side}_known_at": to_micros(moment.known_at), f"{side}_as_of": moment.as_of}


def head_at(connection: Connection, known_at: datetime) -> HistoryPosition:
    """The position and chain digest of the last event on record at ``known_at``."""
    row = connection.execute(
        select(ledger.c.position, ledger.c.chain_digest)
        .where(ledger.c.recorded_at <= to_micros(known_at))
        .order_by(ledger.c.recorded_at.desc(), ledger.c.position.desc())  # a batch shares one
        .limit(1)
    ).first()
    if row is None:
        return HistoryPosition(0, None)
    return HistoryPosition(row.position, row.chain_digest)


def rows_after(connection: Connection, after: int, limit: int) -> list[Row]:
    rows = connection.execute(
        select(ledger).where(ledger.c.position > after).order_by(ledger.c.position).limit(limit)
    )
    return [
        Row(
            position=row.position,
            entry_id=uuid.UUID(row.entry_id),
            entry_kind=EntryKind(row.entry_kind),
            version=row.version,
            event_type=row.event_type,
            effective_from=row.effective_from,
            recorded_at=from_micros(row.recorded_at),
            actor=row.actor,
            chain_digest=row.chain_digest,
        )
        for row in rows
    ]


def digest_at(connection: Connection, position: int) -> str | None:
    """The chain digest recorded at ``position``: GENESIS before the first event, None where
    the ledger has no row."""
    if position == 0:
        return GENESIS
    return connection.execute(
        select(ledger.c.chain_digest).where(ledger.c.position == position)
    ).scalar()


def digest_of(position: int) -> Any:
    """The chain digest at ``position`` as an expression, for a statement that stores it."""
    if position == 0:
        return GENESIS
    return select(ledger.c.chain_digest).where(ledger.c.position == position).scalar_subquery()


def registered_by(connection: Connection, known_at: datetime) -> list[uuid.UUID]:
    """Every entry registered by ``known_at``, in id order."""
    found = connection.execute(
        select(ledger.c.entry_id)
        .where(ledger.c.version == 1, ledger.c.recorded_at <= to_micros(known_at))
        .order_by(ledger.c.entry_id)
    ).scalars()
    return [uuid.UUID(entry_id) for entry_id in found]


def links(connection: Connection, with_served: bool = False) -> Iterator[Link]:
    """Every link of the chain in position order, a batch at a time; with the served columns
    of each row when they are to be checked against the events."""
    columns = [ledger.c.position, ledger.c.content_digest, ledger.c.chain_digest]
    if with_served:
        columns += _served_columns(connection.dialect.name)
    position = 0
    while True:
        rows = connection.execute(
            select(*columns)
            .where(ledger.c.position > position)
            .order_by(ledger.c.position)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for row in rows:
            yield Link(
                row.position,
                row.content_digest,
                row.chain_digest,
                _served_of(row) if with_served else None,
            )
        position = rows[-1].position


def _served_columns(dialect: str) -> list[Any]:
    """The served columns as stored. SQLite keeps a date as text, which may hold anything once
    tampered with: it is read as that text, so that it compares unequal instead of failing to
    load; PostgreSQL keeps a date as a date."""
    effective_from: Any = ledger.c.effective_from
    if dialect != "postgresql":
        effective_from = cast(effective_from, String).label("effective_from")
    return [
        effective_from if column.name == "effective_from" else ledger.c[column.name]
        for column in fields(Served)
    ]


def _served_of(row: Any) -> Served:
    values = {column.name: getattr(row, column.name) for column in fields(Served)}
    if isinstance(values["effective_from"], date):
        values["effective_from"] = values["effective_from"].isoformat()
    return Served(**values)
