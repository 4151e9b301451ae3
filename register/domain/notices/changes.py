"""The sub-processor changes of a register diff, activity by activity.

For each processor activity in the later register: a recipient it names that it did not name
before is added, one it no longer names is removed; an added and a removed one in the same
activity are a replacement (paired in name order), and so is a named recipient whose name
changed (another company behind the same entry). An activity new in the later register adds
every recipient it names. Recipients whose role is plainly not a sub-processor's (a controller,
an authority) are no sub-processors and are left out.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from register.domain.diff.model import RegisterDiff
from register.domain.kinds import EntryKind
from register.domain.views import EntryView

PROCESSOR = "processor"
NOT_SUBPROCESSOR_ROLES = frozenset(
    {"independent_controller", "joint_controller", "authority", "internal"}
)

How = Literal["added", "replaced", "removed"]
ADDED: How = "added"
REPLACED: How = "replaced"
REMOVED: How = "removed"


@dataclass(frozen=True)
class SubProcessor:
    id: uuid.UUID
    name: str
    country: str | None

    def as_json(self) -> dict[str, Any]:
        return {"id": str(self.id), "name": self.name, "country": self.country}


@dataclass(frozen=True)
class SubprocessorChange:
    """One change to one activity's sub-processors; ``old`` is who left (removed, replaced),
    ``new`` who came (added, replaced)."""

    activity: EntryView
    how: How
    new: SubProcessor | None
    old: SubProcessor | None


def subprocessor_changes(diff: RegisterDiff) -> list[SubprocessorChange]:
    """Every sub-processor change of the diff's processor activities, in the later register's
    activity order, then added, replaced, removed, each by name."""
    old_recipients = _recipients(diff.before.recipients)
    new_recipients = _recipients(diff.after.recipients)
    renamed = {
        e.entry_id
        for e in diff.entries
        if e.kind == EntryKind.RECIPIENT and any(f.field == "name" for f in e.fields)
    }
    earlier = {a.id: a for a in diff.before.activities}
    found: list[SubprocessorChange] = []
    for activity in diff.after.activities:
        if activity.fields.get("role") != PROCESSOR:
            continue
        before = _linked(earlier.get(activity.id), old_recipients)
        after = _linked(activity, new_recipients)
        found += _changes(activity, before, after, old_recipients, new_recipients, renamed)
    return found


def _changes(
    activity: EntryView,
    before: Mapping[uuid.UUID, SubProcessor],
    after: Mapping[uuid.UUID, SubProcessor],
    old_recipients: Mapping[uuid.UUID, EntryView],
    new_recipients: Mapping[uuid.UUID, EntryView],
    renamed: set[uuid.UUID],
) -> Iterator[SubprocessorChange]:
    came = sorted((after[i] for i in after.keys() - before.keys()), key=_by_name)
    went = sorted((before[i] for i in before.keys() - after.keys()), key=_by_name)
    pairs = list(zip(went, came, strict=False))
    for old, new in pairs:
        yield SubprocessorChange(activity, REPLACED, new, old)
    for new in came[len(pairs) :]:
        yield SubprocessorChange(activity, ADDED, new, None)
    for kept in sorted(before.keys() & after.keys() & renamed, key=lambda i: _by_name(after[i])):
        yield SubprocessorChange(activity, REPLACED, after[kept], before[kept])
    for old in went[len(pairs) :]:
        yield SubprocessorChange(activity, REMOVED, None, old)


def _recipients(entries: list[EntryView]) -> dict[uuid.UUID, EntryView]:
    return {entry.id: entry for entry in entries}


def _linked(
    activity: EntryView | None, recipients: Mapping[uuid.UUID, EntryView]
) -> dict[uuid.UUID, SubProcessor]:
    """The sub-processors ``activity`` names that are in the register with it."""
    if activity is None:
        return {}
    found = {}
    for link in activity.fields.get("recipients") or []:
        recipient = recipients.get(uuid.UUID(str(link["recipient"])))
        if recipient is None:
            continue
        role = link.get("role") or recipient.fields.get("legal_role")
        if role not in NOT_SUBPROCESSOR_ROLES:
            found[recipient.id] = SubProcessor(
                recipient.id, str(recipient.fields["name"]), recipient.fields.get("country")
            )
    return found


def _by_name(processor: SubProcessor) -> tuple[str, str]:
    return processor.name.casefold(), str(processor.id)
