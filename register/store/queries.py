"""Queries over the segment read model, answering at the two instants of SPEC §3.

A query touches the segments in effect at (as_of, known_at), one per entry, through the
spatial index of ``segment_index``; it does not replay history.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, func, select

from register.domain.canonical import parse
from register.domain.kinds import REGISTER_KINDS, EntryKind
from register.domain.timeline import ACTIVE, State
from register.domain.views import EntryView, Moment, Page
from register.store import segment_index
from register.store.tables import (
    KNOWN_FOREVER,
    contents,
    ledger,
    segments,
    segments_with_content,
    to_micros,
)


def _version_at(known_micros: int) -> Any:
    return (
        select(ledger.c.version)
        .where(
            ledger.c.entry_id == segments.c.entry_id,
            ledger.c.recorded_at <= known_micros,
        )
        # A batch shares one instant; the index on (entry, recorded_at, version) answers it.
        .order_by(ledger.c.recorded_at.desc(), ledger.c.version.desc())
        .limit(1)
        .scalar_subquery()
    )


def _segments_at(
    connection: Connection, kinds: Collection[EntryKind], moment: Moment
) -> Select[Any]:
    micros = to_micros(moment.known_at)
    query = (
        select(
            segments.c.entry_kind,
            segments.c.entry_id,
            segments.c.status,
            segments.c.registered_on,
            contents.c.content,
            _version_at(micros).label("version"),
        )
        .select_from(segments_with_content)
        .where(
            segments.c.entry_kind.in_([str(kind) for kind in kinds]),
            segments.c.known_to > micros,
            segments.c.valid_to > moment.as_of,
            segments.c.valid_from <= moment.as_of,
            segments.c.known_from <= micros,
        )
    )
    return segment_index.containing(query, connection.dialect.name, moment.as_of, micros)


def _view(row: Any) -> EntryView:
    return EntryView(
        id=uuid.UUID(row.entry_id),
        kind=EntryKind(row.entry_kind),
        version=row.version,
        status=row.status,
        fields=parse(row.content),
        registered_on=row.registered_on,
    )


def register_at(connection: Connection, moment: Moment) -> list[EntryView]:
    """The entries in the register at ``moment``, of every kind it holds, by name: one pass
    over the index rather than one per kind."""
    query = _segments_at(connection, REGISTER_KINDS, moment).where(segments.c.status == ACTIVE)
    ordered = query.order_by(segments.c.name, segments.c.entry_id)
    return [_view(row) for row in connection.execute(ordered)]


def entry_at(
    connection: Connection, kind: EntryKind, entry_id: uuid.UUID, moment: Moment
) -> EntryView | None:
    """One entry as it stood at ``moment``, active or retired; None before its registration."""
    row = connection.execute(
        _segments_at(connection, (kind,), moment).where(segments.c.entry_id == str(entry_id))
    ).first()
    return _view(row) if row else None


def entries_at(
    connection: Connection,
    kind: EntryKind,
    moment: Moment,
    *,
    status: str | None = None,
    facet: str | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> Page:
    """A page of the entries of one kind at ``moment``, by name, and how many there are."""
    query = _segments_at(connection, (kind,), moment)
    if status is not None:
        query = query.where(segments.c.status == status)
    if facet is not None:
        query = query.where(segments.c.facet == facet)
    ordered = query.order_by(segments.c.name, segments.c.entry_id)
    if limit is None and offset == 0:
        entries = [_view(row) for row in connection.execute(ordered)]
        return Page(entries, len(entries))
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    page = ordered.offset(offset).limit(limit)
    return Page([_view(row) for row in connection.execute(page)], int(total))


def open_row_reaching(connection: Connection, entry_id: uuid.UUID, day: date) -> Any | None:
    """The entry's row on the current record in effect on ``day``, or the first one after it
    when ``day`` lies before the registration; None when the entry has no rows."""
    return connection.execute(
        select(
            segments.c.valid_from, segments.c.registered_on, segments.c.status, contents.c.content
        )
        .select_from(segments_with_content)
        .where(
            segments.c.entry_id == str(entry_id),
            segments.c.known_to == KNOWN_FOREVER,
            segments.c.valid_to > day,
        )
        .order_by(segments.c.valid_from)
        .limit(1)
    ).first()


def current_on(
    connection: Connection, entry_id: uuid.UUID, day: date
) -> tuple[date, State | None] | None:
    """The entry's registration day and its state on ``day``, as recorded now; None when the
    entry has no rows at all. What the rules of a change need, in one indexed lookup."""
    row = open_row_reaching(connection, entry_id, day)
    if row is None:
        return None
    if row.valid_from > day:
        return row.registered_on, None
    return row.registered_on, State(parse(row.content), row.status)
