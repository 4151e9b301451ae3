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

import uuid
from collections.abc import Collection, Iterator
from datetime import date, datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Select,
    bindparam,
    column,
    func,
    literal,
    select,
    table,
)

from register.domain.canonical import parse
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


# Entries asked after in one statement: well under the bound any SQLite build puts on the
# number of values a statement may carry.
CHUNK = 500


def last_settings(
    connection: Connection,
    entry_ids: Collection[uuid.UUID],
    field: str,
    before: Moment,
    after: Moment,
) -> dict[uuid.UUID, Between]:
    """For each entry, of its events between the moments that set ``field``, the one taking
    effect last (the first recorded, of several on that day); an entry with none is left out.
    The candidates come in that order, so each entry's are decoded only until one holds it."""
    asked = {"needle": f'"{field}"'.encode(), **between(before, after)}
    found: dict[uuid.UUID, Between] = {}
    for ids in _chunks(entry_ids):
        for row in connection.execute(
            _setting(connection.dialect.name), {"entry_ids": ids, **asked}
        ):
            entry_id = uuid.UUID(row.entry_id)
            if entry_id not in found:
                candidate = _between(row)
                if field in candidate.fields:
                    found[entry_id] = candidate
    return found


def lasts_of(
    connection: Connection,
    entry_ids: Collection[uuid.UUID],
    event_types: Collection[str],
    before: Moment,
    after: Moment,
) -> dict[uuid.UUID, Between]:
    """For each entry, of its events between the moments with one of ``event_types``, the one
    taking effect last (the first recorded, of several on that day)."""
    asked = {"types": list(event_types), **between(before, after)}
    found: dict[uuid.UUID, Between] = {}
    for ids in _chunks(entry_ids):
        for row in connection.execute(_of_types(), {"entry_ids": ids, **asked}):
            found.setdefault(uuid.UUID(row.entry_id), _between(row))
    return found


def _chunks(entry_ids: Collection[uuid.UUID]) -> Iterator[list[str]]:
    ids = sorted(str(entry_id) for entry_id in entry_ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _between(row: Any) -> Between:
    names = frozenset(parse(bytes(row.state)).get("fields") or ())
    return Between(row.event_type, row.effective_from, from_micros(row.recorded_at), names)


def _last(*conditions: Any) -> Select[Any]:
    return (
        select(
            ledger.c.entry_id,
            ledger.c.event_type,
            ledger.c.effective_from,
            ledger.c.recorded_at,
            _events.c.state,
        )
        .join_from(ledger, _events, _events.c.id == ledger.c.position)
        .where(ledger.c.entry_id.in_(bindparam("entry_ids", expanding=True)), BETWEEN, *conditions)
        .order_by(ledger.c.entry_id, ledger.c.effective_from.desc(), ledger.c.position)
    )


# Each statement is built once (per engine kind), as every diff asks.
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
