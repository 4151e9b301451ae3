"""The statement's sentence templates in Dutch and English (statement-generation.md §5.2), and how
a template is filled with parts so that the register's free text stays marked as such.

``{x}`` in a template is a slot; what fills it is a ``Part`` or a sequence of them, so a slot may
hold a controlled phrase, free text, a marker or a list of them. Everything else in a template is
the generator's own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from string import Formatter

from register.domain.statement.model import PHRASE, Part

Fill = Part | Sequence[Part]

SENTENCES: dict[str, tuple[str, str]] = {
    # §0
    "title": ("Privacyverklaring {name}", "Privacy statement {name}"),
    "validity": (
        "Deze verklaring geldt vanaf {date}.",
        "This statement applies from {date}.",
    ),
    # §1
    "who_heading": ("Wie wij zijn", "Who we are"),
    "identity": (
        "{name}{trade_name}{address}{registration}, is verwerkingsverantwoordelijke voor de "
        "verwerkingen in deze verklaring.",
        "{name}{trade_name}{address}{registration}, is the controller for the processing "
        "described in this statement.",
    ),
    "trade_name": (", handelend onder de naam {trade_name}", ", trading as {trade_name}"),
    "registration": (", KvK {number}", ", Chamber of Commerce no. {number}"),
    "reach_us": ("Je bereikt ons via {email}{phone}.", "You can reach us at {email}{phone}."),
    "phone": (" of {phone}", " or {phone}"),
    # §2
    "dpo_heading": ("Functionaris gegevensbescherming", "Data protection officer"),
    "dpo_designated": (
        "Onze functionaris gegevensbescherming is bereikbaar via {email}.",
        "Our data protection officer can be reached at {email}.",
    ),
    "dpo_not_designated": (
        "Wij hebben geen functionaris gegevensbescherming aangesteld.",
        "We have not appointed a data protection officer.",
    ),
    "representative": (
        "Onze vertegenwoordiger in de EU is {name}, {contact}.",
        "Our representative in the EU is {name}, {contact}.",
    ),
    # §3
    "purpose": (
        "Doel: {description}. Grondslag: {basis}.",
        "Purpose: {description}. Legal basis: {basis}.",
    ),
    "legitimate_interest": (
        "Ons gerechtvaardigd belang: {interest}. Je kunt hiertegen bezwaar maken.",
        "Our legitimate interest: {interest}. You may object to this.",
    ),
    "art9": (
        "Bijzondere persoonsgegevens ({type}) verwerken wij op grond van {condition}.",
        "We process special-category data ({type}) on the basis of {condition}.",
    ),
    "art9_missing": (
        "Bijzondere persoonsgegevens ({type}): {condition}.",
        "Special-category data ({type}): {condition}.",
    ),
    "data_categories": ("Welke gegevens: {categories}.", "Which data: {categories}."),
    "data_subjects": ("Over wie: {subjects}.", "About whom: {subjects}."),
    "source": ("Herkomst: {source}{public}.", "Source: {source}{public}."),
    "public_source": ("; dit is een openbare bron", "; this is a publicly accessible source"),
    "provision_required": (
        "Je bent verplicht deze gegevens te verstrekken ({requirement}){consequence}.",
        "You are required to provide these data ({requirement}){consequence}.",
    ),
    "provision_voluntary": (
        "Je bent niet verplicht deze gegevens te verstrekken{consequence}.",
        "You are not required to provide these data{consequence}.",
    ),
    "provision_consequence": (
        "; zonder deze gegevens {consequence}",
        "; without them {consequence}",
    ),
    "recipients": ("Ontvangers: {category}{names}.", "Recipients: {category}{names}."),
    "names": (" ({names})", " ({names})"),
    "no_recipients": (
        "Wij verstrekken deze gegevens niet aan anderen.",
        "We do not disclose these data to others.",
    ),
    "transfer": (
        "Doorgifte naar {destination}: {safeguard}.",
        "Transfer to {destination}: {safeguard}.",
    ),
    "no_transfers": (
        "Wij geven deze gegevens niet door naar landen buiten de Europese Economische Ruimte.",
        "We do not transfer these data outside the European Economic Area.",
    ),
    "retention": ("Bewaartermijn{applies_to}: {period}.", "Retention{applies_to}: {period}."),
    "applies_to": (" ({applies_to})", " ({applies_to})"),
    "retention_none": ("wij bewaren deze gegevens niet", "we do not keep these data"),
    "period_after": ("{duration} na {trigger}", "{duration} after {trigger}"),
    "period_until": ("{duration}, tot {trigger}", "{duration}, until {trigger}"),
    "period_event": ("{duration} ({trigger})", "{duration} ({trigger})"),
    "maximum": ("uiterlijk {period}", "at most {period}"),
    "until_event": ("totdat {trigger}", "until {trigger}"),
    "criteria_from": ("{criteria} (vanaf {trigger})", "{criteria} (from {trigger})"),
    "adm_applies": (
        "Wij nemen hierbij geautomatiseerde besluiten: {description}; je kunt om menselijke "
        "tussenkomst vragen.",
        "We make automated decisions here: {description}; you can ask for human intervention.",
    ),
    "adm_none": (
        "Wij nemen hierbij geen besluiten die uitsluitend op geautomatiseerde verwerking berusten.",
        "We make no decisions here based solely on automated processing.",
    ),
    # §4
    "processor_heading": (
        "Verwerking in opdracht van klanten",
        "Processing on behalf of clients",
    ),
    "processor": (
        "Voor {categories} verwerken wij persoonsgegevens in opdracht van {controllers}; zij zijn "
        "verwerkingsverantwoordelijke en informeren jou over die verwerking.",
        "For {categories} we process personal data on behalf of {controllers}; they are the "
        "controller and inform you about that processing.",
    ),
    # §5
    "recipients_heading": ("Ontvangers in het algemeen", "Recipients in general"),
    "recipient_category": ("{category}{names}.", "{category}{names}."),
    # §6
    "security_heading": ("Beveiliging", "Security"),
    "measure": ("{measure}.", "{measure}."),
    # §7
    "rights_heading": ("Je rechten", "Your rights"),
    "rights": (
        "Je hebt het recht op inzage (art. 15), rectificatie (art. 16), verwijdering (art. 17), "
        "beperking van de verwerking (art. 18), overdraagbaarheid (art. 20) en bezwaar (art. 21).",
        "You have the right of access (Art. 15), rectification (Art. 16), erasure (Art. 17), "
        "restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21).",
    ),
    "withdraw_consent": (
        "Je kunt je toestemming altijd intrekken; dat doet niets af aan de rechtmatigheid van de "
        "verwerking daarvóór.",
        "You can withdraw your consent at any time; this does not affect the lawfulness of "
        "processing before the withdrawal.",
    ),
    "requests": (
        "Stuur je verzoek naar {email}; wij reageren binnen een maand, met een mogelijke "
        "verlenging van twee maanden, waarover wij je tijdig informeren.",
        "Send your request to {email}; we reply within one month, which may be extended by two "
        "months, in which case we tell you in time.",
    ),
    # §8
    "complaint_heading": ("Klacht", "Complaint"),
    "complaint": (
        "Je kunt een klacht indienen bij de Autoriteit Persoonsgegevens "
        "(autoriteitpersoonsgegevens.nl).",
        "You can lodge a complaint with the Dutch Data Protection Authority, the Autoriteit "
        "Persoonsgegevens (autoriteitpersoonsgegevens.nl).",
    ),
    # §9
    "changes_heading": ("Wijzigingen", "Changes"),
    "changed": (
        "Deze verklaring is gewijzigd op {date}; de vorige versie ({previous}) vind je via {url}.",
        "This statement was changed on {date}; the previous version ({previous}) is available "
        "at {url}.",
    ),
    "list_and": (" en ", " and "),
}


def fill(key: str, language: str, **slots: Fill) -> tuple[Part, ...]:
    """The sentence ``key`` in ``language`` with each slot filled; the template's own text
    becomes phrase parts."""
    nl, en = SENTENCES[key]
    return compose(nl if language == "nl" else en, **slots)


def compose(template: str, **slots: Fill) -> tuple[Part, ...]:
    """Any template (a sentence, a controlled phrase) filled with parts."""
    parts: list[Part] = []
    for literal, name, _spec, _conversion in Formatter().parse(template):
        if literal:
            parts.append(Part(literal, PHRASE))
        if name is not None:
            parts.extend(_as_parts(slots.get(name, ())))
    return tuple(parts)


def _as_parts(value: Fill) -> Sequence[Part]:
    return (value,) if isinstance(value, Part) else value


def joined(items: Sequence[Fill], separator: str = ", ") -> tuple[Part, ...]:
    """Items in one slot, each keeping its parts, with the separator as the generator's words."""
    parts: list[Part] = []
    for index, item in enumerate(items):
        if index:
            parts.append(Part(separator, PHRASE))
        parts.extend(_as_parts(item))
    return tuple(parts)


def enumerated(items: Sequence[Fill], language: str) -> tuple[Part, ...]:
    """Items as a sentence lists them: "a, b en c" / "a, b and c"."""
    if len(items) < 2:
        return joined(items)
    last = SENTENCES["list_and"][0 if language == "nl" else 1]
    return (*joined(items[:-1]), Part(last, PHRASE), *_as_parts(items[-1]))
