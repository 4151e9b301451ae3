"""The processor's duties (Art. 28, 30(2)): telling client organisations about sub-processors
before they start, contracts with processors and with clients, and staying within the clients'
instructions.

A recipient linked to a processor activity is a sub-processor of it, whatever its usual role.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from register.domain.followups import words
from register.domain.followups.context import (
    Comparison,
    Recorded,
    each_activity,
    per_changed_activity,
)
from register.domain.followups.model import CHECK, INFO, MUST, Finding, Rule
from register.domain.followups.notices import new_transfers
from register.domain.followups.reading import (
    PROCESSOR_ROLES,
    Side,
    is_proc,
    keyed,
    links,
    listed,
    norm,
)
from register.domain.views import EntryView

SUBPROCESSOR_ADDED = Rule(
    "SUBPROC-ADDED",
    "28(2), 28(4)",
    MUST,
    "Nieuwe subverwerker {recipient} bij '{name}': informeer de klantorganisaties ({controllers}) "
    "vooraf, geef hun gelegenheid tot bezwaar en leg dezelfde verplichtingen contractueel op.",
    "New sub-processor {recipient} in '{name}': inform the client organisations ({controllers}) "
    "in advance, let them object, and impose the same obligations by contract.",
)
NOTICE_TIMING = Rule(
    "SUBPROC-NOTICE-TIMING",
    "28(2)",
    CHECK,
    "De subverwerkerswijziging bij '{name}' is pas op of na {effective_from} vastgelegd: "
    "controleer dat de klanten vóór die datum zijn geïnformeerd.",
    "The sub-processor change in '{name}' was recorded on or after {effective_from}: confirm the "
    "clients were informed before that date.",
)
SUBPROCESSOR_REPLACED = Rule(
    "SUBPROC-REPLACED",
    "28(2)",
    MUST,
    "Subverwerker {old} is vervangen door {new} bij '{name}': informeer de klantorganisaties "
    "vooraf over de vervanging en geef gelegenheid tot bezwaar.",
    "Sub-processor {old} is replaced by {new} in '{name}': inform the client organisations in "
    "advance and allow them to object.",
)
SUBPROCESSOR_REMOVED = Rule(
    "SUBPROC-REMOVED",
    "28(3)(g), 28(4)",
    INFO,
    "Subverwerker {recipient} is vertrokken bij '{name}': zorg dat die de gegevens heeft "
    "verwijderd of teruggegeven en werk de subverwerkerslijst bij.",
    "Sub-processor {recipient} left '{name}': make sure it deleted or returned the data, and "
    "update the sub-processor list.",
)
TRANSFER_INSTRUCTION = Rule(
    "PROC-TRANSFER-INSTRUCTION",
    "28(3)(a), Ch. V",
    MUST,
    "'{name}' geeft nu door naar {country}: dat mag alleen op gedocumenteerde instructie van de "
    "klantorganisaties, met een passende waarborg.",
    "'{name}' now transfers to {country}: this is allowed only on the client organisations' "
    "documented instructions, with an appropriate safeguard.",
)
NO_AGREEMENT = Rule(
    "PROCESSOR-NO-DPA",
    "28(3), 28(4), 28(9)",
    MUST,
    "Voor verwerker {recipient} is geen verwerkersovereenkomst vastgelegd: sluit een schriftelijke "
    "overeenkomst die aan art. 28 lid 3 voldoet en leg referentie en datum vast.",
    "No data-processing agreement is recorded for processor {recipient}: conclude a written "
    "agreement meeting Art. 28(3) and record its reference and date.",
)
CONTROLLER_ADDED = Rule(
    "CONTROLLERS-ADDED",
    "30(2)(a), 28(3)",
    MUST,
    "Klantorganisatie {controller} is toegevoegd aan '{name}': leg naam en contactgegevens vast in "
    "het verwerkersregister en sluit een verwerkersovereenkomst met deze klant.",
    "Client organisation {controller} was added to '{name}': record its name and contact details "
    "in the processor register and conclude a processing agreement with it.",
)
CONTROLLER_REMOVED = Rule(
    "CONTROLLERS-REMOVED",
    "28(3)(g), 30(2)(a)",
    MUST,
    "Klantorganisatie {controller} is vertrokken bij '{name}': verwijder of retourneer haar "
    "gegevens naar haar keuze, laat subverwerkers hetzelfde doen en werk het register bij.",
    "Client organisation {controller} left '{name}': delete or return its data as it chooses, "
    "have sub-processors do the same, and update the register.",
)
CATEGORIES_CHANGED = Rule(
    "PROC-CATEGORIES-CHANGED",
    "28(3)(a), 29, 28(10), 30(2)(b)",
    CHECK,
    "De categorieën van verwerking bij '{name}' zijn gewijzigd: controleer dat dit binnen de "
    "schriftelijke instructies van de klanten valt en werk het verwerkersregister bij.",
    "The categories of processing in '{name}' changed: check that this stays within the clients' "
    "written instructions and update the processor register.",
)
CHK_NO_AGREEMENT = Rule(
    "CHK-PROCESSOR-NO-DPA",
    "28(3)",
    MUST,
    "Voor verwerker {recipient} is geen verwerkersovereenkomst vastgelegd.",
    "No data-processing agreement is recorded for processor {recipient}.",
)
CHK_CONTROLLERS = Rule(
    "CHK-PROC-CONTROLLERS",
    "30(2)(a)",
    MUST,
    "'{name}' noemt niet voor welke klantorganisaties (met contactgegevens) wordt verwerkt.",
    "'{name}' does not name the client organisations (with contact details) it processes for.",
)
CHK_CATEGORIES = Rule(
    "CHK-PROC-CATEGORIES",
    "30(2)(b)",
    MUST,
    "'{name}' noemt geen categorieën van verwerking.",
    "'{name}' lists no categories of processing.",
)

RULES = (
    SUBPROCESSOR_ADDED,
    NOTICE_TIMING,
    SUBPROCESSOR_REPLACED,
    SUBPROCESSOR_REMOVED,
    TRANSFER_INSTRUCTION,
    NO_AGREEMENT,
    CONTROLLER_ADDED,
    CONTROLLER_REMOVED,
    CATEGORIES_CHANGED,
)
CHECK_RULES = (CHK_NO_AGREEMENT, CHK_CONTROLLERS, CHK_CATEGORIES)


def _clients(activity: EntryView) -> words.Said:
    names = [
        str(c.get("name") if isinstance(c, Mapping) else c) for c in listed(activity, "controllers")
    ]
    return words.plain(", ".join(names)) if names else words.NOT_RECORDED


@dataclass(frozen=True)
class SubprocessorLinks:
    """A processor activity's recipient links as a change leaves them, as the rules read them:
    every linked recipient counts, removed and added ones are paired off in link order as
    replacements, and a recipient renamed while linked is one too. A new processor activity
    adds all of its own. (The notice letters read ``notices.changes``, which pairs by name and
    leaves out recipients whose role is plainly not a sub-processor's.)"""

    activity: EntryView
    linked: tuple[uuid.UUID, ...]  # its sub-processors after the change
    added: tuple[uuid.UUID, ...]
    removed: tuple[uuid.UUID, ...]
    renamed: tuple[uuid.UUID, ...]

    @property
    def replaced(self) -> list[tuple[uuid.UUID, uuid.UUID]]:
        return list(zip(self.removed, self.added, strict=False))

    @property
    def listed(self) -> bool:
        """Whether the list itself changed by a sub-processor that came: one the clients must
        be told of in advance."""
        return bool(self.added)


def subprocessor_links(c: Comparison) -> list[SubprocessorLinks]:
    """The processor activities' sub-processors as the change leaves them. Only an activity
    whose recipients changed, that came with recipients, or that links a recipient that changed
    can have had them change."""
    touched = c.changed(("recipients",), came=True, linked=True)
    return [found for pair in touched if (found := _subprocessor_links(c, *pair)) is not None]


def _subprocessor_links(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> SubprocessorLinks | None:
    if after is None or not is_proc(after):
        return None
    old, new = links(before), links(after)
    renamed = [
        r
        for r in new.keys() & old.keys()
        if c.old.recipient_field(r, "name") != c.new.recipient_field(r, "name")
    ]
    return SubprocessorLinks(
        after,
        tuple(new),
        tuple(r for r in new if r not in old),
        tuple(r for r in old if r not in new),
        tuple(renamed),
    )


def subprocessors_changed(c: Comparison) -> Iterator[Finding]:
    """What each change of sub-processors requires, and whether it was recorded too late to
    have told the clients in advance."""
    changes = subprocessor_links(c)
    for change in changes:
        yield from _subprocessors(c, change)
    yield from _notices_late(c, changes)


def _subprocessors(c: Comparison, change: SubprocessorLinks) -> Iterator[Finding]:
    activity, added, removed = change.activity, change.added, change.removed
    for gone, came in change.replaced:
        yield SUBPROCESSOR_REPLACED.on(
            activity,
            f"recipients[{gone}]",
            gone,
            came,
            old=words.recipient(c.old, gone),
            new=words.recipient(c.new, came),
        )
    for came in added[len(removed) :]:
        yield SUBPROCESSOR_ADDED.on(
            activity,
            f"recipients[{came}]",
            None,
            came,
            recipient=words.recipient(c.new, came),
            controllers=_clients(activity),
        )
    for gone in removed[len(added) :]:
        yield SUBPROCESSOR_REMOVED.on(
            activity, f"recipients[{gone}]", gone, None, recipient=words.recipient(c.old, gone)
        )
    for r in change.renamed:
        old_name, new_name = c.old.recipient_field(r, "name"), c.new.recipient_field(r, "name")
        yield SUBPROCESSOR_REPLACED.on(
            activity,
            f"recipients[{r}].name",
            old_name,
            new_name,
            old=words.plain(str(old_name)),
            new=words.plain(str(new_name)),
        )


def _notices_late(c: Comparison, changes: list[SubprocessorLinks]) -> Iterator[Finding]:
    """A sub-processor change whose last event was recorded on or after the day it took
    effect: too late to have told the clients in advance. The events are asked after once for
    every change of the comparison."""
    lists = c.events.last_settings("recipients", {ch.activity.id for ch in changes if ch.listed})
    names = c.events.last_settings("name", {r for ch in changes for r in ch.renamed})
    for change in changes:
        activity = change.activity
        for r in change.renamed:
            old_name, new_name = c.old.recipient_field(r, "name"), c.new.recipient_field(r, "name")
            for day in _late(names.get(r)):
                yield NOTICE_TIMING.on(
                    activity, f"recipients[{r}].name", old_name, new_name, effective_from=day
                )
        if change.listed:
            for day in _late(lists.get(activity.id)):
                yield NOTICE_TIMING.on(
                    activity,
                    "recipients",
                    None,
                    sorted(map(str, change.linked)),
                    effective_from=day,
                )


def _late(last: Recorded | None) -> Iterator[str]:
    if last is not None and last.recorded_on >= last.effective_from:
        yield last.effective_from.isoformat()


@per_changed_activity("recipients", "transfers", came=True, linked=True)
def transfers_started(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if after is not None and is_proc(after):
        yield from new_transfers(TRANSFER_INSTRUCTION, c, before, after)


def _agreed(recipient: EntryView | None) -> bool:
    agreement = (recipient.fields.get("data_processing_agreement") if recipient else None) or {}
    return bool(agreement.get("reference") or agreement.get("signed_on"))


def made_processors(side: Side) -> set[uuid.UUID]:
    """The recipients a link gives a processor role, whatever their own legal role (a
    processor activity's recipients act as sub-processors)."""
    return {
        recipient_id
        for activity in side.register.activities
        for recipient_id, link in links(activity).items()
        if link.get("role") in PROCESSOR_ROLES
    }


def _acts_as_processor(side: Side, recipient_id: uuid.UUID, made: Collection[uuid.UUID]) -> bool:
    own = side.recipient_field(recipient_id, "legal_role")
    return own in PROCESSOR_ROLES or recipient_id in made


def _linked(side: Side, recipient_id: uuid.UUID) -> bool:
    return any(recipient_id in links(activity) for activity in side.register.activities)


def _newly_lacking(c: Comparison) -> Iterator[tuple[EntryView, EntryView | None]]:
    """The recipients without an agreement that the change linked anew, or whose agreement it
    took off the record while they are linked, each with what it was before. New links are
    only in the activities the change touched."""
    newly_linked = {
        recipient_id
        for before, after in c.changed(("recipients",), came=True, linked=False)
        for recipient_id in links(after).keys() - links(before).keys()
    }
    for recipient_id, recipient in c.new.recipients.items():
        was = c.old.recipients.get(recipient_id)
        if not _agreed(recipient) and (
            recipient_id in newly_linked or (_agreed(was) and _linked(c.new, recipient_id))
        ):
            yield recipient, was


def agreement_missing(c: Comparison) -> Iterator[Finding]:
    """A processor newly linked to an activity, or whose agreement was taken off the record.
    The roles links give are read only when a recipient might need an agreement."""
    lacking = list(_newly_lacking(c))
    made = made_processors(c.new) if lacking else set()
    for recipient, was in lacking:
        if _acts_as_processor(c.new, recipient.id, made):
            before = was.fields.get("data_processing_agreement") if was else None
            yield NO_AGREEMENT.on(
                recipient,
                "data_processing_agreement",
                before,
                None,
                recipient=words.named(recipient),
            )


def _categories(activity: EntryView | None) -> tuple[Any, ...]:
    clients = keyed(activity, "controllers")
    return (
        sorted(norm(c) for c in listed(activity, "processing_categories")),
        sorted(
            (key, sorted(norm(p) for p in (c.get("processing_categories") or ())))
            for key, c in clients.items()
            if isinstance(c, Mapping)
        ),
    )


@per_changed_activity("controllers", "processing_categories", came=True)
def clients_changed(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if after is None or not is_proc(after):
        return
    old, new = keyed(before, "controllers"), keyed(after, "controllers")
    for key in new.keys() - old.keys():
        yield CONTROLLER_ADDED.on(
            after, f"controllers[{key}]", None, new[key], controller=words.names([new[key]])
        )
    if before is None:
        return
    for key in old.keys() - new.keys():
        yield CONTROLLER_REMOVED.on(
            after, f"controllers[{key}]", old[key], None, controller=words.names([old[key]])
        )
    if _categories(before) != _categories(after):
        yield CATEGORIES_CHANGED.on(
            after,
            "processing_categories",
            before.fields.get("processing_categories"),
            after.fields.get("processing_categories"),
        )


def agreements_standing(side: Side) -> Iterator[Finding]:
    made = made_processors(side)
    for recipient in side.register.recipients:
        if _acts_as_processor(side, recipient.id, made) and not _agreed(recipient):
            yield CHK_NO_AGREEMENT.on(
                recipient,
                "data_processing_agreement",
                recipient=words.named(recipient),
            )


def _reachable(client: Any) -> bool:
    """Whether a client controller has contact details: an address, or a contact to reach."""
    if not isinstance(client, Mapping):
        return False
    contact = client.get("contact") or {}
    return bool(client.get("address") or any(contact.get(k) for k in ("email", "phone", "address")))


@each_activity
def processor_record(side: Side, activity: EntryView) -> Iterator[Finding]:
    if not is_proc(activity):
        return
    clients = listed(activity, "controllers")
    if not clients or not all(_reachable(client) for client in clients):
        yield CHK_CONTROLLERS.on(activity, "controllers")
    if not listed(activity, "processing_categories"):
        yield CHK_CATEGORIES.on(activity, "processing_categories")


TRIGGERS = (
    subprocessors_changed,
    transfers_started,
    agreement_missing,
    clients_changed,
)
CHECKS = (agreements_standing, processor_record)
