"""Chapter V: transfers out of the EEA, recorded or implied by a linked recipient's country
(Arts. 44–49, 30(1)(e), 30(2)(c)).

A change raises a transfer rule when its condition holds for a destination after the change and
did not hold for the same destination before: a gap that was already there is the completeness
checks' to report, not news of this change. Adequacy is judged on the later register's day, so a
decision that lapsed in between counts as a change too.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import replace

from register.domain.followups import words
from register.domain.followups.context import Comparison, each_activity, per_activity
from register.domain.followups.model import CHECK, INFO, MUST, Finding, Rule
from register.domain.followups.reading import ADEQUACY, Destination, Side
from register.domain.views import EntryView

UNITED_STATES = "US"
ASSESSED_SAFEGUARDS = frozenset({"standard_contractual_clauses", "binding_corporate_rules"})
DEROGATION_PREFIX = "art49"

SAFEGUARD_MISSING = Rule(
    "TRANSFER-SAFEGUARD-MISSING",
    "44, 46, 30(1)(e), 30(2)(c)",
    MUST,
    "De doorgifte naar {country} ({recipient}) bij '{name}' heeft geen vastgelegde waarborg: leg "
    "een adequaatheidsbesluit, standaardcontractbepalingen, BCR of art. 49-uitzondering vast, of "
    "stop de doorgifte.",
    "The transfer to {country} ({recipient}) in '{name}' has no recorded safeguard: record an "
    "adequacy decision, SCCs, BCRs or an Art. 49 derogation, or stop the transfer.",
)
ADEQUACY_AVAILABLE = Rule(
    "TRANSFER-ADEQUACY-AVAILABLE",
    "45",
    INFO,
    "Voor {country} bestaat een adequaatheidsbesluit: leg dat vast als waarborg.",
    "An adequacy decision covers {country}: record it as the safeguard.",
)
US_DPF = Rule(
    "TRANSFER-US-DPF",
    "45; Decision (EU) 2023/1795",
    CHECK,
    "Een doorgifte naar de VS op grond van adequaatheid geldt alleen als {recipient} actief "
    "gecertificeerd is onder het EU-VS Data Privacy Framework (zo nodig ook voor HR-gegevens): "
    "controleer de DPF-lijst en leg de datum vast.",
    "A transfer to the US on adequacy is valid only if {recipient} holds an active EU-US Data "
    "Privacy Framework certification (covering HR data where relevant): check the DPF list and "
    "record the date.",
)
ADEQUACY_NOT_IN_FORCE = Rule(
    "TRANSFER-ADEQUACY-NOT-IN-FORCE",
    "45",
    MUST,
    "Op {date} gold voor {country} geen adequaatheidsbesluit: kies een andere waarborg.",
    "No adequacy decision covered {country} on {date}: choose another safeguard.",
)
DEROGATION = Rule(
    "TRANSFER-ART49",
    "49(1), 49(6), 30(1)(e)",
    CHECK,
    "Doorgifte naar {country} op grond van een art. 49-uitzondering: leg vast welke uitzondering "
    "geldt en dat de doorgifte incidenteel is, en bij de uitzondering van de tweede alinea ook de "
    "waarborgen, de melding aan de AP en de informatie aan betrokkenen.",
    "Transfer to {country} under an Art. 49 derogation: record which derogation applies and that "
    "the transfer is occasional, and for the second-subparagraph case also the safeguards, the "
    "notice to the AP and the information to data subjects.",
)
IMPACT_ASSESSMENT = Rule(
    "TRANSFER-TIA",
    "46; C-311/18; EDPB Recommendations 01/2020",
    CHECK,
    "Doorgifte naar {country} op basis van {safeguard}: voer een doorgiftetoets (TIA) uit en leg "
    "aanvullende maatregelen vast.",
    "Transfer to {country} based on {safeguard}: carry out a transfer impact assessment and "
    "record any supplementary measures.",
)
UNRECORDED = Rule(
    "TRANSFER-UNRECORDED",
    "30(1)(e), 30(2)(c)",
    MUST,
    "Ontvanger {recipient} zit in {country}, buiten de EER, maar '{name}' registreert geen "
    "doorgifte: vul de doorgifte in het register aan.",
    "Recipient {recipient} is in {country}, outside the EEA, but '{name}' records no transfer: "
    "add the transfer to the register.",
)
COUNTRY_CHANGED = Rule(
    "RECIPIENT-COUNTRY-CHANGED",
    "Ch. V; 28(2)",
    CHECK,
    "Het land van {recipient} is gewijzigd van {old} naar {new}: beoordeel of er nu een "
    "doorgifte is en welke waarborg nodig is.",
    "{recipient}'s country changed from {old} to {new}: assess whether this is now a transfer "
    "and which safeguard is needed.",
)
CHK_NO_SAFEGUARD = replace(SAFEGUARD_MISSING, code="CHK-TRANSFER-NO-SAFEGUARD", articles="44–46")
CHK_UNRECORDED = replace(UNRECORDED, code="CHK-TRANSFER-UNRECORDED", articles="30(1)(e)")

RULES = (
    SAFEGUARD_MISSING,
    ADEQUACY_AVAILABLE,
    US_DPF,
    ADEQUACY_NOT_IN_FORCE,
    DEROGATION,
    IMPACT_ASSESSMENT,
    UNRECORDED,
    COUNTRY_CHANGED,
)
CHECK_RULES = (CHK_NO_SAFEGUARD, CHK_UNRECORDED)

# A condition on a destination: a value when it holds (which value, where a change of it is
# news, such as another Art. 49 point), None when it does not.
Condition = Callable[[Side, Destination], Hashable | None]


def no_safeguard(side: Side, d: Destination) -> Hashable | None:
    return True if d.safeguard is None else None


def not_recorded(side: Side, d: Destination) -> Hashable | None:
    return True if not d.recorded else None


def certification_unknown(side: Side, d: Destination) -> Hashable | None:
    on_adequacy = d.country == UNITED_STATES and d.safeguard == ADEQUACY
    return True if on_adequacy and side.certified(d.recipient) is None else None


def adequacy_lacking(side: Side, d: Destination) -> Hashable | None:
    if d.safeguard != ADEQUACY or certification_unknown(side, d) or side.adequate(d):
        return None
    return True


def derogation(side: Side, d: Destination) -> Hashable | None:
    return d.safeguard if (d.safeguard or "").startswith(DEROGATION_PREFIX) else None


def unassessed(side: Side, d: Destination) -> Hashable | None:
    return d.safeguard if d.safeguard in ASSESSED_SAFEGUARDS and not d.tia_ref else None


def _path(d: Destination) -> str:
    return f"transfers[{d.place}]" if d.recorded else f"recipients[{d.recipient}].country"


def _raise(rule: Rule, side: Side, activity: EntryView, d: Destination) -> Finding:
    after = d.safeguard if d.recorded else d.country
    return rule.on(
        activity,
        _path(d),
        None,
        after,
        country=words.place(d),
        recipient=words.recipient(side, d.recipient),
        safeguard=words.safeguard(d.safeguard),
        date=side.day.isoformat(),
    )


def _missing(side: Side, activity: EntryView, d: Destination) -> Iterator[Finding]:
    yield _raise(SAFEGUARD_MISSING, side, activity, d)
    if d.country != UNITED_STATES and side.adequate(d):
        yield _raise(ADEQUACY_AVAILABLE, side, activity, d)


RULE_CONDITIONS: tuple[tuple[Rule, Condition], ...] = (
    (US_DPF, certification_unknown),
    (ADEQUACY_NOT_IN_FORCE, adequacy_lacking),
    (DEROGATION, derogation),
    (IMPACT_ASSESSMENT, unassessed),
    (UNRECORDED, not_recorded),
)


@per_activity
def destination_rules(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    """Any role: a processor's transfers need a safeguard as much as a controller's."""
    new = c.new.destinations(after)
    if after is None or not new:
        return
    old = c.old.destinations(before)
    for d in new:
        same = [o for o in old if (o.place, o.recipient) == (d.place, d.recipient)]
        if no_safeguard(c.new, d) and not any(no_safeguard(c.old, o) for o in same):
            yield from _missing(c.new, after, d)
        for rule, condition in RULE_CONDITIONS:
            value = condition(c.new, d)
            if value is not None and all(condition(c.old, o) != value for o in same):
                yield _raise(rule, c.new, after, d)


def country_changed(c: Comparison) -> Iterator[Finding]:
    for recipient_id, recipient in c.new.recipients.items():
        old = c.old.recipients.get(recipient_id)
        if old is None:
            continue
        was, now = old.fields.get("country"), recipient.fields.get("country")
        if was != now and recipient_id in c.new.linked_to:
            yield COUNTRY_CHANGED.on(
                recipient,
                "country",
                was,
                now,
                recipient=words.named(recipient),
                old=words.country(was) if was else words.NOT_RECORDED,
                new=words.country(now) if now else words.NOT_RECORDED,
            )


@each_activity
def standing_gaps(side: Side, activity: EntryView) -> Iterator[Finding]:
    for d in side.destinations(activity):
        if no_safeguard(side, d):
            yield _raise(CHK_NO_SAFEGUARD, side, activity, d)
        if not_recorded(side, d):
            yield _raise(CHK_UNRECORDED, side, activity, d)


TRIGGERS = (destination_rules, country_changed)
CHECKS = (standing_gaps,)
