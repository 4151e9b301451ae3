"""The rules on the organisation's own details: who the statement says the controller is, and
how to reach it, its DPO and its representative (Arts. 13(1)(a)–(b), 27, 37(7))."""

from __future__ import annotations

from collections.abc import Iterator

from register.domain.followups.context import Comparison
from register.domain.followups.model import MUST, Finding, Rule

CONTROLLER = Rule(
    "NOTICE-CONTROLLER",
    "13(1)(a), 14(1)(a), 30(1)(a)",
    MUST,
    "De identiteit of contactgegevens van de verwerkingsverantwoordelijke zijn gewijzigd: pas de "
    "privacyverklaring en de kop van het register aan.",
    "The controller's identity or contact details changed: update the privacy statement and the "
    "register header.",
)
DPO = Rule(
    "NOTICE-DPO",
    "13(1)(b), 37(7)",
    MUST,
    "De gegevens van de functionaris gegevensbescherming zijn gewijzigd: publiceer ze in de "
    "privacyverklaring en meld ze bij de Autoriteit Persoonsgegevens.",
    "The DPO's details changed: publish them in the privacy statement and notify the Autoriteit "
    "Persoonsgegevens.",
)
REPRESENTATIVE = Rule(
    "NOTICE-REPRESENTATIVE",
    "13(1)(a), 27",
    MUST,
    "De vertegenwoordiger in de EU is gewijzigd: pas de privacyverklaring en het register aan.",
    "The EU representative changed: update the privacy statement and the register.",
)

RULES = (CONTROLLER, DPO, REPRESENTATIVE)

WATCHED = (
    *(
        (name, CONTROLLER)
        for name in ("name", "trade_name", "address", "contact", "registration_number")
    ),
    ("dpo", DPO),
    ("eu_representative", REPRESENTATIVE),
)


def details_changed(c: Comparison) -> Iterator[Finding]:
    """Each changed field is its own finding, so that correcting the address and then the
    phone number are two pieces of work; a field set on registration counts as changed."""
    before, after = c.old.register.organisation, c.new.register.organisation
    if after is None:
        return
    old_fields = before.fields if before is not None else {}
    for name, rule in WATCHED:
        old, new = old_fields.get(name), after.fields.get(name)
        if old != new:
            yield rule.on(after, name, old, new)


TRIGGERS = (details_changed,)
