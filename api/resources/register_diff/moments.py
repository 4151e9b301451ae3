"""The two moments a comparison of registers is asked at (``RegisterDiffQuery``): one reading
for every resource that compares two points of the register."""

from __future__ import annotations

from typing import Any

from api.extensions.problems import invalid_command
from register.application.diffs import diff_moments
from register.application.facade import Reader
from register.domain.errors import InvalidCommand
from register.domain.views import Moment


def moments_of(reader: Reader, query: dict[str, Any]) -> tuple[Moment, Moment]:
    """The earlier and the later moment; a ``known_at`` that has not passed is refused by name."""
    try:
        return diff_moments(
            reader,
            query["from_"],
            query["to"],
            query.get("from_known_at"),
            query.get("to_known_at"),
        )
    except InvalidCommand as error:
        raise invalid_command(error, "query") from None
