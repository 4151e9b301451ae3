"""The entries of the register as event-sourced aggregates (SPEC §2, §3).

An entry keeps every change it was given as a ``Change``; its rules are judged by folding those
changes with ``register.timeline``, so the aggregate and the read model share one meaning of time.
Every event class declares a stable ``TOPIC``: renaming or moving a class must never make the
stored history unreadable.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Self

from eventsourcing.domain import Aggregate

from register.domain import fields as field_rules
from register.domain.errors import InvalidCommand, LifecycleConflict
from register.domain.timeline import (
    AMENDED,
    REGISTERED,
    REINSTATED,
    RETIRED,
    RETIRED_STATUS,
    Change,
    State,
    state_at,
)


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


class Entry(Aggregate):
    """What all entries share: registration, amendment, retirement and reinstatement."""

    KIND: ClassVar[str]
    if TYPE_CHECKING:  # set by the events, not a constructor argument of the aggregate
        changes: list[Change]
    EVENT_NAMES: ClassVar[dict[str, str]] = {
        "Created": "Created",
        "Registered": "Registered",
        "Amended": "Amended",
        "Retired": "Retired",
        "Reinstated": "Reinstated",
    }

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Give each kind its own event classes, with topics derived from the kind's TOPIC.

        The topics are spelled out from constants, never from class names, so that stored
        events stay readable whatever the classes are called later.
        """
        for base in (
            Entry.Created,
            Entry.Registered,
            Entry.Amended,
            Entry.Retired,
            Entry.Reinstated,
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
        KIND: ClassVar[str]

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

        def apply(self, aggregate: Aggregate) -> None:
            assert isinstance(aggregate, Entry)
            aggregate.changes.append(self.change())

    class Registered(Event, Aggregate.Created):
        fields: dict[str, Any]
        CHANGE_KIND = REGISTERED

        def apply(self, aggregate: Aggregate) -> None:
            assert isinstance(aggregate, Entry)
            aggregate.changes = [self.change()]

    class Amended(Event):
        fields: dict[str, Any]
        CHANGE_KIND = AMENDED

    class Retired(Event):
        CHANGE_KIND = RETIRED

    class Reinstated(Event):
        CHANGE_KIND = REINSTATED

    @classmethod
    def register(
        cls,
        content: dict[str, Any],
        provenance: Provenance,
        stamp: Stamp,
        entry_id: uuid.UUID | None = None,
    ) -> Self:
        _check_backdating(provenance, stamp)
        checked = cls.derive(field_rules.complete(cls.KIND, content))
        return cls._create(
            cls.Registered,
            id=entry_id or uuid.uuid4(),
            timestamp=stamp.recorded_at,
            fields=checked,
            **_event_kwargs(provenance),
        )

    def amend(self, content: dict[str, Any], provenance: Provenance, stamp: Stamp) -> None:
        _check_backdating(provenance, stamp)
        checked = self.derive(field_rules.partial(self.KIND, content))
        state = self._require_active(provenance.effective_from, "amended")
        changed = {k: v for k, v in checked.items() if state.fields.get(k) != v}
        if not changed:
            raise InvalidCommand(
                {name: ["is already this value on that date"] for name in checked},
                detail="The amendment changes nothing: every field already has that value on "
                f"{provenance.effective_from.isoformat()}.",
            )
        self.trigger_event(
            self.Amended, timestamp=stamp.recorded_at, fields=changed, **_event_kwargs(provenance)
        )

    def retire(self, provenance: Provenance, stamp: Stamp) -> None:
        _check_backdating(provenance, stamp)
        self._require_active(provenance.effective_from, "retired")
        self.trigger_event(self.Retired, timestamp=stamp.recorded_at, **_event_kwargs(provenance))

    def reinstate(self, provenance: Provenance, stamp: Stamp) -> None:
        _check_backdating(provenance, stamp)
        day = provenance.effective_from
        state = state_at(self.changes, day)
        if state is None or state.status != RETIRED_STATUS:
            raise LifecycleConflict(
                f"The entry is not retired on {day.isoformat()}, so it cannot be reinstated "
                "then: check its history for the date of its retirement."
            )
        self.trigger_event(
            self.Reinstated, timestamp=stamp.recorded_at, **_event_kwargs(provenance)
        )

    def fields_at(self, day: date) -> dict[str, Any]:
        """The fields in effect on ``day`` as recorded now (empty before the registration)."""
        state = state_at(self.changes, day)
        return dict(state.fields) if state else {}

    @classmethod
    def derive(cls, content: dict[str, Any]) -> dict[str, Any]:
        """Fields the register computes from the given ones (none, unless a kind says so)."""
        return content

    def _require_active(self, day: date, verb: str) -> State:
        state = state_at(self.changes, day)
        if state is None:
            registered = self.changes[0].effective_from.isoformat()
            raise LifecycleConflict(
                f"The entry takes effect on {registered}; it cannot be {verb} with effect "
                f"from {day.isoformat()}, before that."
            )
        if not state.in_register:
            raise LifecycleConflict(
                f"The entry is retired on {day.isoformat()}; reinstate it first, or choose a "
                "date on which it is in effect."
            )
        return state


def _check_backdating(provenance: Provenance, stamp: Stamp) -> None:
    if provenance.effective_from < stamp.today and not (provenance.reason or "").strip():
        raise InvalidCommand(
            {"reason": ["is required when effective_from lies before today"]},
            detail=f"A change effective from {provenance.effective_from.isoformat()}, before "
            f"today ({stamp.today.isoformat()}), is a backdated correction: say why in 'reason'.",
        )


def _event_kwargs(provenance: Provenance) -> dict[str, Any]:
    reason = (provenance.reason or "").strip() or None
    return {
        "effective_from": provenance.effective_from,
        "actor": provenance.actor,
        "reason": reason,
    }


class Activity(Entry):
    """A processing activity, Article 30(1) or, for the processor role, 30(2)."""

    TOPIC = "ropa:Activity"
    KIND = "activity"


class Recipient(Entry):
    """A party that receives personal data: a processor, sub-processor, controller or authority."""

    TOPIC = "ropa:Recipient"
    KIND = "recipient"


class PolicyRevision(Entry):
    """One published version of the public privacy statement; its hash pins the exact text."""

    TOPIC = "ropa:PolicyRevision"
    KIND = "policy"
    EVENT_NAMES = {**Entry.EVENT_NAMES, "Registered": "Published", "Retired": "Withdrawn"}

    @classmethod
    def derive(cls, content: dict[str, Any]) -> dict[str, Any]:
        if content.get("text") is None:
            return content
        digest = hashlib.sha256(content["text"].encode("utf-8")).hexdigest()
        return {**content, "content_hash": f"sha256:{digest}"}


class Organisation(Entry):
    """The controller's own details, Article 30(1)(a): one entry per register."""

    TOPIC = "ropa:Organisation"
    KIND = "organisation"
    ID: ClassVar[uuid.UUID] = uuid.UUID("00000000-0000-4000-8000-000000000001")


ENTRY_CLASSES: dict[str, type[Entry]] = {
    cls.KIND: cls for cls in (Activity, Recipient, PolicyRevision, Organisation)
}
