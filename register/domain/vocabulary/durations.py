"""ISO 8601 durations, as retention periods are recorded: parsed and compared with ``isodate``,
and said in words for the register and privacy statements ("P3M" is "3 maanden" / "3 months").

A duration with months or years has no fixed length (P1M is 28 to 31 days), so two durations are
compared by where each ends when both start on the same day, the reference date: from 1 February
2023, P1M ends before P30D; from 1 January 2023 it ends after. The caller picks the reference
date, for a rule that is the day the change is judged at.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import isodate

# The forms the register accepts (as the Duration check does): no sign, no empty "P" or "PT",
# whole numbers but for the seconds.
_FORM = re.compile(
    r"P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
    r"(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?"
)

_UNITS = {
    "nl": (
        ("jaar", "jaar"),
        ("maand", "maanden"),
        ("week", "weken"),
        ("dag", "dagen"),
        ("uur", "uur"),
        ("minuut", "minuten"),
        ("seconde", "seconden"),
    ),
    "en": (
        ("year", "years"),
        ("month", "months"),
        ("week", "weeks"),
        ("day", "days"),
        ("hour", "hours"),
        ("minute", "minutes"),
        ("second", "seconds"),
    ),
}
_AND = {"nl": "en", "en": "and"}


def _parts(text: str) -> tuple[str | None, ...]:
    match = _FORM.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"not an ISO 8601 duration such as P3M or P2Y: {text!r}")
    return match.groups()


def parse(text: str) -> isodate.Duration | timedelta:
    """The duration ``text`` stands for: a ``timedelta`` when it has no years or months."""
    _parts(text)
    try:
        return isodate.parse_duration(text.replace(",", "."))
    except isodate.ISO8601Error as error:
        raise ValueError(str(error)) from None


def end(text: str, reference: date) -> datetime:
    """When a period of ``text`` that starts at the beginning of ``reference`` ends."""
    finish: datetime = datetime.combine(reference, time()) + parse(text)
    return finish


def compare(a: str, b: str, reference: date) -> int:
    """-1, 0 or 1 as ``a`` ends before, with or after ``b`` when both start on ``reference``."""
    end_a, end_b = end(a, reference), end(b, reference)
    return (end_a > end_b) - (end_a < end_b)


def longer(a: str, b: str, reference: date) -> bool:
    """Whether ``a`` lasts longer than ``b`` when both start on ``reference``."""
    return compare(a, b, reference) > 0


def in_words(text: str, language: str) -> str:
    """The duration in words: "P2Y6M" is "2 jaar en 6 maanden" / "2 years and 6 months"."""
    lang = "nl" if language.split("-")[0].lower() == "nl" else "en"
    given = [
        (number, unit) for number, unit in zip(_parts(text), _UNITS[lang], strict=True) if number
    ]
    shown = [(number, unit) for number, unit in given if float(number.replace(",", ".")) != 0]
    words = [_amount(number, unit, lang) for number, unit in shown or given[-1:]]
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {_AND[lang]} {words[-1]}"


def _amount(number: str, unit: tuple[str, str], lang: str) -> str:
    value = number.replace(",", ".").lstrip("0") or "0"
    if value.startswith("."):
        value = "0" + value
    singular, plural = unit
    shown = value.replace(".", ",") if lang == "nl" else value
    return f"{shown} {singular if value == '1' else plural}"
