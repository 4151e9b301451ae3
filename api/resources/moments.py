"""The two instants every read is asked at (SPEC §3), from the query string."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import marshmallow as ma
from sqlalchemy import func, select

from api.extensions import Schema
from api.extensions.fields import KnownAt
from register.application import RegisterApplication
from register.queries import Moment
from register.store.tables import from_micros, ledger


class MomentQuery(Schema):
    as_of = ma.fields.Date(
        metadata={"description": "valid time: the register in effect on this day (default today)"}
    )
    known_at = KnownAt(
        metadata={
            "description": "transaction time: as recorded at this RFC 3339 instant; a bare date "
            "means the end of that day UTC (default now)"
        }
    )


def known_now(register: RegisterApplication) -> datetime:
    """Now, or the last recorded instant if the clock is behind it.

    The store stamps events at least one microsecond after the previous one, so a read that
    follows a write must never be asked at an instant before that write was recorded.
    """
    with register.connect() as connection:
        last = connection.execute(select(func.max(ledger.c.recorded_at))).scalar()
    now = register.now()
    return now if last is None else max(now, from_micros(last))


def moment_of(register: RegisterApplication, query: dict[str, Any]) -> Moment:
    return Moment(
        as_of=query.get("as_of") or register.today(),
        known_at=query.get("known_at") or known_now(register),
    )
