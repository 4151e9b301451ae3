"""How the rules read a register: entries matched the way the rule table says (§4.1), so that a
purpose, a data category or a transfer is the same item on both sides of a change.

Items of a list are matched by ``norm`` of their label (Unicode NFC, trimmed, whitespace
collapsed, casefolded): a reworded purpose is a removed one and an added one, as the privacy
statement's wording must change with it. Plain labels the register stored before objects count
as objects with only that label and every flag false. Stored contents are JSON, so an object is
a ``dict``: asked as such, as the ABC check ``Mapping`` costs more than the reading it guards.

The rules read the same few things of every activity many times over (its links, a list keyed
by label): ``per_entry`` derives each once per entry and keeps it with the entry, which never
changes. What is kept is shared, so it is given out as a read-only ``Mapping``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache, wraps
from typing import Any, TypeVar, TypeVarTuple

from register.domain.diff.matching import normal
from register.domain.views import EntryView, RegisterSnapshot
from register.domain.vocabulary import adequacy_on, in_eea

CONTROLLER_ROLES = frozenset({"controller", "joint_controller"})
PROCESSOR = "processor"
PROCESSOR_ROLES = frozenset({"processor", "sub_processor"})
ADEQUACY = "adequacy_decision"
# The international organisations an adequacy decision names, by the names a register uses.
ORGANISATION_KEYS = {
    "epo": "EPO",
    "european patent organisation": "EPO",
    "europese octrooiorganisatie": "EPO",
}


T = TypeVar("T")
Ts = TypeVarTuple("Ts")
_UNSET: Any = object()
_OF_NO_ENTRY: dict[Hashable, Any] = {}


def per_entry(
    derive: Callable[[EntryView | None, *Ts], T],
) -> Callable[[EntryView | None, *Ts], T]:
    """``derive`` made once for each entry and arguments, and kept on the entry (see
    ``EntryView.derived``); what it makes of no entry is kept once for all."""

    @wraps(derive)
    def once(entry: EntryView | None, *args: *Ts) -> T:
        kept = _OF_NO_ENTRY if entry is None else entry.derived
        key = (derive, *args)
        found: T = kept.get(key, _UNSET)
        if found is _UNSET:
            found = kept[key] = derive(entry, *args)
        return found

    return once


def norm(text: Any) -> str:
    """``N`` of the reference, of any value a rule reads as a label."""
    return normal(str(text or ""))


@lru_cache(maxsize=8192)
def entry_id(reference: Any) -> uuid.UUID:
    """The id an activity's link names. Kept: the rules read every link of every activity
    several times over, and a register names few distinct recipients."""
    return uuid.UUID(str(reference))


def role(activity: EntryView | None) -> str | None:
    return None if activity is None else activity.fields.get("role")


def is_ctrl(activity: EntryView | None) -> bool:
    return role(activity) in CONTROLLER_ROLES


def is_proc(activity: EntryView | None) -> bool:
    return role(activity) == PROCESSOR


def listed(activity: EntryView | None, field: str) -> list[Any]:
    """A list field; null (not recorded) and a missing activity read as no items."""
    if activity is None:
        return []
    return list(activity.fields.get(field) or [])


def _label(item: Any, label: str) -> Any:
    return item.get(label) if isinstance(item, dict) else item


def keyed(activity: EntryView | None, field: str, label: str = "name") -> Mapping[str, Any]:
    """A list field's items by the normalised label they are matched on."""
    return _keyed(activity, field, label)


@per_entry
def _keyed(activity: EntryView | None, field: str, label: str) -> Mapping[str, Any]:
    return {norm(_label(item, label)): item for item in listed(activity, field)}


def purposes(activity: EntryView | None) -> Mapping[str, Mapping[str, Any]]:
    return keyed(activity, "purposes", "description")


def basis(purpose: Mapping[str, Any] | None) -> str | None:
    return None if purpose is None else purpose.get("legal_basis")


def flag(item: Any, name: str) -> bool:
    return isinstance(item, dict) and item.get(name) is True


def decides(activity: EntryView | None) -> bool:
    """Whether the activity takes decisions by automated means alone (Art. 22)."""
    decisions = None if activity is None else activity.fields.get("automated_decision_making")
    return isinstance(decisions, dict) and decisions.get("applies") is True


@per_entry
def links(activity: EntryView | None) -> Mapping[uuid.UUID, Mapping[str, Any]]:
    """The activity's recipient links by recipient id, each as an object."""
    found: dict[uuid.UUID, Mapping[str, Any]] = {}
    for link in listed(activity, "recipients"):
        link = link if isinstance(link, dict) else {"recipient": link}
        found[entry_id(link["recipient"])] = link
    return found


@per_entry
def retention(activity: EntryView | None) -> Mapping[str, Mapping[str, Any]] | None:
    """The retention rules by what they apply to (null when retention is not recorded), so that
    the rule for "sollicitatiegegevens" is compared with the rule for the same data."""
    if activity is None or activity.fields.get("retention") is None:
        return None
    rules: dict[str, Mapping[str, Any]] = {}
    for rule in activity.fields["retention"]:
        key = " + ".join(sorted(norm(label) for label in rule.get("applies_to") or ()))
        while key in rules:
            key += "'"
        rules[key] = rule
    return rules


def bounded(rule: Mapping[str, Any]) -> bool:
    """Whether a rule says how long: a period, an event, or the criteria Art. 13(2)(a) allows."""
    return any(rule.get(name) for name in ("period", "trigger", "criteria"))


@dataclass(frozen=True)
class Destination:
    """Where an activity's data leave the EEA: a recorded transfer, or a linked recipient outside
    the EEA for whose country no transfer is recorded."""

    place: str  # the country code, or the international organisation's name
    country: str | None
    safeguard: str | None
    recipient: uuid.UUID | None
    recorded: bool
    tia_ref: str | None = None

    @property
    def decision_key(self) -> str:
        return self.country or ORGANISATION_KEYS.get(norm(self.place), self.place)


@dataclass(frozen=True)
class Side:
    """One register state, with its entries by id."""

    register: RegisterSnapshot

    @property
    def day(self) -> date:
        return self.register.moment.as_of

    @cached_property
    def activities(self) -> dict[uuid.UUID, EntryView]:
        return {a.id: a for a in self.register.activities}

    @cached_property
    def recipients(self) -> dict[uuid.UUID, EntryView]:
        return {r.id: r for r in self.register.recipients}

    @cached_property
    def linked_to(self) -> dict[uuid.UUID, list[EntryView]]:
        """Each recipient id with the activities that name it (links, transfers, systems)."""
        found: dict[uuid.UUID, list[EntryView]] = {}
        for activity in self.register.activities:
            named = set(links(activity))
            for item in listed(activity, "transfers") + listed(activity, "systems"):
                for key in ("recipient", "provider"):
                    if isinstance(item, dict) and item.get(key):
                        named.add(entry_id(item[key]))
            for recipient_id in named:
                found.setdefault(recipient_id, []).append(activity)
        return found

    def recipient_field(self, recipient_id: uuid.UUID | None, name: str) -> Any:
        recipient = self.recipients.get(recipient_id) if recipient_id else None
        return None if recipient is None else recipient.fields.get(name)

    def destinations(self, activity: EntryView | None) -> Sequence[Destination]:
        """Where ``activity``, one of this side's, sends data out of the EEA. Kept by activity:
        several rules ask, and the answer depends on this side's recipients as well."""
        if activity is None:
            return ()
        found = self._destinations.get(activity.id)
        if found is None:
            found = self._destinations[activity.id] = self._destinations_of(activity)
        return found

    @cached_property
    def _destinations(self) -> dict[uuid.UUID, Sequence[Destination]]:
        return {}

    @cached_property
    def _outside_eea(self) -> dict[uuid.UUID, tuple[str, Any]]:
        """The recipients outside the EEA, with their country and recorded safeguard: few, so
        an activity's links are looked up here rather than read recipient by recipient."""
        return {
            recipient_id: (country, recipient.fields.get("transfer_safeguard"))
            for recipient_id, recipient in self.recipients.items()
            if (country := recipient.fields.get("country")) and not in_eea(country)
        }

    def _destinations_of(self, activity: EntryView) -> Sequence[Destination]:
        found = [
            Destination(
                place=item.get("country") or item.get("international_organisation") or "",
                country=item.get("country"),
                safeguard=item.get("safeguard"),
                recipient=entry_id(item["recipient"]) if item.get("recipient") else None,
                recorded=True,
                tia_ref=item.get("tia_ref"),
            )
            for item in listed(activity, "transfers")
        ]
        outside = self._outside_eea
        if not outside:
            return found
        countries = {d.country for d in found}
        for recipient_id in links(activity):
            country, safeguard = outside.get(recipient_id, (None, None))
            if country is not None and country not in countries:
                found.append(Destination(country, country, safeguard, recipient_id, False))
        return found

    def certified(self, recipient_id: uuid.UUID | None) -> bool | None:
        """Whether the recipient is on the EU-US Data Privacy Framework list, as recorded."""
        certification = self.recipient_field(recipient_id, "dpf_certification")
        return None if certification is None else certification.get("certified")

    def adequate(self, destination: Destination) -> bool:
        """Whether an adequacy decision covers the destination on this side's day; the US only
        for a recipient recorded as certified."""
        certified = self.certified(destination.recipient)
        return adequacy_on(destination.decision_key, self.day, certified) is not None
