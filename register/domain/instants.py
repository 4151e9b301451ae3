"""Reading the days and instants of SPEC §3 from user input, strictly and within bounds.

A day is written ``YYYY-MM-DD`` and nothing looser: ISO 8601's other spellings (``20231024``,
``2023-W43-2``) are refused, so that one text means one day to every reader of the register.
``known_at`` is an RFC 3339 timestamp with an offset; a bare date means the end of that day in
UTC, so "known at 2023-11-01" includes everything recorded on that day.

Every day lies between ``FIRST_DAY`` and ``LAST_DAY`` (1900-01-01 to 2999-12-31). The read model
closes open stretches of time at 9999-12-31 (``timeline.END_OF_TIME``): a change effective on or
after it would be recorded and then show in no register. The bounds stay far inside that and
inside both engines' own limits, and still hold any date a register of processing can mean.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from register.domain.errors import InvalidCommand
from register.domain.quoting import shown

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)

DAY_MESSAGE = "must be a date in the form YYYY-MM-DD"
RANGE_MESSAGE = f"must lie between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}"
INSTANT_MESSAGE = "must be an RFC 3339 timestamp with an offset, or a date"
LATER_MESSAGE = "must not be later than now"

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INSTANT = re.compile(
    r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?)"
    r"(?P<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})"
)

# The same rules as JSON Schema patterns, for the API's document: a day of 1900 to 2999, and an
# instant on such a day. They cannot say that February has no 30th; the parser does.
DAY_PATTERN = r"(19[0-9]{2}|2[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
TIME_PATTERN = (
    r"[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?"
    r"([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
)
DAY_SCHEMA_PATTERN = f"^{DAY_PATTERN}$"
INSTANT_SCHEMA_PATTERN = f"^{DAY_PATTERN}{TIME_PATTERN}$"


def rfc3339(moment: datetime) -> str:
    """An instant as the register writes it everywhere: UTC, with a Z."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def day_of(value: Any) -> date:
    """The day ``value`` writes, or ValueError saying what is wrong with it."""
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise ValueError(DAY_MESSAGE)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(DAY_MESSAGE) from None
    return within_bounds(day)


def within_bounds(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(RANGE_MESSAGE)
    return day


def instant_of(value: Any) -> datetime:
    """The instant ``value`` writes, in UTC, or ValueError saying what is wrong with it."""
    if isinstance(value, str) and _DAY.fullmatch(value):
        return datetime.combine(day_of(value), time.max, tzinfo=UTC)
    found = _INSTANT.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        raise ValueError(INSTANT_MESSAGE)
    offset = found["offset"].upper().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(f"{found['day']}T{found['time']}{offset}")
    except ValueError:
        raise ValueError(INSTANT_MESSAGE) from None
    within_bounds(moment.date())
    return moment.astimezone(UTC)


def parse_date(value: str, name: str) -> date:
    try:
        return day_of(value)
    except ValueError as error:
        raise InvalidCommand(
            {name: [str(error)]},
            detail=f"{shown(value)} is not a day the register can hold: give {name} as "
            f"YYYY-MM-DD, between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}.",
        ) from None


def parse_instant(value: str, name: str) -> datetime:
    try:
        return instant_of(value)
    except ValueError as error:
        raise InvalidCommand(
            {name: [str(error)]},
            detail=f"{shown(value)} is not an instant the register can hold: give {name} as "
            "RFC 3339, for example 2023-11-01T12:00:00Z, or a date for the end of that day "
            f"(UTC), between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}.",
        ) from None


def not_later_than(moment: datetime, now: datetime, name: str) -> datetime:
    """``moment``, when it has passed: what is on record at a later one may still change, and an
    answer for a moment must never change once given."""
    if moment > now:
        raise InvalidCommand(
            {name: [LATER_MESSAGE]},
            detail=f"{name} {rfc3339(moment)} is later than now ({rfc3339(now)}): what will be on "
            f"record then is not known yet. Ask for a moment that has passed, or leave {name} "
            "out to read the register as recorded now (a bare date means the end of that day).",
        )
    return moment


def calendar_day(moment: datetime, zone: tzinfo) -> date:
    """The register's calendar day at ``moment``: what "today" means for backdating and expiry."""
    return moment.astimezone(zone).date()
