"""The entries of the register and the rules of their changes (SPEC §2, §3).

Each kind of entry is an event stream. Its event classes declare stable topics, spelled from the
kind's ``TOPIC`` and never from class names, so renaming or moving a class never makes the
stored history unreadable.

A change is decided from a ``Standing``: the entry's last version and its state on the change's
effective date, as recorded now. That is all the rules need, so a write never replays the
entry's history, and the rules are plain functions of plain data.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from eventsourcing.domain import Aggregate

from register.domain.catalogue import complete, partial, spec
from register.domain.checks import REASON, Problem
from register.domain.errors import InvalidCommand, LifecycleConflict
from register.domain.instants import FIRST_DAY, LAST_DAY, RANGE_MESSAGE
from register.domain.kinds import EntryKind
from register.domain.timeline import (
    AMENDED,
    REGISTERED,
    REINSTATED,
    RETIRED,
    RETIRED_STATUS,
    REVIEWED,
    Change,
    State,
    apply,
)
from register.domain.upcasting import fields_v1_to_v2


@dataclass(frozen=True)
class Stamp:
    """When a command is recorded: the store's clock, and the register's calendar day then."""

    recorded_at: datetime
    today: date


@dataclass(frozen=True)
class Provenance:
    """What every event carries besides its content: when it holds, who made it, and why."""

    effective_from: date
    actor: str
    reason: str | None


@dataclass(frozen=True)
class Standing:
    """What the rules of a change need to know of an existing entry."""

    entry_id: uuid.UUID
    kind: EntryKind
    version: int
    registered_on: date
    state: State | None  # on the change's effective date, as recorded now


class Entry(Aggregate):
    """The event classes every kind shares; each kind gets its own subclasses with its topics."""

    KIND: ClassVar[EntryKind]
    TOPIC: ClassVar[str]
    EVENT_NAMES: ClassVar[dict[str, str]] = {
        "Created": "Created",
        "Registered": "Registered",
        "Amended": "Amended",
        "Retired": "Retired",
        "Reinstated": "Reinstated",
        "Reviewed": "Reviewed",
    }

    def __init_subclass__(cls, **kwargs: Any) -> None:
        for base in (
            Entry.Created,
            Entry.Registered,
            Entry.Amended,
            Entry.Retired,
            Entry.Reinstated,
            Entry.Reviewed,
        ):
            stable_name = cls.EVENT_NAMES[base.__name__]
            event_class = type(
                base.__name__,
                (base,),
                {
                    "TOPIC": f"{cls.__dict__['TOPIC']}.{stable_name}",
                    "KIND": cls.__dict__["KIND"],
                    "__module__": cls.__module__,
                    "__qualname__": f"{cls.__qualname__}.{base.__name__}",
                },
            )
            setattr(cls, base.__name__, event_class)
        super().__init_subclass__(**kwargs)

    class Event(Aggregate.Event):
        effective_from: date
        actor: str
        reason: str | None

        CHANGE_KIND: ClassVar[str]
        KIND: ClassVar[EntryKind]

        def change(self) -> Change:
            return Change(
                version=self.originator_version,
                recorded_at=self.timestamp,
                effective_from=self.effective_from,
                kind=self.CHANGE_KIND,
                fields=getattr(self, "fields", {}),
                actor=self.actor,
                reason=self.reason,
            )

    class Registered(Event, Aggregate.Created):
        fields: dict[str, Any]
        CHANGE_KIND = REGISTERED
        class_version = 2

        @classmethod
        def upcast_v1_v2(cls, state: dict[str, Any]) -> None:
            if isinstance(state.get("fields"), dict):  # else the event is refused as it stands
                state["fields"] = fields_v1_to_v2(cls.KIND, state["fields"], whole=True)

    class Amended(Event):
        fields: dict[str, Any]
        CHANGE_KIND = AMENDED
        class_version = 2

        @classmethod
        def upcast_v1_v2(cls, state: dict[str, Any]) -> None:
            if isinstance(state.get("fields"), dict):
                state["fields"] = fields_v1_to_v2(cls.KIND, state["fields"], whole=False)

    class Retired(Event):
        CHANGE_KIND = RETIRED

    class Reinstated(Event):
        CHANGE_KIND = REINSTATED

    class Reviewed(Event):
        """The entry was reviewed and found to hold; it may set the day of the next review."""

        fields: dict[str, Any]
        CHANGE_KIND = REVIEWED

    @classmethod
    def derive(cls, content: dict[str, Any]) -> dict[str, Any]:
        """Fields the register computes from the given ones (none, unless a kind says so)."""
        return content


class Activity(Entry):
    """A processing activity, Article 30(1) or, for the processor role, 30(2)."""

    KIND = EntryKind.ACTIVITY
    TOPIC = spec(KIND).topic


class Recipient(Entry):
    """A party that receives personal data: a processor, sub-processor, controller or authority."""

    KIND = EntryKind.RECIPIENT
    TOPIC = spec(KIND).topic


class PolicyRevision(Entry):
    """One published version of the public privacy statement; its hash pins the exact text."""

    KIND = EntryKind.POLICY
    TOPIC = spec(KIND).topic
    EVENT_NAMES = {**Entry.EVENT_NAMES, "Registered": "Published", "Retired": "Withdrawn"}

    @classmethod
    def derive(cls, content: dict[str, Any]) -> dict[str, Any]:
        if content.get("text") is None:
            return content
        digest = hashlib.sha256(content["text"].encode("utf-8")).hexdigest()
        return {**content, "content_hash": f"sha256:{digest}"}


class Organisation(Entry):
    """The controller's own details, Article 30(1)(a): one entry per register."""

    KIND = EntryKind.ORGANISATION
    TOPIC = spec(KIND).topic
    ID: ClassVar[uuid.UUID] = uuid.UUID("00000000-0000-4000-8000-000000000001")


class FollowUp(Entry):
    """The DPO's mark on one follow-up: its first mark registers the entry, later marks amend
    it, and the reason of each is the event's reason."""

    KIND = EntryKind.FOLLOWUP
    TOPIC = spec(KIND).topic
    EVENT_NAMES = {**Entry.EVENT_NAMES, "Registered": "Marked", "Amended": "Remarked"}


ENTRY_CLASSES: dict[EntryKind, type[Entry]] = {
    cls.KIND: cls for cls in (Activity, Recipient, PolicyRevision, Organisation, FollowUp)
}

# Each of the register's own topics with the kind of change its events make.
CHANGE_KINDS: dict[str, str] = {
    event.TOPIC: event.CHANGE_KIND
    for event in (
        getattr(cls, name)
        for cls in ENTRY_CLASSES.values()
        for name in ("Registered", "Amended", "Retired", "Reinstated", "Reviewed")
    )
}
EVENT_TOPICS: frozenset[str] = frozenset(CHANGE_KINDS)


# The rules of change ---------------------------------------------------------------------------


def register(
    kind: EntryKind,
    content: dict[str, Any],
    provenance: Provenance,
    stamp: Stamp,
    entry_id: uuid.UUID | None = None,
) -> Entry.Registered:
    """The first event of a new entry: every field checked, missing ones at their default."""
    _check_backdating(provenance, stamp)
    entry_class = ENTRY_CLASSES[kind]
    return entry_class.Registered(  # type: ignore[call-arg]
        originator_id=entry_id or uuid.uuid4(),
        originator_version=1,
        originator_topic=entry_class.TOPIC,
        timestamp=stamp.recorded_at,
        fields=entry_class.derive(complete(kind, content)),
        **_event_kwargs(provenance),
    )


def amend(
    standing: Standing, content: dict[str, Any], provenance: Provenance, stamp: Stamp
) -> Entry.Amended:
    """Change the fields ``content`` names from the effective date on; refuse a change of none."""
    _check_backdating(provenance, stamp)
    entry_class = ENTRY_CLASSES[standing.kind]
    checked = entry_class.derive(partial(standing.kind, content))
    state = _require_active(standing, provenance.effective_from, "amended")
    changed = {k: v for k, v in checked.items() if state.fields.get(k) != v}
    if not changed:
        raise InvalidCommand(
            {name: ["is already this value on that date"] for name in checked},
            detail="The amendment changes nothing: every field already has that value on "
            f"{provenance.effective_from.isoformat()}.",
        )
    return _next(standing, entry_class.Amended, provenance, stamp, fields=changed)


def replace(
    standing: Standing, content: dict[str, Any], provenance: Provenance, stamp: Stamp
) -> Entry.Amended | None:
    """Replace the entry's fields as a whole; None when they already are exactly these."""
    whole = ENTRY_CLASSES[standing.kind].derive(complete(standing.kind, content))
    current = standing.state.fields if standing.state else {}
    if whole == dict(current):
        return None
    return amend(standing, whole, provenance, stamp)


def retire(standing: Standing, provenance: Provenance, stamp: Stamp) -> Entry.Retired:
    _check_backdating(provenance, stamp)
    _require_active(standing, provenance.effective_from, "retired")
    return _next(standing, ENTRY_CLASSES[standing.kind].Retired, provenance, stamp)


def reinstate(standing: Standing, provenance: Provenance, stamp: Stamp) -> Entry.Reinstated:
    _check_backdating(provenance, stamp)
    day = provenance.effective_from
    if standing.state is None or standing.state.status != RETIRED_STATUS:
        raise LifecycleConflict(
            f"The entry is not retired on {day.isoformat()}, so it cannot be reinstated "
            "then: check its history for the date of its retirement."
        )
    return _next(standing, ENTRY_CLASSES[standing.kind].Reinstated, provenance, stamp)


def review(
    standing: Standing, provenance: Provenance, stamp: Stamp, next_review_on: date | None
) -> Entry.Reviewed:
    """Record that the entry was reviewed on the effective date and still holds as it stands
    (accountability, Article 5(2)); with ``next_review_on``, also when it is next due."""
    _check_backdating(provenance, stamp)
    _require_active(standing, provenance.effective_from, "reviewed")
    fields = {} if next_review_on is None else {"next_review_on": next_review_on.isoformat()}
    checked = partial(standing.kind, fields) if fields else {}
    return _next(standing, ENTRY_CLASSES[standing.kind].Reviewed, provenance, stamp, fields=checked)


Decision = Callable[[Standing, Provenance, Stamp], Entry.Event]


def after(standing: Standing, event: Entry.Event) -> State | None:
    """The entry's state on the event's effective date once the event is recorded."""
    return apply(standing.state, event.change())


def _next(
    standing: Standing,
    event_class: type[Entry.Event],
    provenance: Provenance,
    stamp: Stamp,
    **content: Any,
) -> Any:
    return event_class(
        originator_id=standing.entry_id,
        originator_version=standing.version + 1,
        timestamp=stamp.recorded_at,
        **content,
        **_event_kwargs(provenance),
    )


def _require_active(standing: Standing, day: date, verb: str) -> State:
    state = standing.state
    if state is None:
        raise LifecycleConflict(
            f"The entry takes effect on {standing.registered_on.isoformat()}; it cannot be "
            f"{verb} with effect from {day.isoformat()}, before that."
        )
    if not state.in_register:
        raise LifecycleConflict(
            f"The entry is retired on {day.isoformat()}; reinstate it first, or choose a "
            "date on which it is in effect."
        )
    return state


def _check_backdating(provenance: Provenance, stamp: Stamp) -> None:
    """The event's own fields: a day the register can hold, a reason it can keep, and a reason
    at all for a backdated correction."""
    if not FIRST_DAY <= provenance.effective_from <= LAST_DAY:
        raise InvalidCommand({"effective_from": [RANGE_MESSAGE]})
    if provenance.effective_from < stamp.today and _reason(provenance) is None:
        raise InvalidCommand(
            {"reason": ["is required when effective_from lies before today"]},
            detail=f"A change effective from {provenance.effective_from.isoformat()}, before "
            f"today ({stamp.today.isoformat()}), is a backdated correction: say why in 'reason'.",
        )


def _reason(provenance: Provenance) -> str | None:
    try:
        return REASON(provenance.reason, "reason")
    except Problem as problem:
        raise InvalidCommand({"reason": [problem.message]}) from None


def _event_kwargs(provenance: Provenance) -> dict[str, Any]:
    return {
        "effective_from": provenance.effective_from,
        "actor": provenance.actor,
        "reason": _reason(provenance),
    }
