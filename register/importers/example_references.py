"""Which references the example's corrections may make, and which entry it may retire.

The register refuses a reference to an entry on days that entry is not in effect, and a
retirement of an entry that something in effect still names. A DPO may have retired an entry
the example names, or linked one the example drops; the loader then leaves that field or that
entry as it is and says so, rather than have the whole load refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from register.application.service import Service
from register.domain.catalogue import references
from register.domain.kinds import EntryKind
from register.domain.timeline import AMENDED, RETIRED, state_at
from register.domain.views import Moment


def retired_later(
    service: Service, kind: EntryKind, content: Mapping[str, Any], day: date
) -> list[str]:
    """The entries ``content`` names that are retired on a day after ``day``: the register
    refuses a reference to an entry on days it is not in effect."""
    lapsed = []
    for _, named_kind, named in references(kind, content):
        named_id = uuid.UUID(named)
        if not service.reader.has_entry(named_id):
            continue
        changes = service.reader.changes(named_kind, named_id)
        retired = [
            c.effective_from for c in changes if c.kind == RETIRED and c.effective_from >= day
        ]
        if retired:
            state = state_at(changes, day)
            label = state.fields.get("name", named) if state else named
            lapsed.append(f"{label} (retired from {min(retired).isoformat()})")
    return lapsed


def still_naming(
    service: Service, entry_id: uuid.UUID, day: date, corrected: Mapping[uuid.UUID, Any]
) -> list[str]:
    """The activities that name ``entry_id`` on ``day`` or today, once the activities'
    ``corrected`` recipients take effect on ``day``."""
    naming: list[str] = []
    for as_of in (day, service.reader.today()):
        moment = Moment(as_of, service.reader.now())
        for view in service.reader.entries(EntryKind.ACTIVITY, moment, limit=None).entries:
            links = view.fields.get("recipients")
            if view.id in corrected and not _set_between(service, view.id, day, as_of):
                links = corrected[view.id]
            name = str(view.fields["name"])
            if str(entry_id) in _recipient_ids(links) and name not in naming:
                naming.append(name)
    return naming


def _set_between(service: Service, entry_id: uuid.UUID, day: date, as_of: date) -> bool:
    """Whether a change effective after ``day`` and by ``as_of`` sets the activity's recipients."""
    return any(
        change.kind == AMENDED
        and day < change.effective_from <= as_of
        and "recipients" in change.fields
        for change in service.reader.changes(EntryKind.ACTIVITY, entry_id)
    )


def _recipient_ids(links: list[Any] | None) -> set[str]:
    return {link["recipient"] if isinstance(link, dict) else link for link in links or []}
