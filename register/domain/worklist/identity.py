"""How a follow-up is named, forever.

A follow-up is the work one rule finds in one recorded change. Its id is the first 16 hex digits
of the sha256 of the canonical JSON of ``[finding id, recorded_at]``: the finding's id already
names the entry, the rule, the field and the change itself (before → after); the instant the
change was recorded tells apart the same change made twice (a retention shortened, lengthened
back, and shortened again is three pieces of work). Both are fixed once the change is recorded,
so the id never varies with the moment asked, the language or the order of the list.

The DPO's marks on a follow-up are kept in an entry of their own, whose id is a UUID5 of the
follow-up's id: the first mark finds no entry and registers it, every later one amends it.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime

from register.domain.canonical import canonical_json
from register.domain.instants import rfc3339

ID_LENGTH = 16
MARKS_NAMESPACE = uuid.UUID("6d1f3c0e-5b7a-4f38-9a1e-0c2f4b8d7e61")


def followup_id(finding_id: str, recorded_at: datetime) -> str:
    key = canonical_json([finding_id, rfc3339(recorded_at)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_LENGTH]


def marks_entry_id(followup: str) -> uuid.UUID:
    """The id of the entry that holds the marks on ``followup``."""
    return uuid.uuid5(MARKS_NAMESPACE, followup)
