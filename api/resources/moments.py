"""The two instants every read is asked at (SPEC §3), from the query string."""

from __future__ import annotations

from typing import Any

import marshmallow as ma

from api.extensions import Schema
from api.extensions.fields import KnownAt
from register.application.facade import Reader
from register.domain.views import Moment


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


def moment_of(reader: Reader, query: dict[str, Any]) -> Moment:
    return reader.moment(query.get("as_of"), query.get("known_at"))
