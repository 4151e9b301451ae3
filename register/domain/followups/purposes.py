"""Rules on an activity's purposes and their legal bases (Arts. 6, 7, 13(1)(c)–(d), 21(4)).

Purposes are matched by description, so a new purpose is one the statement does not describe
yet, and a changed basis is one the statement states wrongly now.
"""

from __future__ import annotations

from collections.abc import Iterator

from register.domain.followups import words
from register.domain.followups.context import (
    Comparison,
    per_changed_activity,
)
from register.domain.followups.model import CHECK, INFO, MUST, Finding, Rule
from register.domain.followups.reading import basis, is_ctrl, purposes
from register.domain.views import EntryView

CONSENT = "Consent"
LEGITIMATE_INTEREST = "LegitimateInterest"

PURPOSE_ADDED = Rule(
    "NOTICE-PURPOSE-ADDED",
    "13(1)(c), 14(1)(c)",
    MUST,
    "Nieuw doel '{purpose}' bij '{name}': vermeld dit doel met de grondslag in de "
    "privacyverklaring.",
    "New purpose '{purpose}' in '{name}': state this purpose and its legal basis in the privacy "
    "statement.",
)
FURTHER_PROCESSING = Rule(
    "PURPOSE-FURTHER-PROCESSING",
    "6(4), 13(3), 14(4)",
    CHECK,
    "Worden al verzamelde gegevens gebruikt voor het nieuwe doel '{purpose}', toets dan de "
    "verenigbaarheid (art. 6 lid 4) en informeer betrokkenen vóór die verdere verwerking.",
    "If data already collected are used for the new purpose '{purpose}', assess compatibility "
    "(Art. 6(4)) and inform data subjects before that further processing.",
)
PURPOSE_REMOVED = Rule(
    "NOTICE-PURPOSE-REMOVED",
    "13(1)(c)",
    INFO,
    "Doel '{purpose}' bij '{name}' vervalt: pas de privacyverklaring aan.",
    "Purpose '{purpose}' of '{name}' is dropped: update the privacy statement.",
)
LEGAL_BASIS = Rule(
    "NOTICE-LEGAL-BASIS",
    "13(1)(c), 14(1)(c)",
    MUST,
    "De grondslag van '{purpose}' is gewijzigd van {old} naar {new}: pas de privacyverklaring aan.",
    "The legal basis of '{purpose}' changed from {old} to {new}: update the privacy statement.",
)
NOW_LEGITIMATE_INTEREST = Rule(
    "NOTICE-LEGITIMATE-INTEREST",
    "13(1)(d), 14(2)(b), 21(4)",
    MUST,
    "Voor '{purpose}' geldt nu gerechtvaardigd belang: noem dat belang in de privacyverklaring "
    "en wijs uitdrukkelijk op het recht van bezwaar.",
    "'{purpose}' now relies on legitimate interests: name the interest in the privacy statement "
    "and explicitly point out the right to object.",
)
FROM_CONSENT = Rule(
    "LEGAL-BASIS-FROM-CONSENT",
    "6(1), 7; EDPB Guidelines 05/2020",
    MUST,
    "De grondslag van '{purpose}' gaat van toestemming naar {new}: achteraf van grondslag "
    "wisselen mag niet voor gegevens die op toestemming zijn verzameld, dus laat dit juridisch "
    "beoordelen.",
    "The legal basis of '{purpose}' moves from consent to {new}: switching bases after the fact "
    "is not allowed for data collected on consent, so have this reviewed.",
)
CONSENT_RECORDS = Rule(
    "CONSENT-RECORDS",
    "7(1), 7(3), 13(2)(c)",
    MUST,
    "'{purpose}' berust op toestemming: leg vast wie wanneer met welke tekst toestemming gaf, "
    "maak intrekken even makkelijk als geven en noem het intrekkingsrecht in de "
    "privacyverklaring.",
    "'{purpose}' relies on consent: record who consented, when and to which wording, make "
    "withdrawal as easy as giving consent, and state the right to withdraw in the privacy "
    "statement.",
)

RULES = (
    PURPOSE_ADDED,
    FURTHER_PROCESSING,
    PURPOSE_REMOVED,
    LEGAL_BASIS,
    NOW_LEGITIMATE_INTEREST,
    FROM_CONSENT,
    CONSENT_RECORDS,
)


def _path(key: str, inner: str = "") -> str:
    return f"purposes[{key}]{inner}"


@per_changed_activity("purposes")
def purposes_added_or_dropped(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    """Only for an activity on both sides: a new activity's purposes are NOTICE-ACTIVITY-ADDED's."""
    if before is None or after is None or not is_ctrl(after):
        return
    old, new = purposes(before), purposes(after)
    for key in new.keys() - old.keys():
        description = str(new[key]["description"])
        yield PURPOSE_ADDED.on(after, _path(key), None, new[key], purpose=description)
        yield FURTHER_PROCESSING.on(after, _path(key), None, new[key], purpose=description)
    for key in old.keys() - new.keys():
        description = str(old[key]["description"])
        yield PURPOSE_REMOVED.on(after, _path(key), old[key], None, purpose=description)


@per_changed_activity("purposes")
def basis_changed(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if before is None or after is None:
        return
    old, new = purposes(before), purposes(after)
    for key in old.keys() & new.keys():
        was, now = basis(old[key]), basis(new[key])
        if was == now:
            continue
        path, description = _path(key, ".legal_basis"), str(new[key]["description"])
        if is_ctrl(after):
            yield LEGAL_BASIS.on(
                after,
                path,
                was,
                now,
                purpose=description,
                old=words.basis(was),
                new=words.basis(now),
            )
        if was == CONSENT and now is not None:
            yield FROM_CONSENT.on(after, path, was, now, purpose=description, new=words.basis(now))


@per_changed_activity("purposes", came=True)
def basis_now(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    """A purpose that now rests on legitimate interests or consent, new or moved to it: each
    brings duties of its own beyond naming the basis."""
    if not is_ctrl(after):
        return
    old = purposes(before)
    for key, purpose in purposes(after).items():
        now = basis(purpose)
        if now == basis(old.get(key)) and key in old:
            continue
        rule = {LEGITIMATE_INTEREST: NOW_LEGITIMATE_INTEREST, CONSENT: CONSENT_RECORDS}.get(
            now or ""
        )
        if rule is not None:
            was = basis(old.get(key))
            yield rule.on(
                after, _path(key, ".legal_basis"), was, now, purpose=str(purpose["description"])
            )


TRIGGERS = (purposes_added_or_dropped, basis_changed, basis_now)
