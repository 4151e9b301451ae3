"""When a change calls for a data protection impact assessment, or for reviewing one (Art. 35).

These rules ask the DPO to judge; the register cannot decide "likely to result in a high risk".
They apply to every role: a processor assists its clients with their DPIAs (Art. 28(3)(f)).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from register.domain.followups import words
from register.domain.followups.context import (
    Comparison,
    each_activity,
    per_changed_activity,
)
from register.domain.followups.model import CHECK, INFO, MUST, Finding, Rule
from register.domain.followups.reading import Side, decides, flag, keyed, per_entry
from register.domain.views import EntryView
from register.domain.vocabulary import DPIA_CRITERIA

SCREENING_THRESHOLD = 2  # WP248 rev.01: two criteria or more usually call for a DPIA
SUBSTANCE = (
    "purposes",
    "data_categories",
    "data_subjects",
    "recipients",
    "transfers",
    "systems",
    "automated_decision_making",
)

SPECIAL_CATEGORY = Rule(
    "DPIA-SPECIAL-CATEGORY",
    "35(1), 35(3)(b); AP-lijst (Stcrt. 2019, 64418)",
    CHECK,
    "'{name}' verwerkt nu bijzondere of strafrechtelijke persoonsgegevens ({cats}): beoordeel of "
    "een DPIA verplicht is (grootschalig, AP-lijst).",
    "'{name}' now processes special-category or criminal-offence data ({cats}): assess whether a "
    "DPIA is required (large scale, AP list).",
)
AUTOMATED = Rule(
    "DPIA-ADM",
    "35(3)(a)",
    CHECK,
    "'{name}' neemt nu geautomatiseerde besluiten: beoordeel of een DPIA verplicht is.",
    "'{name}' now makes automated decisions: assess whether a DPIA is required.",
)
SCREENING = Rule(
    "DPIA-SCREENING",
    "35(1), 35(3)(c), 35(4); WP248 rev.01",
    MUST,
    "'{name}' voldoet nu aan {n} DPIA-criteria ({list}): voer een DPIA uit vóór de verwerking.",
    "'{name}' now meets {n} DPIA criteria ({list}): carry out a DPIA before the processing.",
)
NEW_SYSTEM = Rule(
    "DPIA-NEW-SYSTEM",
    "35(1)",
    INFO,
    "Nieuw systeem {system} bij '{name}': ga na of dit nieuwe technologie is waarvoor een "
    "DPIA-screening nodig is.",
    "New system {system} in '{name}': check whether this is new technology that needs DPIA "
    "screening.",
)
REVIEW = Rule(
    "DPIA-REVIEW",
    "35(11)",
    CHECK,
    "'{name}' heeft een DPIA en is inhoudelijk gewijzigd ({fields}): herbeoordeel de DPIA.",
    "'{name}' has a DPIA and changed in substance ({fields}): review the DPIA.",
)
OUTSTANDING = Rule(
    "CHK-DPIA-OUTSTANDING",
    "35",
    MUST,
    "Voor '{name}' is een DPIA nodig maar niet vastgelegd.",
    "'{name}' needs a DPIA but none is recorded.",
)

RULES = (SPECIAL_CATEGORY, AUTOMATED, SCREENING, NEW_SYSTEM, REVIEW)
CHECK_RULES = (OUTSTANDING,)


def _dpia(activity: EntryView | None) -> Mapping[str, Any]:
    return (activity.fields.get("dpia") if activity is not None else None) or {}


@per_entry
def sensitive(activity: EntryView | None) -> Mapping[str, Any]:
    """The activity's special-category or criminal data categories, by name."""
    return {
        key: item
        for key, item in keyed(activity, "data_categories").items()
        if flag(item, "special_category") or flag(item, "criminal")
    }


@per_changed_activity("data_categories", came=True)
def now_sensitive(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    old = sensitive(before)
    new = [item for key, item in sensitive(after).items() if key not in old]
    if after is not None and new:
        yield SPECIAL_CATEGORY.on(after, "data_categories", None, new, cats=words.names(new))


@per_changed_activity("automated_decision_making", came=True)
def now_automated(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if after is not None and decides(after) and not decides(before):
        yield AUTOMATED.on(after, "automated_decision_making.applies", None, True)


@per_changed_activity("dpia", came=True)
def criteria_met(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    old = set(_dpia(before).get("criteria") or ())
    new = list(_dpia(after).get("criteria") or ())
    if after is not None and len(new) >= SCREENING_THRESHOLD and not set(new) <= old:
        listed = words.joined(words.term(DPIA_CRITERIA, code) for code in new)
        yield SCREENING.on(after, "dpia.criteria", sorted(old), new, n=len(new), list=listed)


@per_changed_activity("systems", came=True)
def systems_added(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    old = keyed(before, "systems")
    for key, system in keyed(after, "systems").items():
        if after is not None and key not in old:
            yield NEW_SYSTEM.on(
                after, f"systems[{key}]", None, system, system=words.names([system])
            )


@per_changed_activity(*SUBSTANCE)
def assessed_changed(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if before is None or after is None:
        return
    dpia = _dpia(after)
    if dpia.get("required") is not True and not dpia.get("reference"):
        return
    changed = [f for f in SUBSTANCE if before.fields.get(f) != after.fields.get(f)]
    if changed:
        yield REVIEW.on(after, "dpia", None, changed, fields=words.plain(", ".join(changed)))


@each_activity
def dpia_outstanding(side: Side, activity: EntryView) -> Iterator[Finding]:
    dpia = _dpia(activity)
    if dpia.get("required") is True and not dpia.get("reference"):
        yield OUTSTANDING.on(activity, "dpia.reference")


TRIGGERS = (now_sensitive, now_automated, criteria_met, systems_added, assessed_changed)
CHECKS = (dpia_outstanding,)
