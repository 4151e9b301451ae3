"""Reading one entry for the web: the register's answer, or the 404 that explains it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from api.extensions.problems import NOT_FOUND, RETIRED, Problem
from api.extensions.versions import etag
from api.resources.entries.retirement import retired_detail
from register.application.service import RegisterApplication
from register.domain.instants import rfc3339
from register.domain.timeline import RETIRED_STATUS
from register.store.queries import Moment, entry_at

Answer = tuple[dict[str, Any], dict[str, str]]


def read_entry(
    register: RegisterApplication, kind: str, plural: str, entry_id: uuid.UUID, moment: Moment
) -> Answer:
    """The entry in the register at ``moment`` with its ETag; 404 before it or once retired."""
    with register.connect() as connection:
        item = entry_at(connection, kind, str(entry_id), moment)
    if item is None:
        raise Problem(
            NOT_FOUND,
            f"There is no {kind} {entry_id} in the register on {moment.as_of.isoformat()} "
            f"as recorded at {rfc3339(moment.known_at)}.",
        )
    if item["status"] == RETIRED_STATUS:
        raise Problem(RETIRED, retired_detail(register, kind, entry_id, moment, plural))
    return item, {"ETag": etag(item["version"])}


def written_entry(
    register: RegisterApplication, kind: str, entry_id: uuid.UUID, as_of: date | None
) -> Answer:
    """The entry as a write left it, on the day the write takes effect, retired or not."""
    moment = Moment(as_of or register.today(), register.now())
    with register.connect() as connection:
        item = entry_at(connection, kind, str(entry_id), moment)
    assert item is not None, "a write is read back at its own effective date"
    return item, {"ETag": etag(item["version"])}
