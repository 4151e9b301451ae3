"""The privacy statement's rules (Arts. 12–14): what a change to a controller's activity means
for what the statement must say.

They apply to activities where the organisation decides (controller or joint controller): a
processor has no Art. 13/14 duty for its clients' data. The rules on an activity's content apply
to an activity on both sides of the change; a new activity is NOTICE-ACTIVITY-ADDED, which
already asks for all of its content.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from register.domain.followups import words
from register.domain.followups.context import (
    Comparison,
    per_activity,
    per_changed_activity,
)
from register.domain.followups.model import CHECK, INFO, MUST, Finding, Rule
from register.domain.followups.reading import (
    Side,
    decides,
    is_ctrl,
    keyed,
    links,
    norm,
    retention,
)
from register.domain.views import EntryView

DATA_SUBJECT_SOURCE = "data_subject"

ACTIVITY_ADDED = Rule(
    "NOTICE-ACTIVITY-ADDED",
    "13, 14",
    MUST,
    "Nieuwe verwerking '{name}': neem doelen, grondslag, gegevens, ontvangers, bewaartermijn en "
    "eventuele doorgifte op in de privacyverklaring vóórdat de verwerking begint.",
    "New processing activity '{name}': add its purposes, legal basis, data, recipients, "
    "retention and any transfers to the privacy statement before the processing starts.",
)
ACTIVITY_RETIRED = Rule(
    "NOTICE-ACTIVITY-RETIRED",
    "12(1), 13",
    MUST,
    "Verwerking '{name}' is beëindigd: haal de beschrijving uit de privacyverklaring.",
    "Processing activity '{name}' has ended: remove its description from the privacy statement.",
)
DATA_CATEGORY = Rule(
    "NOTICE-DATA-CATEGORY",
    "13, 14(1)(d)",
    MUST,
    "Nieuwe gegevenscategorie(ën) {cats} bij '{name}': vermeld ze in de privacyverklaring "
    "(verplicht als de gegevens niet van de betrokkene zelf komen).",
    "New data categor(y/ies) {cats} in '{name}': list them in the privacy statement (mandatory "
    "where the data are not obtained from the data subject).",
)
DATA_SUBJECT = Rule(
    "NOTICE-DATA-SUBJECT",
    "12(1), 13, 14",
    MUST,
    "Nieuwe groep betrokkenen {subjects} bij '{name}': zorg dat ook deze mensen de "
    "privacyinformatie krijgen, in taal die zij begrijpen.",
    "New group of data subjects {subjects} in '{name}': make sure these people also receive the "
    "privacy information, in language they understand.",
)
RECIPIENT_CATEGORY = Rule(
    "NOTICE-RECIPIENT-CATEGORY",
    "13(1)(e), 14(1)(e)",
    MUST,
    "Nieuwe categorie ontvangers '{category}' bij '{name}': vermeld deze in de privacyverklaring.",
    "New category of recipient '{category}' in '{name}': add it to the privacy statement.",
)
RECIPIENT_NAMED = Rule(
    "NOTICE-RECIPIENT-NAMED",
    "13(1)(e); WP260 rev.01",
    INFO,
    "Nieuwe ontvanger {recipient} bij '{name}' in een bestaande categorie: werk de "
    "privacyverklaring bij als die ontvangers bij naam noemt.",
    "New recipient {recipient} in '{name}' within an existing category: update the privacy "
    "statement if it names recipients.",
)
RETENTION = Rule(
    "NOTICE-RETENTION",
    "13(2)(a), 14(2)(a)",
    MUST,
    "De bewaartermijn van '{name}' is gewijzigd van {old} naar {new}: pas de privacyverklaring "
    "aan.",
    "The retention of '{name}' changed from {old} to {new}: update the privacy statement.",
)
TRANSFER = Rule(
    "NOTICE-TRANSFER",
    "13(1)(f), 14(1)(f)",
    MUST,
    "Nieuwe doorgifte naar {country} bij '{name}': vermeld het land, of er een "
    "adequaatheidsbesluit is, welke waarborg geldt en hoe men een kopie krijgt.",
    "New transfer to {country} in '{name}': state the country, whether an adequacy decision "
    "exists, which safeguard applies and how to obtain a copy.",
)
SOURCE = Rule(
    "NOTICE-SOURCE",
    "14(2)(f), 14(3)",
    MUST,
    "Nieuwe bron {source} bij '{name}': vermeld de bron (en of die openbaar is) en informeer "
    "betrokkenen binnen een maand.",
    "New source {source} in '{name}': state the source (and whether it is publicly accessible) "
    "and inform data subjects within one month.",
)
ADM = Rule(
    "NOTICE-ADM",
    "13(2)(f), 14(2)(g), 22",
    MUST,
    "'{name}' bevat nu geautomatiseerde besluitvorming: beschrijf de logica, het belang en de "
    "gevolgen in de privacyverklaring en borg menselijke tussenkomst.",
    "'{name}' now involves automated decision-making: describe the logic, significance and "
    "consequences in the privacy statement and ensure human intervention.",
)

RULES = (
    ACTIVITY_ADDED,
    ACTIVITY_RETIRED,
    DATA_CATEGORY,
    DATA_SUBJECT,
    RECIPIENT_CATEGORY,
    RECIPIENT_NAMED,
    RETENTION,
    TRANSFER,
    SOURCE,
    ADM,
)


@per_activity
def activity_came_or_went(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if before is None and after is not None and is_ctrl(after):
        yield ACTIVITY_ADDED.on(after, "", None, after.fields.get("name"))
    if before is not None and after is None and is_ctrl(before):
        yield ACTIVITY_RETIRED.on(before, "", before.fields.get("name"), None)


def _new_items(before: EntryView, after: EntryView, field: str) -> list[Any]:
    old = keyed(before, field)
    return [item for key, item in keyed(after, field).items() if key not in old]


def _from_data_subject_only(activity: EntryView) -> bool:
    sources = keyed(activity, "sources").values()
    return bool(sources) and all(
        isinstance(s, dict) and s.get("kind") == DATA_SUBJECT_SOURCE for s in sources
    )


@per_changed_activity("data_categories", "data_subjects", "sources")
def content_added(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    """New data categories, data subjects and sources of an activity the statement describes."""
    if before is None or after is None or not is_ctrl(after):
        return
    categories = _new_items(before, after, "data_categories")
    if categories:
        severity = CHECK if _from_data_subject_only(after) else MUST
        yield DATA_CATEGORY.on(
            after,
            "data_categories",
            None,
            categories,
            severity=severity,
            cats=words.names(categories),
        )
    subjects = _new_items(before, after, "data_subjects")
    if subjects:
        yield DATA_SUBJECT.on(
            after, "data_subjects", None, subjects, subjects=words.names(subjects)
        )
    for source in _new_items(before, after, "sources"):
        if not (isinstance(source, dict) and source.get("kind") == DATA_SUBJECT_SOURCE):
            yield SOURCE.on(
                after,
                f"sources[{norm(source['name'])}]",
                None,
                source,
                source=words.names([source]),
            )


def _categories(side: Side, activity: EntryView | None) -> set[str]:
    found = (side.recipient_field(r, "category") for r in links(activity))
    return {category for category in found if category}


@per_changed_activity("recipients", linked=True)
def recipients_added(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    """A category of recipient the statement does not name yet, by a new link or by a linked
    recipient's category changing; else a new recipient in a category it names."""
    if before is None or after is None or not is_ctrl(after):
        return
    old_categories = _categories(c.old, before)
    for category in sorted(_categories(c.new, after) - old_categories):
        yield RECIPIENT_CATEGORY.on(
            after,
            f"recipients.category[{category}]",
            None,
            category,
            category=words.category(category),
        )
    old_links = links(before)
    for recipient_id in links(after):
        category = c.new.recipient_field(recipient_id, "category")
        if recipient_id not in old_links and (category is None or category in old_categories):
            yield RECIPIENT_NAMED.on(
                after,
                f"recipients[{recipient_id}]",
                None,
                recipient_id,
                recipient=words.recipient(c.new, recipient_id),
            )


def _retention_terms(activity: EntryView) -> set[tuple[str, str, str, str]] | None:
    rules = retention(activity)
    if rules is None:
        return None
    return {
        (key, rule.get("period") or "", norm(rule.get("trigger")), norm(rule.get("criteria")))
        for key, rule in rules.items()
    }


@per_changed_activity("retention")
def retention_changed(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    """The periods, the events that start or end them, or the criteria: what Art. 13(2)(a) asks
    the statement to say; a reworded note is not a change of the retention."""
    if before is None or after is None or not is_ctrl(after):
        return
    if _retention_terms(before) != _retention_terms(after):
        old, new = before.fields.get("retention"), after.fields.get("retention")
        yield RETENTION.on(
            after, "retention", old, new, old=words.retention(old), new=words.retention(new)
        )


def _places(side: Side, activity: EntryView | None) -> dict[str, set[str | None]]:
    places: dict[str, set[str | None]] = {}
    for destination in side.destinations(activity):
        places.setdefault(destination.place, set()).add(destination.safeguard)
    return places


def new_transfers(
    rule: Rule, c: Comparison, before: EntryView | None, after: EntryView
) -> Iterator[Finding]:
    """``rule`` for each country (or organisation) the activity now transfers to, or whose
    safeguard changed."""
    old, new = _places(c.old, before), _places(c.new, after)
    for place in sorted(p for p, safeguards in new.items() if old.get(p) != safeguards):
        destination = next(d for d in c.new.destinations(after) if d.place == place)
        yield rule.on(after, f"transfers[{place}]", None, place, country=words.place(destination))


@per_changed_activity("recipients", "transfers", linked=True)
def transfer_added(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if before is not None and after is not None and is_ctrl(after):
        yield from new_transfers(TRANSFER, c, before, after)


@per_changed_activity("automated_decision_making", came=True)
def adm_started(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    """Also for a new activity: NOTICE-ACTIVITY-ADDED does not ask for the Art. 22 information."""
    if after is not None and is_ctrl(after) and decides(after) and not decides(before):
        yield ADM.on(after, "automated_decision_making.applies", None, True)


TRIGGERS = (
    activity_came_or_went,
    content_added,
    recipients_added,
    retention_changed,
    transfer_added,
    adm_started,
)
