"""How one stored value reads in the register's language: terms as words, not codes.

A value is shown as its check says it is meant: a vocabulary code by its label, a country by its
name, an ISO 8601 duration in words, a boolean as yes or no, and another entry's id by that
entry's name. What does not fit its check (a value stored under older rules) is shown as stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from register.domain.checks import Boolean, Check, Country, Duration, EntryRef, OneOf
from register.domain.vocabulary import Vocabulary, country_name
from register.domain.vocabulary.durations import in_words
from register.presentation.escaping import text
from register.presentation.words import LABELS


@dataclass(frozen=True)
class Reading:
    """What values are read with: the language, and the names of the entries cited by id."""

    language: str
    names: Mapping[str, str]

    def word(self, key: str) -> str:
        return LABELS[self.language][key]

    def emphasised(self, key: str) -> str:
        """One of the page's own words where a value would stand, set apart from user text."""
        return f"_{self.word(key)}_"


def scalar(check: Check, value: Any, reading: Reading) -> str:
    """A single value, not a list or an object, as Markdown in the reading's language."""
    match check:
        case OneOf(vocabulary=Vocabulary() as vocabulary) if isinstance(value, str):
            return text(vocabulary.label(value, reading.language))
        case Country() if isinstance(value, str):
            return text(country_name(value, reading.language))
        case Duration() if isinstance(value, str):
            return text(_in_words(value, reading.language))
        case Boolean() if isinstance(value, bool):
            return reading.word("yes" if value else "no")
        case EntryRef() if isinstance(value, str):
            return text(reading.names.get(value, value))
    return text(value)


def _in_words(duration: str, language: str) -> str:
    try:
        return in_words(duration, language)
    except ValueError:
        return duration
