"""References in time (issue 7, item 2): an entry in effect names another only on days that one
is in effect too, so that no register lists a recipient id it does not list as a recipient.

An event is checked before it is recorded, against the current record, over exactly the days it
changes:

- a registration names its entries from its date for ever: a new entry has no later events;
- an amendment sets a field from its date until the entry's next amendment of that field; the
  entries it names must be in effect on the days of that stretch the entry is in effect;
- a reinstatement puts the entry back in effect until its next retirement or reinstatement:
  every entry it names on those days must be in effect then;
- a retirement takes the entry out until its next retirement or reinstatement: no entry in
  effect may name it on those days.

Retirement and reinstatement set the status outright, so after the next of them the timeline is
what it was. Histories recorded before this rule may break it; the rule governs new events, and
never refuses one for a reference it does not touch.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection

from register.domain.catalogue import CATALOGUE, references, spec
from register.domain.entries import ENTRY_CLASSES, Entry
from register.domain.errors import InvalidCommand, LifecycleConflict
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, AMENDED, END_OF_TIME, REGISTERED, REINSTATED, RETIRED
from register.store import references as record
from register.store.event_store import EventStore


@dataclass(frozen=True)
class Claim:
    """The entry at ``path`` must be in effect over [start, end)."""

    path: str
    kind: EntryKind
    entry_id: uuid.UUID
    start: date
    end: date


def check(connection: Connection, store: EventStore, event: Entry.Event) -> None:
    """Refuse ``event`` if, once recorded, an entry in effect would name one that is not."""
    change = event.change()
    kind = event.KIND
    if change.kind == RETIRED:
        _check_not_named(connection, kind, event.originator_id, change.effective_from)
        return
    if not spec(kind).references:
        return
    if change.kind == REGISTERED:
        claims = _claims(kind, change.fields, [(change.effective_from, END_OF_TIME)])
        _refuse_invalid(_lapses(connection, claims))
    elif change.kind == AMENDED:
        _refuse_invalid(_lapses(connection, _amended_claims(connection, store, event)))
    elif change.kind == REINSTATED:
        _check_reinstated(connection, event)


def _amended_claims(connection: Connection, store: EventStore, event: Entry.Event) -> list[Claim]:
    """Each field the amendment sets holds until the entry's next amendment of that field; its
    references count on the days of that stretch the entry is in effect (an amendment never
    changes that)."""
    change = event.change()
    kind, entry_id, day = event.KIND, event.originator_id, change.effective_from
    setting = {
        name: value for name, value in change.fields.items() if references(kind, {name: value})
    }
    if not setting:
        return []
    versions = record.versions_effective_after(connection, entry_id, day, _topic(kind, "Amended"))
    later = [e.change() for e in store.events_of(entry_id, versions)]
    claims = []
    for name, value in setting.items():
        end = min((c.effective_from for c in later if name in c.fields), default=END_OF_TIME)
        days = [
            (s.valid_from, s.valid_to)
            for s in record.timeline(connection, entry_id, day, end)
            if s.status == ACTIVE
        ]
        claims += _claims(kind, {name: value}, days)
    return claims


def _check_reinstated(connection: Connection, event: Entry.Event) -> None:
    """The entry is back in effect until its next change of status, with what it names then."""
    kind, entry_id = event.KIND, event.originator_id
    day = event.change().effective_from
    end = record.next_effective(connection, entry_id, day, _lifecycle_topics(kind))
    claims = [
        claim
        for stretch in record.timeline(connection, entry_id, day, end)
        for claim in _claims(kind, stretch.fields, [(stretch.valid_from, stretch.valid_to)])
    ]
    lapses = _lapses(connection, claims)
    if lapses:
        raise LifecycleConflict(
            f"Reinstated from {day.isoformat()}, the {kind} would be in effect naming entries "
            f"that are not: {'; '.join(f'{path} {message}' for path, message in lapses.items())}."
            f" Reinstate those first, or reinstate the {kind} from a later date."
        )


def _check_not_named(
    connection: Connection, kind: EntryKind, entry_id: uuid.UUID, day: date
) -> None:
    """Out of effect until its next change of status, the entry may be named by none in effect."""
    referrers = [k for k, s in CATALOGUE.items() if any(r.kind == kind for r in s.references)]
    if not referrers:
        return
    end = record.next_effective(connection, entry_id, day, _lifecycle_topics(kind))
    found = record.naming(connection, referrers, entry_id, day, end)
    if found:
        names = ", ".join(
            f"{n.kind} '{n.name}' ({n.entry_id}) from {n.since.isoformat()}" for n in found
        )
        raise LifecycleConflict(
            f"The {kind} cannot be retired from {day.isoformat()}: entries in effect still name "
            f"it then: {names}. Amend them first so that they no longer name it, or retire "
            "it from a later date."
        )


def _claims(
    kind: EntryKind, fields: Mapping[str, Any], days: Iterable[tuple[date, date]]
) -> list[Claim]:
    named = references(kind, fields)
    return [
        Claim(path, named_kind, uuid.UUID(ref), start, end)
        for start, end in days
        if start < end
        for path, named_kind, ref in named
    ]


def _lapses(connection: Connection, claims: list[Claim]) -> dict[str, str]:
    """For each path whose entry is not in effect on every day claimed, the first such day
    and why, as a message."""
    first: dict[str, tuple[date, str]] = {}
    for claim in claims:
        lapse = record.first_lapse(connection, claim.entry_id, claim.start, claim.end)
        if lapse is None or (claim.path in first and first[claim.path][0] <= lapse.day):
            continue
        why = (
            f"it takes effect on {lapse.takes_effect.isoformat()}"
            if lapse.takes_effect is not None
            else "it is retired then"
        )
        first[claim.path] = (
            lapse.day,
            f"names {claim.kind} '{lapse.name}' ({claim.entry_id}), which is not in effect on "
            f"{lapse.day.isoformat()} ({why})",
        )
    return {path: message for path, (_, message) in sorted(first.items())}


def _refuse_invalid(lapses: dict[str, str]) -> None:
    if lapses:
        advice = "register or reinstate it first, or choose a later date"
        raise InvalidCommand(
            {path: [f"{message}: {advice}"] for path, message in lapses.items()},
            detail="The entry would name entries on days they are not in effect: "
            + "; ".join(f"{path} {message}" for path, message in lapses.items())
            + f". For each, {advice}.",
        )


def _lifecycle_topics(kind: EntryKind) -> tuple[str, str]:
    return _topic(kind, "Retired"), _topic(kind, "Reinstated")


def _topic(kind: EntryKind, event: str) -> str:
    """The stored topic of one of the kind's event classes, as the ledger records it."""
    return str(getattr(ENTRY_CLASSES[kind], event).TOPIC)
