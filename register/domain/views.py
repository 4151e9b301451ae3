"""The answers the register gives, as typed values, each with one way to become JSON.

``compose_register`` builds the Article 30 register from the entries in effect at a moment
(SPEC §7): a pure function, so its order, its choice of the policy in effect and its digest
are tested without a database.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from register.domain.canonical import digest_of
from register.domain.changes import FieldChange
from register.domain.instants import rfc3339
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, Change
from register.domain.vocabulary import REGISTER_ROLE_ORDER


@dataclass(frozen=True)
class Moment:
    """The two instants a read is asked at: valid time and transaction time (SPEC §3)."""

    as_of: date
    known_at: datetime


@dataclass(frozen=True)
class EntryView:
    """One entry as it stood at a moment: its fields, its status and the version on record."""

    id: uuid.UUID
    kind: EntryKind
    version: int
    status: str
    fields: Mapping[str, Any]
    registered_on: date
    # What readers derive from the fields above, kept with them: the entry never changes, so a
    # derivation made once holds for every rule that asks again (the follow-up rules ask for an
    # activity's links or keyed lists many times over). Not an input: ``replace`` starts afresh.
    derived: dict[Hashable, Any] = field(
        default_factory=dict, init=False, compare=False, repr=False, hash=False
    )

    @property
    def in_register(self) -> bool:
        return self.status == ACTIVE

    def as_json(self) -> dict[str, Any]:
        answer: dict[str, Any] = {"id": str(self.id), "version": self.version, **self.fields}
        answer["status"] = self.status
        if self.kind == EntryKind.POLICY:
            answer["effective_from"] = self.registered_on.isoformat()
        return answer


@dataclass(frozen=True)
class Page:
    """A page of a list, and how many entries the whole list holds."""

    entries: list[EntryView]
    total: int


@dataclass(frozen=True)
class HistoryPosition:
    """The history an answer was computed from: cite it to have the answer reproduced."""

    position: int
    head_digest: str | None

    def as_json(self) -> dict[str, Any]:
        return {"position": self.position, "head_digest": self.head_digest}


@dataclass(frozen=True)
class RegisterSnapshot:
    """The Article 30 register at a moment, with the history it was computed from."""

    moment: Moment
    organisation: EntryView | None
    activities: list[EntryView]
    recipients: list[EntryView]
    policy: EntryView | None
    history: HistoryPosition

    def as_json(self) -> dict[str, Any]:
        content = {
            "as_of": self.moment.as_of.isoformat(),
            "known_at": rfc3339(self.moment.known_at),
            "organisation": self.organisation.as_json() if self.organisation else None,
            "activities": [a.as_json() for a in self.activities],
            "recipients": [r.as_json() for r in self.recipients],
            "policy": self.policy.as_json() if self.policy else None,
            "history": self.history.as_json(),
        }
        return {**content, "digest": digest_of(content)}


def compose_register(
    moment: Moment,
    entries: Iterable[EntryView],
    history: HistoryPosition,
    role: str | None = None,
) -> RegisterSnapshot:
    """The register from the entries at ``moment``, given in the store's name order: activities
    by role (controller part first), then name; the policy revision in effect is the one that
    took effect last."""
    by_kind: dict[EntryKind, list[EntryView]] = {kind: [] for kind in EntryKind}
    for entry in entries:
        if entry.in_register:
            by_kind[entry.kind].append(entry)
    activities = [
        a for a in by_kind[EntryKind.ACTIVITY] if role is None or a.fields["role"] == role
    ]
    activities.sort(key=lambda a: (_role_rank(a), a.fields["name"], a.id))
    recipients = by_kind[EntryKind.RECIPIENT]
    organisations = by_kind[EntryKind.ORGANISATION]
    policy = max(by_kind[EntryKind.POLICY], key=lambda p: (p.registered_on, p.id), default=None)
    return RegisterSnapshot(
        moment=moment,
        organisation=organisations[0] if organisations else None,
        activities=activities,
        recipients=recipients,
        policy=policy,
        history=history,
    )


def _role_rank(activity: EntryView) -> int:
    role = activity.fields.get("role")
    known = role in REGISTER_ROLE_ORDER
    return REGISTER_ROLE_ORDER.index(role) if known else len(REGISTER_ROLE_ORDER)


@dataclass(frozen=True)
class HistoryItem:
    """One event of an entry, and what it changed on its effective date."""

    change: Change
    changes: list[FieldChange] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.change.version,
            "recorded_at": rfc3339(self.change.recorded_at),
            "effective_from": self.change.effective_from.isoformat(),
            "actor": self.change.actor,
            "reason": self.change.reason,
            "type": self.change.kind,
            "changes": [c.as_json() for c in self.changes],
        }


@dataclass(frozen=True)
class FeedItem:
    """One event of the global feed: the ledger's facts, with its reason and content."""

    position: int
    entry_id: uuid.UUID
    entry_kind: EntryKind
    version: int
    type: str
    recorded_at: datetime
    effective_from: date
    actor: str
    chain_digest: str
    reason: str | None
    fields: Mapping[str, Any] | None

    def as_json(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "entry_id": str(self.entry_id),
            "entry_kind": self.entry_kind,
            "version": self.version,
            "type": self.type,
            "recorded_at": rfc3339(self.recorded_at),
            "effective_from": self.effective_from.isoformat(),
            "actor": self.actor,
            "chain_digest": self.chain_digest,
            "reason": self.reason,
            "payload": None if self.fields is None else {"fields": dict(self.fields)},
        }
