"""Reading the two instants of SPEC §3 from user input.

``as_of`` is a calendar date. ``known_at`` is an RFC 3339 timestamp; a bare date means the end
of that day in UTC, so "known at 2023-11-01" includes everything recorded on that day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from register.domain.errors import InvalidCommand


def rfc3339(moment: datetime) -> str:
    """An instant as the register writes it everywhere: UTC, with a Z."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidCommand(
            {name: ["must be a date in the form YYYY-MM-DD"]},
            detail=f"'{value}' is not a date: give {name} as YYYY-MM-DD.",
        ) from None


def parse_instant(value: str, name: str) -> datetime:
    if len(value) == 10:
        return datetime.combine(parse_date(value, name), time.max, tzinfo=UTC)
    moment: datetime | None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        moment = parsed.astimezone(UTC) if parsed.tzinfo else None
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise InvalidCommand(
            {name: ["must be an RFC 3339 timestamp with an offset, or a date"]},
            detail=f"'{value}' is not an RFC 3339 timestamp: give {name} as, for example, "
            "2023-11-01T12:00:00Z, or a date for the end of that day (UTC).",
        )
    return moment
