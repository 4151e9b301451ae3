"""Text the register keeps (issue 7): storable by both engines, showing something, within its
limit; and the pattern the API's document states for it, which agrees character by character."""

from __future__ import annotations

import re
import unicodedata

import pytest

from api.extensions.constraints import SURROGATES, text_pattern
from register.domain.checks import Note, Problem, Text, visible

VISIBLE_MESSAGE = (
    "must hold at least one visible character (a letter, digit, punctuation mark or symbol)"
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Name\x00", "must not contain NUL characters (U+0000)"),
        ("Name\ud800", "must not contain lone surrogates (such as '\\ud800'): send text as UTF-8"),
        ("\u200b\u200c\u200d", VISIBLE_MESSAGE),
        ("\x01\x1b", VISIBLE_MESSAGE),
        ("\u3164", VISIBLE_MESSAGE),
        ("\U000e0041\U000e0042", VISIBLE_MESSAGE),
        ("\u2028\u00a0", "must not be empty"),
        ("x" * 11, "must be at most 10 characters"),
    ],
)
def test_text_is_storable_shows_something_and_keeps_to_its_limit(value: str, message: str) -> None:
    with pytest.raises(Problem) as refused:
        Text(10)(value, "name")
    assert refused.value.message == message


@pytest.mark.parametrize("value", ["Ω", "数据", "😀", "e\u0301", "\ue000", " a\u200b "])
def test_any_script_symbol_or_mark_shows(value: str) -> None:
    assert Text(10)(value, "name") == value.strip()


def test_a_note_that_shows_nothing_is_none_but_must_still_be_storable() -> None:
    assert Note(5)(None, "reason") is None
    assert Note(5)(" \u200b ", "reason") is None
    assert Note(5)(" why ", "reason") == "why"
    for bad in ("why\x00", "x" * 6):
        with pytest.raises(Problem):
            Note(5)(bad, "reason")


def test_the_documented_pattern_agrees_with_the_check_on_every_basic_character() -> None:
    """Beyond the basic plane, where a pattern cannot reach alike in every engine, the register
    alone refuses the few invisible characters (such as tag characters)."""
    pattern = re.compile(text_pattern())
    disagree = [
        f"U+{code:04X} {unicodedata.category(chr(code))}"
        for code in range(0x10000)
        if not SURROGATES[0] <= code <= SURROGATES[1]
        and bool(pattern.search(chr(code))) != visible(chr(code))
    ]
    assert disagree == []
    assert not pattern.search("Name\x00")
