"""The sub-processor notices as letters in Markdown, in Dutch or English: one per client
controller, ready to send, saying what Art. 28(2) GDPR asks of a processor: the change, the day
it takes effect, the client's right to object, by when, and how."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from register.domain.vocabulary.countries import country_name
from register.domain.vocabulary.phrases import MONTHS
from register.presentation.escaping import text

WORDS: Mapping[str, Mapping[str, str]] = {
    "nl": {
        "title": "Wijziging van subverwerkers",
        "to": "Aan",
        "attention": "T.a.v.",
        "email": "E-mail",
        "address": "Adres",
        "from": "Van",
        "date": "Datum",
        "period": "Periode",
        "salutation": "Geachte heer, mevrouw,",
        "opening": "Wij verwerken in uw opdracht persoonsgegevens bij {activities}. Zoals "
        "artikel 28, lid 2, van de AVG voorschrijft, informeren wij u over de volgende "
        "wijzigingen in de subverwerkers die wij daarbij inschakelen.",
        "added": "**Nieuwe subverwerker:** {new}, bij {activity}, met ingang van {day}.",
        "replaced": "**Vervanging:** {new} vervangt {old}, bij {activity}, met ingang van {day}.",
        "removed": "**Vertrokken subverwerker:** {old}, bij {activity}, met ingang van {day}. "
        "Hiertegen staat geen bezwaar open; de subverwerker verwijdert of retourneert de "
        "gegevens.",
        "deadline": "U kunt tegen deze wijziging bezwaar maken tot en met {deadline}.",
        "objection": "**Uw recht van bezwaar.** U kunt bezwaar maken tegen de toevoeging of "
        "vervanging van een subverwerker (art. 28, lid 2, AVG). Stuur uw bezwaar, met de "
        "redenen, uiterlijk op de genoemde datum per e-mail naar {contact}. Na een tijdig "
        "bezwaar nemen wij contact met u op om het te bespreken.",
        "no_contact": "ons bekende contactadres (geen e-mailadres vastgelegd)",
        "closing": "Met vriendelijke groet,",
        "none": "Geen wijzigingen in subverwerkers tussen {start} en {end}.",
        "country": "vestigingsland",
    },
    "en": {
        "title": "Change of sub-processors",
        "to": "To",
        "attention": "Attn.",
        "email": "Email",
        "address": "Address",
        "from": "From",
        "date": "Date",
        "period": "Period",
        "salutation": "Dear Sir or Madam,",
        "opening": "We process personal data on your behalf in {activities}. As Article 28(2) "
        "GDPR requires, we inform you of the following changes to the sub-processors we "
        "engage for it.",
        "added": "**New sub-processor:** {new}, in {activity}, effective {day}.",
        "replaced": "**Replacement:** {new} replaces {old}, in {activity}, effective {day}.",
        "removed": "**Sub-processor leaving:** {old}, in {activity}, effective {day}. This is "
        "not open to objection; the sub-processor deletes or returns the data.",
        "deadline": "You may object to this change until and including {deadline}.",
        "objection": "**Your right to object.** You may object to the addition or replacement "
        "of a sub-processor (Art. 28(2) GDPR). Send your objection, with your reasons, "
        "by the date stated, by email to {contact}. After a timely objection we will contact "
        "you to discuss it.",
        "no_contact": "our known contact address (no email address recorded)",
        "closing": "Kind regards,",
        "none": "No changes to sub-processors between {start} and {end}.",
        "country": "country",
    },
}


def render(document: Mapping[str, Any], language: str) -> str:
    """Every notice of ``document`` (``SubprocessorNotices.as_json``) as a letter, one after
    the other, each under a rule; with the moments and digest it was made from."""
    words = WORDS[language]
    period = words["none"].format(
        start=_day(document["from"]["as_of"], language), end=_day(document["to"]["as_of"], language)
    )
    letters = [
        "\n".join(_letter(notice, document, language)) for notice in document["notices"]
    ] or [f"{period}\n"]
    return "\n---\n\n".join(letters) + "\n" + "\n".join(_provenance(document)) + "\n"


def _letter(notice: Mapping[str, Any], document: Mapping[str, Any], language: str) -> Iterator[str]:
    words = WORDS[language]
    client = notice["client"]
    sender = document["organisation"]
    yield f"# {words['title']}: {text(client['name'])}\n"
    yield f"- {words['to']}: {text(client['name'])}"
    for key, label in (("contact_name", "attention"), ("email", "email"), ("address", "address")):
        if client.get(key):
            yield f"- {words[label]}: {text(client[key])}"
    sender_line = text(sender["name"] or "")
    if sender.get("email"):
        sender_line += f" ({text(sender['email'])})"
    yield f"- {words['from']}: {sender_line}"
    yield f"- {words['date']}: {_day(document['sent_on'], language)}\n"
    yield words["salutation"] + "\n"
    activities = ", ".join(f"'{text(name)}'" for name in notice["activities"])
    yield words["opening"].format(activities=activities) + "\n"
    for change in notice["changes"]:
        yield from _change(change, language)
    contact = text(sender["email"]) if sender.get("email") else words["no_contact"]
    yield words["objection"].format(contact=contact) + "\n"
    yield words["closing"] + "\n"
    yield f"{text(sender['name'] or '')}\n"


def _change(change: Mapping[str, Any], language: str) -> Iterator[str]:
    words = WORDS[language]
    line = words[change["change"]].format(
        new=_processor(change["subprocessor"], language),
        old=_processor(change["replaces"], language),
        activity=f"'{text(change['activity'])}'",
        day=_day(change["effective_from"], language),
    )
    yield f"- {line}"
    if change["objection_deadline"]:
        deadline = _day(change["objection_deadline"], language)
        yield f"  {words['deadline'].format(deadline=f'**{deadline}**')}"
    yield ""


def _processor(processor: Mapping[str, Any] | None, language: str) -> str:
    if processor is None:
        return ""
    name = text(processor["name"])
    country = processor.get("country")
    if not country:
        return name
    return f"{name} ({WORDS[language]['country']}: {country_name(country, language)})"


def _day(iso: str, language: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


def _provenance(document: Mapping[str, Any]) -> Iterator[str]:
    """What the letters were made from, for the file copy: cite it to have them reproduced."""
    yield "<!--"
    for side in ("from", "to"):
        moment = document[side]
        history = moment["history"]
        yield (
            f"{side}: as_of {moment['as_of']}, known_at {moment['known_at']}, "
            f"position {history['position']}, head {history['head_digest']}"
        )
    yield f"digest: {document['digest']}"
    yield "-->"
