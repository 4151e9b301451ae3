"""Why a retired entry answers 404, in words a DPO can act on."""

from __future__ import annotations

import uuid
from datetime import date

from register.application.service import RegisterApplication
from register.domain.timeline import REINSTATED, RETIRED, in_effect_order, known_at
from register.store.queries import Moment


def retired_on(
    register: RegisterApplication, kind: str, entry_id: uuid.UUID, moment: Moment
) -> date | None:
    """The day the retirement in effect at ``moment`` took effect."""
    day = None
    changes = register.entry(kind, entry_id).changes
    for change in in_effect_order(known_at(changes, moment.known_at)):
        if change.effective_from > moment.as_of:
            break
        if change.kind == RETIRED:
            day = change.effective_from
        elif change.kind == REINSTATED:
            day = None
    return day


def retired_detail(
    register: RegisterApplication, kind: str, entry_id: uuid.UUID, moment: Moment, plural: str
) -> str:
    day = retired_on(register, kind, entry_id, moment)
    when = f" on {day.isoformat()}" if day else ""
    return (
        f"The {kind} {entry_id} was retired{when}, so it is not in the register on "
        f"{moment.as_of.isoformat()}. Retired entries are listed by "
        f"GET /api/v1/{plural}?status=retired; its whole life is at "
        f"GET /api/v1/{plural}/{entry_id}/history."
    )
