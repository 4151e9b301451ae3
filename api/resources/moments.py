"""The two instants every read is asked at (SPEC §3), from the query string."""

from __future__ import annotations

from typing import Any

from api.extensions import Schema
from api.extensions.fields import Day, KnownAt
from api.extensions.problems import invalid_command
from register.application.facade import Reader
from register.domain.errors import InvalidCommand
from register.domain.instants import not_later_than
from register.domain.views import Moment


class MomentQuery(Schema):
    as_of = Day(
        metadata={"description": "valid time: the register in effect on this day (default today)"}
    )
    known_at = KnownAt(
        metadata={
            "description": "transaction time: as recorded at this RFC 3339 instant; a bare date "
            "means the end of that day UTC (default now). It must have passed: what is on record "
            "at a later moment may still change."
        }
    )


def moment_of(reader: Reader, query: dict[str, Any]) -> Moment:
    """The moment a read asks for; a ``known_at`` later than the register's now is refused."""
    known_at = query.get("known_at")
    if known_at is not None:
        try:
            not_later_than(known_at, reader.now(), "known_at")
        except InvalidCommand as error:
            raise invalid_command(error, "query") from None
    return reader.moment(query.get("as_of"), known_at)
