"""Canonical JSON must spell every value the register holds exactly as it always did: digests
recorded by earlier versions are checked against today's answers."""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.domain.canonical import canonical_bytes, canonical_json, digest_of


def standard(content: Any) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


texts = st.text(alphabet=st.characters(exclude_categories=("Cs",)))
values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**80), 2**80) | texts,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(texts, inner, max_size=5),
    max_leaves=30,
)


@given(values)
def test_every_value_the_register_holds_is_spelled_as_json_dumps_spells_it(value: Any) -> None:
    assert canonical_bytes(value) == standard(value)
    assert canonical_json(value) == standard(value).decode()


class Kind(enum.StrEnum):
    ACTIVITY = "activity"


def test_keys_that_are_not_plain_text_are_spelled_as_json_dumps_spells_them() -> None:
    content = {Kind.ACTIVITY: 1, "b": {2: "two"}, "c": Kind.ACTIVITY}
    assert canonical_bytes(content) == standard(content)


def test_what_json_dumps_refuses_is_still_refused() -> None:
    with pytest.raises(TypeError):
        canonical_json({"day": date(2023, 10, 24)})
    with pytest.raises(UnicodeEncodeError):
        canonical_bytes({"text": "\ud800"})


def test_a_digest_is_the_sha256_of_the_canonical_bytes() -> None:
    expected = hashlib.sha256('{"a":"é","b":1}'.encode()).hexdigest()
    assert digest_of({"b": 1, "a": "é"}) == f"sha256:{expected}"
