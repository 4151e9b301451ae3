"""What a command reads to be decided, each in one statement built once.

A write reads these on every command, before the lock and again under it, where every
statement lengthens the time the lock is held. Building a statement and its cache key costs
SQLAlchemy several times what the database takes to run it, so they are built here once; and
the entry's kind, version and state on the change's day come in one round trip.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import BindParameter, Connection, bindparam, func, select, true

from register.domain.kinds import EntryKind
from register.domain.timeline import State
from register.store.tables import (
    KNOWN_FOREVER,
    contents,
    from_micros,
    ledger,
    segments,
    segments_with_content,
)

_ENTRY: BindParameter[str] = bindparam("entry_id")
_VERSION = select(func.max(ledger.c.version)).where(ledger.c.entry_id == _ENTRY)
_KIND = select(ledger.c.entry_kind).where(ledger.c.entry_id == _ENTRY, ledger.c.version == 1)
_LAST_RECORDED = select(func.max(ledger.c.recorded_at))
_HEAD = select(
    _LAST_RECORDED.scalar_subquery().label("last"), _VERSION.scalar_subquery().label("version")
)
_FACTS = select(
    _KIND.scalar_subquery().label("kind"), _VERSION.scalar_subquery().label("version")
).subquery()
# The open row in effect on the day, or the first after it when the day is before the
# registration.
_REACHING = (
    select(segments.c.valid_from, segments.c.registered_on, segments.c.status, contents.c.content)
    .select_from(segments_with_content)
    .where(
        segments.c.entry_id == _ENTRY,
        segments.c.known_to == KNOWN_FOREVER,
        segments.c.valid_to > bindparam("day"),
    )
    .order_by(segments.c.valid_from)
    .limit(1)
    .subquery()
)
_STANDING = select(_FACTS, _REACHING).select_from(_FACTS.outerjoin(_REACHING, true()))


@dataclass(frozen=True)
class Found:
    """An entry as the ledger and the read model have it now, for a day."""

    kind: EntryKind | None  # None for an entry never registered
    version: int
    registered_on: date | None  # None when the read model has no row for the entry
    state: State | None  # None on a day before the registration


def standing(connection: Connection, entry_id: uuid.UUID, day: date) -> Found:
    row = connection.execute(_STANDING, {"entry_id": str(entry_id), "day": day}).one()
    state = None
    if row.valid_from is not None and row.valid_from <= day:
        state = State(json.loads(row.content), row.status)
    return Found(
        kind=None if row.kind is None else EntryKind(row.kind),
        version=int(row.version or 0),
        registered_on=row.registered_on,
        state=state,
    )


def version_of(connection: Connection, entry_id: uuid.UUID) -> int:
    """The entry's last version now, 0 for an entry never registered."""
    return int(connection.execute(_VERSION, {"entry_id": str(entry_id)}).scalar() or 0)


def last_recorded(connection: Connection) -> datetime | None:
    return _instant(connection.execute(_LAST_RECORDED).scalar())


def head(connection: Connection, entry_id: uuid.UUID) -> tuple[datetime | None, int]:
    """The last record time and the entry's last version, in one round trip: what a write
    reads first under the lock."""
    row = connection.execute(_HEAD, {"entry_id": str(entry_id)}).one()
    return _instant(row.last), int(row.version or 0)


def _instant(micros: int | None) -> datetime | None:
    return None if micros is None else from_micros(micros)
