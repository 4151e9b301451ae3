"""An entry's events between two moments, as the follow-up rules ask after them: the last one
that set a field, or the last of a kind. Read from the ledger's dates and the names of the
fields each event stored, so that a diff decodes none of the entry's history.

An event's stored state names what it set under ``fields``: a registration every field it was
given, an amendment the fields it changed, a retirement none. Upcasting rewrites values and
never which fields an event set, so the stored names answer for every version of an event.

Only the events whose stored bytes hold the field's name in quotes are looked at: JSON writes a
name's letters as they are, so no event that set the field is passed over, and the few whose
text merely mentions it are told apart by decoding.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from datetime import date, datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, bindparam, column, func, literal, select, table

from register.domain.views import Moment
from register.store.ledger import BETWEEN, between
from register.store.tables import EVENTS_TABLE, from_micros, ledger

# Only the two columns read here: the position the ledger joins on, and the stored state.
_events = table(EVENTS_TABLE, column("id"), column("state"))


class Between(NamedTuple):
    event_type: str
    effective_from: date
    recorded_at: datetime
    fields: frozenset[str]  # every field the event set


def last_setting(
    connection: Connection, entry_id: uuid.UUID, field: str, before: Moment, after: Moment
) -> Between | None:
    """Of the entry's events between the moments that set ``field``, the one taking effect
    last (the first recorded, of several on that day)."""
    rows = connection.execute(
        _setting(connection.dialect.name),
        {"entry_id": str(entry_id), "needle": f'"{field}"'.encode(), **between(before, after)},
    )
    return next((found for found in map(_between, rows) if field in found.fields), None)


def last_of(
    connection: Connection,
    entry_id: uuid.UUID,
    event_types: Collection[str],
    before: Moment,
    after: Moment,
) -> Between | None:
    """Of the entry's events between the moments with one of ``event_types``, the one taking
    effect last (the first recorded, of several on that day)."""
    rows = connection.execute(
        _of_types(),
        {"entry_id": str(entry_id), "types": list(event_types), **between(before, after)},
    )
    return next(map(_between, rows), None)


def _between(row: Any) -> Between:
    event_type, effective_from, recorded_at, state = row
    names = frozenset(json.loads(bytes(state)).get("fields") or ())
    return Between(event_type, effective_from, from_micros(recorded_at), names)


def _last(*conditions: Any) -> Select[Any]:
    return (
        select(ledger.c.event_type, ledger.c.effective_from, ledger.c.recorded_at, _events.c.state)
        .join_from(ledger, _events, _events.c.id == ledger.c.position)
        .where(ledger.c.entry_id == bindparam("entry_id"), BETWEEN, *conditions)
        .order_by(ledger.c.effective_from.desc(), ledger.c.position)
    )


# Each statement is built once (per engine kind): a rule may ask after hundreds of entries in
# one answer, and building and compiling it again would cost more than running it.
@cache
def _setting(dialect: str) -> Select[Any]:
    return _last(_mentions(dialect))


@cache
def _of_types() -> Select[Any]:
    return _last(ledger.c.event_type.in_(bindparam("types", expanding=True)))


def _mentions(dialect: str) -> Any:
    """The stored state holds the bound ``needle``. SQLite's LIKE does not match inside a blob,
    so it looks with ``instr``; PostgreSQL's LIKE does (an ``_`` in a name matches any one byte
    there, which only lets a few more events through to be decoded)."""
    needle: Any = bindparam("needle")
    if dialect == "sqlite":
        return func.instr(_events.c.state, needle) > 0
    return _events.c.state.like(literal(b"%").concat(needle).concat(literal(b"%")))
