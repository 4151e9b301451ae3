"""The placeholders' values in Dutch and English: a finding is raised once and read in either
language, so every code it names (a legal basis, a country, a duration) is said in both."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from register.domain.followups.model import Said
from register.domain.followups.reading import Destination, Side
from register.domain.views import EntryView
from register.domain.vocabulary import (
    ACTIVITY_ROLES,
    LEGAL_BASES,
    RECIPIENT_CATEGORIES,
    TRANSFER_SAFEGUARDS,
    Vocabulary,
    country_name,
)
from register.domain.vocabulary.durations import in_words

NOT_RECORDED = Said("niet vastgelegd", "not recorded")
UNNAMED_RECIPIENT = Said("ontvanger niet vastgelegd", "recipient not recorded")


def plain(text: str) -> Said:
    return Said(text, text)


def term(vocabulary: Vocabulary, code: str | None) -> Said:
    if code is None:
        return NOT_RECORDED
    return Said(vocabulary.label(code, "nl"), vocabulary.label(code, "en"))


def basis(code: str | None) -> Said:
    return term(LEGAL_BASES, code)


def role(code: str | None) -> Said:
    return term(ACTIVITY_ROLES, code)


def category(code: str) -> Said:
    return term(RECIPIENT_CATEGORIES, code)


def safeguard(code: str | None) -> Said:
    return term(TRANSFER_SAFEGUARDS, code)


def country(code: str) -> Said:
    return Said(country_name(code, "nl"), country_name(code, "en"))


def place(destination: Destination) -> Said:
    return country(destination.country) if destination.country else plain(destination.place)


def named(entry: EntryView) -> Said:
    """An entry by its own name, which is the same in both languages."""
    return plain(str(entry.fields.get("name")))


def recipient(side: Side, recipient_id: uuid.UUID | None) -> Said:
    name = side.recipient_field(recipient_id, "name")
    if name:
        return plain(str(name))
    return UNNAMED_RECIPIENT if recipient_id is None else plain(str(recipient_id))


def names(items: Iterable[Any], label: str = "name") -> Said:
    """Items listed by their label, quoted: 'a', 'b'."""
    shown = [item.get(label) if isinstance(item, Mapping) else item for item in items]
    return plain(", ".join(f"'{text}'" for text in shown))


def joined(said: Iterable[Said]) -> Said:
    values = list(said)
    return Said(", ".join(s.nl for s in values), ", ".join(s.en for s in values))


def _rule_words(rule: Mapping[str, Any], language: str) -> str:
    dutch = language == "nl"
    parts = []
    if rule.get("period"):
        parts.append(in_words(rule["period"], language))
    if rule.get("trigger"):
        starts = rule.get("trigger_role") != "ends"
        if rule.get("period"):
            word = ("na" if dutch else "after") if starts else ("tot" if dutch else "until")
        else:
            word = ("vanaf" if dutch else "from") if starts else ("tot" if dutch else "until")
        parts.append(f"{word} {rule['trigger']}")
    if rule.get("criteria"):
        parts.append(str(rule["criteria"]))
    if not parts and rule.get("note"):
        parts.append(str(rule["note"]))
    text = " ".join(parts)
    scope = rule.get("applies_to") or ()
    return f"{text} ({', '.join(scope)})" if scope else text


def retention(rules: Iterable[Mapping[str, Any]] | None) -> Said:
    """Retention rules in words, such as "2 jaar na ontvangst van de gegevens"."""
    if rules is None:
        return NOT_RECORDED
    listed = list(rules)
    if not listed:
        return Said("niet bewaard", "not kept")
    return Said(*("; ".join(_rule_words(rule, lang) for rule in listed) for lang in ("nl", "en")))
