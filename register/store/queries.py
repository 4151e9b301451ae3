"""Queries over the segment read model, answering at the two instants of SPEC §3.

A query touches the segments in effect at (as_of, known_at), one per entry, through the
spatial index of ``segment_index``; it does not replay history.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, func, select

from register.domain.kinds import EntryKind
from register.domain.timeline import State
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
        .order_by(ledger.c.recorded_at.desc(), ledger.c.version.desc())  # a batch shares one
        .limit(1)
        .scalar_subquery()
    )


def _segments_at(connection: Connection, kind: EntryKind, moment: Moment) -> Select[Any]:
    micros = to_micros(moment.known_at)
    query = (
        select(
            segments.c.entry_id,
            segments.c.status,
            segments.c.registered_on,
            contents.c.content,
            _version_at(micros).label("version"),
        )
        .select_from(segments_with_content)
        .where(
            segments.c.entry_kind == str(kind),
            segments.c.known_to > micros,
            segments.c.valid_to > moment.as_of,
            segments.c.valid_from <= moment.as_of,
            segments.c.known_from <= micros,
        )
    )
    return segment_index.containing(query, connection.dialect.name, moment.as_of, micros)


def _view(kind: EntryKind, row: Any) -> EntryView:
    return EntryView(
        id=uuid.UUID(row.entry_id),
        kind=kind,
        version=row.version,
        status=row.status,
        fields=json.loads(row.content),
        registered_on=row.registered_on,
    )


def entry_at(
    connection: Connection, kind: EntryKind, entry_id: uuid.UUID, moment: Moment
) -> EntryView | None:
    """One entry as it stood at ``moment``, active or retired; None before its registration."""
    row = connection.execute(
        _segments_at(connection, kind, moment).where(segments.c.entry_id == str(entry_id))
    ).first()
    return _view(kind, row) if row else None


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
    query = _segments_at(connection, kind, moment)
    if status is not None:
        query = query.where(segments.c.status == status)
    if facet is not None:
        query = query.where(segments.c.facet == facet)
    ordered = query.order_by(segments.c.name, segments.c.entry_id)
    if limit is None and offset == 0:
        entries = [_view(kind, row) for row in connection.execute(ordered)]
        return Page(entries, len(entries))
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    page = ordered.offset(offset).limit(limit)
    return Page([_view(kind, row) for row in connection.execute(page)], int(total))


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
    return row.registered_on, State(json.loads(row.content), row.status)
