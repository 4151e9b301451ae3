"""Reading one entry for the web: the register's answer, or the 404 that explains it."""

from __future__ import annotations

import uuid
from typing import Any

from api.extensions.problems import NOT_FOUND, RETIRED, Problem
from api.extensions.versions import etag
from register.application.facade import Reader
from register.domain.instants import rfc3339
from register.domain.kinds import EntryKind
from register.domain.views import EntryView, Moment

Answer = tuple[dict[str, Any], dict[str, str]]


def read_entry(
    reader: Reader, kind: EntryKind, plural: str, entry_id: uuid.UUID, moment: Moment
) -> Answer:
    """The entry in the register at ``moment`` with its ETag; 404 before it or once retired."""
    item = reader.entry(kind, entry_id, moment)
    if item is None:
        raise Problem(
            NOT_FOUND,
            f"There is no {kind} {entry_id} in the register on {moment.as_of.isoformat()} "
            f"as recorded at {rfc3339(moment.known_at)}.",
        )
    if not item.in_register:
        day = reader.retired_on(kind, entry_id, moment)
        when = f" on {day.isoformat()}" if day else ""
        raise Problem(
            RETIRED,
            f"The {kind} {entry_id} was retired{when}, so it is not in the register on "
            f"{moment.as_of.isoformat()}. Retired entries are listed by "
            f"GET /api/v1/{plural}?status=retired; its whole life is at "
            f"GET /api/v1/{plural}/{entry_id}/history.",
        )
    return answer(item)


def answer(item: EntryView) -> Answer:
    """An entry as the API sends it, with its version as the ETag."""
    return item.as_json(), {"ETag": etag(item.version)}
