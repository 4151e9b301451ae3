"""Entries' events between two moments, as the follow-up rules ask after them: for each entry
the last one that set a field, or the last of a kind. Read from the ledger's dates and the read
model's names of the fields each event set (``ropa_event_fields``), so that a diff decodes none
of the entries' histories, and asked for many entries in one statement.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator
from datetime import date, datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, and_, bindparam, func, select

from register.domain.views import Moment
from register.store.ledger import BETWEEN, between
from register.store.tables import event_fields, from_micros, ledger

# Entries asked after in one statement: well under the bound any SQLite build puts on the
# number of values a statement may carry.
CHUNK = 500
# Between the names of the fields an event set, as one text: a field's name is an identifier.
SEPARATOR = ","


class Between(NamedTuple):
    event_type: str
    effective_from: date
    recorded_at: datetime
    fields: frozenset[str]  # every field the event set


def last_settings(
    connection: Connection,
    entry_ids: Collection[uuid.UUID],
    field: str,
    before: Moment,
    after: Moment,
) -> dict[uuid.UUID, Between]:
    """For each entry, of its events between the moments that set ``field``, the one taking
    effect last (the first recorded, of several on that day); an entry with none is left out."""
    return _lasts(connection, _setting(), entry_ids, {"field": field, **between(before, after)})


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
    return _lasts(connection, _of_types(), entry_ids, asked)


def _lasts(
    connection: Connection,
    statement: Select[Any],
    entry_ids: Collection[uuid.UUID],
    values: dict[str, Any],
) -> dict[uuid.UUID, Between]:
    """The first row of each entry's, in the statement's order."""
    found: dict[uuid.UUID, Between] = {}
    for ids in _chunks(entry_ids):
        for row in connection.execute(statement, {"entry_ids": ids, **values}):
            entry_id = uuid.UUID(row.entry_id)
            if entry_id not in found:
                names = frozenset(row.names.split(SEPARATOR) if row.names else ())
                recorded_at = from_micros(row.recorded_at)
                found[entry_id] = Between(row.event_type, row.effective_from, recorded_at, names)
    return found


def _chunks(entry_ids: Collection[uuid.UUID]) -> Iterator[list[str]]:
    ids = sorted(str(entry_id) for entry_id in entry_ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _last(*conditions: Any) -> Select[Any]:
    set_by = event_fields.alias("set_by")
    names = (
        select(func.aggregate_strings(set_by.c.field, SEPARATOR))
        .where(set_by.c.entry_id == ledger.c.entry_id, set_by.c.version == ledger.c.version)
        .correlate(ledger)
        .scalar_subquery()
    )
    return (
        select(
            ledger.c.entry_id,
            ledger.c.event_type,
            ledger.c.effective_from,
            ledger.c.recorded_at,
            names.label("names"),
        )
        .where(ledger.c.entry_id.in_(bindparam("entry_ids", expanding=True)), BETWEEN, *conditions)
        .order_by(ledger.c.entry_id, ledger.c.effective_from.desc(), ledger.c.position)
    )


# Each statement is built once, as every diff asks.
@cache
def _setting() -> Select[Any]:
    set_by = and_(
        event_fields.c.entry_id == ledger.c.entry_id,
        event_fields.c.version == ledger.c.version,
        event_fields.c.field == bindparam("field"),
    )
    return _last().join(event_fields, set_by)


@cache
def _of_types() -> Select[Any]:
    return _last(ledger.c.event_type.in_(bindparam("types", expanding=True)))
