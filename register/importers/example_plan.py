"""What loading the example must record in a given store, decided before anything is written.

On a store without the example every entry is registered. On a store holding an earlier example
the example's corrections are recorded as events effective on the statement's day, each with the
reason the data file gives, so the earlier version stays visible at earlier ``known_at``. A
field is corrected only where it still holds the previous example's value: any other value is
a DPO's own change, which the example never overwrites. Those fields are reported, and so is a
later change of a corrected field, from whose date on the correction no longer shows.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from register.application.service import Service
from register.domain.commands import (
    AmendEntry,
    Command,
    RegisterEntry,
    RetireEntry,
    SetOrganisation,
)
from register.domain.entries import Organisation
from register.domain.kinds import EntryKind
from register.domain.timeline import AMENDED, Change, state_at
from register.importers.example_references import retired_later, still_naming
from register.importers.example_source import Example, Item, Retirement

ACTOR = "example-loader"
REASON = "Voorbeeldregister: de privacy- en cookieverklaring van Opgelucht van 24 oktober 2023"
CORRECTION = "Correctie voorbeeldregister: in lijn gebracht met de verklaring van 24 oktober 2023"


@dataclass
class Plan:
    """The commands to carry out, all or nothing, and what to tell the user about them."""

    commands: list[Command] = field(default_factory=list)
    done: list[str] = field(default_factory=list)  # one line per command
    left_alone: list[str] = field(default_factory=list)  # what the example did not touch


def plan(service: Service, example: Example, previous: Mapping[uuid.UUID, dict[str, Any]]) -> Plan:
    """Everything the store lacks of ``example``; corrections only if it holds ``previous``."""
    planned = Plan()
    holds_previous = any(
        service.reader.has_entry(entry_id)
        for entry_id in previous
        if entry_id != Organisation.ID  # a DPO may set the organisation without the example
    )
    for item in example.items:
        if not service.reader.has_entry(item.entry_id):
            _register(planned, item, example.day, holds_previous)
        elif holds_previous:
            _correct(planned, service, item, example.day, previous.get(item.entry_id, {}))
        else:
            planned.left_alone.append(f"{item.kind} {item.label}: already in the register")
    if holds_previous:
        for retirement in example.retirements:
            _retire(planned, service, retirement, example.day)
    return planned


def _register(planned: Plan, item: Item, day: date, correcting: bool) -> None:
    reason = (item.correction or CORRECTION) if correcting else REASON
    provenance: dict[str, Any] = {"actor": ACTOR, "effective_from": day, "reason": reason}
    if item.kind == EntryKind.ORGANISATION:
        planned.commands.append(SetOrganisation(content=item.content, **provenance))
    else:
        planned.commands.append(
            RegisterEntry(
                kind=item.kind, content=item.content, entry_id=item.entry_id, **provenance
            )
        )
    planned.done.append(f"registered {item.kind} {item.label}")


def _correct(
    planned: Plan, service: Service, item: Item, day: date, was: Mapping[str, Any]
) -> None:
    """Amend the fields that still hold the previous example's value on ``day``."""
    changes = service.reader.changes(item.kind, item.entry_id)
    state = state_at(changes, day)
    if state is None or not state.in_register:
        planned.left_alone.append(
            f"{item.kind} {item.label}: not in the register on {day.isoformat()}; not corrected"
        )
        return
    amended: dict[str, Any] = {}
    for name, wanted in item.content.items():
        stands = state.fields.get(name)
        if stands == wanted:
            continue
        lapsed = retired_later(service, item.kind, {name: wanted}, day)
        if lapsed:
            planned.left_alone.append(
                f"{item.kind} {item.label}: '{name}' would name {', '.join(lapsed)}; left as it is"
            )
        elif name in was and stands == was[name]:
            amended[name] = wanted
        else:
            planned.left_alone.append(
                f"{item.kind} {item.label}: '{name}' was changed after the example was loaded; "
                "left as it is"
            )
    if not amended:
        return
    planned.commands.append(
        AmendEntry(
            actor=ACTOR,
            kind=item.kind,
            entry_id=item.entry_id,
            content=amended,
            effective_from=day,
            reason=item.correction or CORRECTION,
        )
    )
    planned.done.append(f"corrected {item.kind} {item.label}: {', '.join(sorted(amended))}")
    planned.left_alone.extend(_superseded(item, changes, day, amended))


def _superseded(
    item: Item, changes: list[Change], day: date, amended: Mapping[str, Any]
) -> list[str]:
    """The corrected fields that a later-effective change sets again: from then on it shows."""
    later: dict[str, date] = {}
    for change in changes:
        if change.kind == AMENDED and change.effective_from > day:
            for name in set(change.fields) & set(amended):
                later[name] = min(later.get(name, change.effective_from), change.effective_from)
    return [
        f"{item.kind} {item.label}: '{name}' is corrected until {since.isoformat()}, when a "
        "later change sets it; that change is left as it is"
        for name, since in sorted(later.items())
    ]


def _retire(planned: Plan, service: Service, retirement: Retirement, day: date) -> None:
    """Retire an entry the example dropped, unless the store (after the corrections planned
    before it) still names it somewhere: then retiring would leave a dangling reference."""
    if not service.reader.has_entry(retirement.entry_id):
        return
    state = state_at(service.reader.changes(retirement.kind, retirement.entry_id), day)
    if state is None or not state.in_register:
        return
    name = state.fields.get("name", str(retirement.entry_id))
    corrected = {
        command.entry_id: command.content["recipients"]
        for command in planned.commands
        if isinstance(command, AmendEntry) and "recipients" in command.content
    }
    naming = still_naming(service, retirement.entry_id, day, corrected)
    if naming:
        planned.left_alone.append(
            f"{retirement.kind} {name}: not retired, because {', '.join(naming)} still "
            "name it; unlink it there, then run load-example again"
        )
        return
    planned.commands.append(
        RetireEntry(
            actor=ACTOR,
            kind=retirement.kind,
            entry_id=retirement.entry_id,
            effective_from=day,
            reason=retirement.reason,
        )
    )
    planned.done.append(f"retired {retirement.kind} {name}")
