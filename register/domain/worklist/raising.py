"""Which follow-ups the recorded changes raise.

Each unit of work is one change of the register, recorded at one instant: the events a command,
a batch or an import's load wrote together. For each day the change takes effect on, the rules
compare the register on that day as recorded just before the change with the register on that
day as recorded with it; what they find is the work the change raises.

A change whose earlier register is empty (the first load of a register) raises nothing: that
first state is what the completeness checks and the first privacy statement cover, not work
arising from a change.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from register.domain.followups.model import Finding
from register.domain.kinds import EntryKind
from register.domain.worklist.identity import followup_id


@dataclass(frozen=True)
class Event:
    """What the work list needs of one event of the history."""

    position: int
    entry_id: uuid.UUID
    kind: EntryKind
    recorded_at: datetime
    effective_from: date


@dataclass(frozen=True)
class Recording:
    """One unit of work that changed the register, and what was on record just before it."""

    recorded_at: datetime
    last_position: int
    effective_dates: tuple[date, ...]
    entries: tuple[tuple[EntryKind, uuid.UUID], ...]  # what it changed, each entry once
    known_before: datetime | None  # the last register change before it; None for the first


@dataclass(frozen=True)
class Raised:
    """One follow-up: the finding, the change that raised it and the day that change holds."""

    id: str
    finding: Finding
    raised_at: datetime
    effective_from: date


def recordings(events: Iterable[Event]) -> list[Recording]:
    """The history's register changes in order: events sharing their recording instant are one
    change. The DPO's marks change no register, so they raise nothing and are left out."""
    groups: list[list[Event]] = []
    for event in events:
        if event.kind == EntryKind.FOLLOWUP:
            continue
        if groups and groups[-1][0].recorded_at == event.recorded_at:
            groups[-1].append(event)
        else:
            groups.append([event])
    found: list[Recording] = []
    for group in groups:
        found.append(
            Recording(
                recorded_at=group[0].recorded_at,
                last_position=group[-1].position,
                effective_dates=tuple(sorted({e.effective_from for e in group})),
                entries=tuple(dict.fromkeys((e.kind, e.entry_id) for e in group)),
                known_before=found[-1].recorded_at if found else None,
            )
        )
    return found


def raised(recording: Recording, found: Sequence[tuple[date, Sequence[Finding]]]) -> list[Raised]:
    """The follow-ups of one change from the findings on each of its days: a finding that holds
    on several of them is one piece of work, raised on the first; baseline findings are none."""
    work: dict[str, Raised] = {}
    for day, findings in sorted(found, key=lambda pair: pair[0]):
        for finding in findings:
            if finding.baseline:
                continue
            key = followup_id(finding.id, recording.recorded_at)
            work.setdefault(key, Raised(key, finding, recording.recorded_at, day))
    return list(work.values())
