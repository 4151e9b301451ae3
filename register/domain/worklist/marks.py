"""The DPO's marks on one follow-up, folded as any entry is (SPEC §3): a mark holds from its
effective date, as recorded from its recording instant."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from register.domain.catalogue.followup import OPEN
from register.domain.instants import rfc3339
from register.domain.timeline import Change, apply, in_effect_order, known_at
from register.domain.views import Moment


@dataclass(frozen=True)
class Mark:
    """One mark as it applies: the status and evidence it leaves, who, when and why."""

    status: str
    evidence_ref: str | None
    actor: str
    recorded_at: datetime
    effective_from: date
    reason: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "evidence_ref": self.evidence_ref,
            "by": self.actor,
            "at": rfc3339(self.recorded_at),
            "effective_from": self.effective_from.isoformat(),
            "reason": self.reason,
        }


def marks_at(changes: Sequence[Change], moment: Moment) -> tuple[Mark, ...]:
    """The marks in effect at ``moment``, in the order they apply; the last one decides."""
    marks: list[Mark] = []
    state = None
    for change in in_effect_order(known_at(changes, moment.known_at)):
        if change.effective_from > moment.as_of:
            break
        state = apply(state, change)
        if state is None:
            continue
        marks.append(
            Mark(
                status=str(state.fields.get("status") or OPEN),
                evidence_ref=state.fields.get("evidence_ref"),
                actor=change.actor,
                recorded_at=change.recorded_at,
                effective_from=change.effective_from,
                reason=change.reason,
            )
        )
    return tuple(marks)
