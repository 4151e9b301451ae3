"""Days and instants as the register reads them (SPEC §3): one spelling each, within the years
the read model can represent, and patterns for the API's document that agree with the parser."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from register.domain.errors import InvalidCommand
from register.domain.instants import (
    DAY_SCHEMA_PATTERN,
    INSTANT_SCHEMA_PATTERN,
    LATER_MESSAGE,
    not_later_than,
    parse_date,
    parse_instant,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2023-10-24", date(2023, 10, 24)),
        ("1900-01-01", date(1900, 1, 1)),
        ("2999-12-31", date(2999, 12, 31)),
        ("2024-02-29", date(2024, 2, 29)),
    ],
)
def test_a_day_is_read_as_written(text: str, day: date) -> None:
    assert parse_date(text, "as_of") == day
    assert re.search(DAY_SCHEMA_PATTERN, text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("20231024", "must be a date in the form YYYY-MM-DD"),
        ("2023-W43-2", "must be a date in the form YYYY-MM-DD"),
        ("2023-297", "must be a date in the form YYYY-MM-DD"),
        ("2023-02-30", "must be a date in the form YYYY-MM-DD"),
        ("2023-10-24\n", "must be a date in the form YYYY-MM-DD"),
        ("٢٠٢٣-10-24", "must be a date in the form YYYY-MM-DD"),
        ("1899-12-31", "must lie between 1900-01-01 and 2999-12-31"),
        ("3000-01-01", "must lie between 1900-01-01 and 2999-12-31"),
        ("9999-12-31", "must lie between 1900-01-01 and 2999-12-31"),
        ("0001-01-01", "must lie between 1900-01-01 and 2999-12-31"),
    ],
)
def test_any_other_day_is_refused_saying_why(text: str, message: str) -> None:
    with pytest.raises(InvalidCommand) as refused:
        parse_date(text, "as_of")
    assert refused.value.errors == {"as_of": [message]}
    assert len(refused.value.detail) < 300


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2023-11-01", datetime(2023, 11, 1, 23, 59, 59, 999999, tzinfo=UTC)),
        ("2023-11-01T12:00:00Z", datetime(2023, 11, 1, 12, tzinfo=UTC)),
        ("2023-11-01t13:00:00+01:00", datetime(2023, 11, 1, 12, tzinfo=UTC)),
        ("2023-11-01T12:00:00.123456789z", datetime(2023, 11, 1, 12, 0, 0, 123456, tzinfo=UTC)),
    ],
)
def test_known_at_is_rfc3339_with_an_offset_or_a_bare_date(text: str, moment: datetime) -> None:
    assert parse_instant(text, "known_at") == moment
    assert re.search(INSTANT_SCHEMA_PATTERN, text) or re.search(DAY_SCHEMA_PATTERN, text)


@pytest.mark.parametrize(
    "text",
    [
        "2023-11-01T12:00:00",
        "2023-11-01 12:00:00Z",
        "2023-11-01T12:00Z",
        "2023-11-01T24:00:00Z",
        "2023-11-01T12:00:00+0100",
        "2023-11-01T12:00:00.Z",
        "1899-12-31T23:00:00Z",
        "3000-01-01T00:00:00Z",
        "2023-W44-3T12:00:00Z",
    ],
)
def test_any_other_instant_is_refused(text: str) -> None:
    with pytest.raises(InvalidCommand) as refused:
        parse_instant(text, "known_at")
    assert list(refused.value.errors) == ["known_at"]
    assert not re.search(INSTANT_SCHEMA_PATTERN, text) or text.startswith(("1899", "3000"))


def test_a_moment_asked_for_must_have_passed() -> None:
    assert not_later_than(NOW, NOW, "known_at") == NOW
    with pytest.raises(InvalidCommand) as refused:
        not_later_than(NOW.replace(microsecond=1), NOW, "known_at")
    assert refused.value.errors == {"known_at": [LATER_MESSAGE]}
