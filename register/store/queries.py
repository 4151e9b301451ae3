"""The read side: plain queries over the read model and the ledger, returning plain data.

Every query takes the two instants of SPEC §3. A register query touches the segments in effect at
(as_of, known_at), one per entry, through the composite indexes of ``ropa_segments``; it does not
replay history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, func, select

from register.domain.canonical import digest_of
from register.domain.instants import rfc3339
from register.domain.timeline import ACTIVE
from register.store import segment_index
from register.store.tables import from_micros, ledger, segments, to_micros

ROLE_ORDER = {"controller": 0, "joint_controller": 1, "processor": 2}


@dataclass(frozen=True)
class Moment:
    """The two instants a read is asked at: valid time and transaction time."""

    as_of: date
    known_at: datetime

    @property
    def known_micros(self) -> int:
        return to_micros(self.known_at)


def _version_at(moment: Moment) -> Any:
    return (
        select(ledger.c.version)
        .where(
            ledger.c.entry_id == segments.c.entry_id,
            ledger.c.recorded_at <= moment.known_micros,
        )
        .order_by(ledger.c.recorded_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def _segments_at(connection: Connection, kind: str, moment: Moment) -> Select[Any]:
    micros = moment.known_micros
    query = select(
        segments.c.entry_id,
        segments.c.status,
        segments.c.registered_on,
        segments.c.content,
        _version_at(moment).label("version"),
    ).where(
        segments.c.entry_kind == kind,
        segments.c.known_to > micros,
        segments.c.valid_to > moment.as_of,
        segments.c.valid_from <= moment.as_of,
        segments.c.known_from <= micros,
    )
    return segment_index.containing(query, connection.dialect.name, moment.as_of, micros)


def _entry(kind: str, row: Any) -> dict[str, Any]:
    content = json.loads(row.content)
    entry: dict[str, Any] = {"id": row.entry_id, "version": row.version, **content}
    entry["status"] = row.status
    if kind == "policy":
        entry["effective_from"] = row.registered_on.isoformat()
    return entry


def entry_at(connection: Connection, kind: str, entry_id: str, moment: Moment) -> dict | None:
    """One entry as it stood at ``moment``, active or retired; None before its registration."""
    row = connection.execute(
        _segments_at(connection, kind, moment).where(segments.c.entry_id == entry_id)
    ).first()
    return _entry(kind, row) if row else None


def entries_at(
    connection: Connection,
    kind: str,
    moment: Moment,
    *,
    status: str | None = ACTIVE,
    facet: str | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """A page of the entries of one kind at ``moment``, by name, and how many there are."""
    query = _segments_at(connection, kind, moment)
    if status is not None:
        query = query.where(segments.c.status == status)
    if facet is not None:
        query = query.where(segments.c.facet == facet)
    ordered = query.order_by(segments.c.name, segments.c.entry_id)
    if limit is None and offset == 0:
        entries = [_entry(kind, row) for row in connection.execute(ordered)]
        return entries, len(entries)
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    page = ordered.offset(offset).limit(limit)
    return [_entry(kind, row) for row in connection.execute(page)], int(total)


def registered_ids(connection: Connection, kind: str, ids: set[str]) -> set[str]:
    rows = connection.execute(
        select(ledger.c.entry_id).where(
            ledger.c.entry_kind == kind, ledger.c.version == 1, ledger.c.entry_id.in_(ids)
        )
    )
    return {row.entry_id for row in rows}


def history_at(connection: Connection, known_at: datetime) -> dict[str, Any]:
    """The position and chain digest of the last event on record at ``known_at``."""
    row = connection.execute(
        select(ledger.c.position, ledger.c.chain_digest)
        .where(ledger.c.recorded_at <= to_micros(known_at))
        .order_by(ledger.c.recorded_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return {"position": 0, "head_digest": None}
    return {"position": row.position, "head_digest": row.chain_digest}


def register_at(connection: Connection, moment: Moment, role: str | None = None) -> dict:
    """The Article 30 register at ``moment`` (SPEC §7), with the history it was computed from."""
    organisations, _ = entries_at(connection, "organisation", moment)
    activities, _ = entries_at(connection, "activity", moment, facet=role)
    activities.sort(key=lambda a: (ROLE_ORDER.get(a["role"], 9), a["name"], a["id"]))
    recipients, _ = entries_at(connection, "recipient", moment)
    policies, _ = entries_at(connection, "policy", moment)
    policy = max(policies, key=lambda p: (p["effective_from"], p["id"]), default=None)
    content = {
        "as_of": moment.as_of.isoformat(),
        "known_at": rfc3339(moment.known_at),
        "organisation": organisations[0] if organisations else None,
        "activities": activities,
        "recipients": recipients,
        "policy": policy,
        "history": history_at(connection, moment.known_at),
    }
    return {**content, "digest": digest_of(content)}


def ledger_rows(connection: Connection, after: int, limit: int) -> list[dict[str, Any]]:
    rows = connection.execute(
        select(ledger).where(ledger.c.position > after).order_by(ledger.c.position).limit(limit)
    )
    return [
        {
            "position": row.position,
            "entry_id": row.entry_id,
            "entry_kind": row.entry_kind,
            "version": row.version,
            "type": row.event_type,
            "recorded_at": rfc3339(from_micros(row.recorded_at)),
            "effective_from": row.effective_from.isoformat(),
            "actor": row.actor,
            "chain_digest": row.chain_digest,
        }
        for row in rows
    ]
