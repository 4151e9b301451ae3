"""The pure parts of the work list and the notices, without a database: which events make one
recorded change, how a follow-up is named, and by when a client may object."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from register.domain.kinds import EntryKind
from register.domain.notices.deadline import OBJECTION_PERIOD, objection_deadline
from register.domain.worklist.identity import followup_id, marks_entry_id
from register.domain.worklist.raising import Event, recordings

T = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY = date(2026, 3, 2)


def event(position: int, at: datetime, kind: EntryKind = EntryKind.ACTIVITY) -> Event:
    return Event(position, uuid.uuid4(), kind, at, DAY + timedelta(days=position % 2))


def test_events_sharing_their_instant_are_one_change_and_marks_are_none() -> None:
    later = T + timedelta(hours=1)
    found = recordings(
        [
            event(1, T),
            event(2, T),
            event(3, T + timedelta(minutes=1), EntryKind.FOLLOWUP),
            event(4, later),
        ]
    )
    assert [(r.recorded_at, r.last_position) for r in found] == [(T, 2), (later, 4)]
    assert found[0].known_before is None and found[1].known_before == T
    assert found[0].effective_dates == (DAY, DAY + timedelta(days=1))
    assert len(found[0].entries) == 2


def test_a_follow_up_id_is_fixed_by_the_finding_and_the_change_instant() -> None:
    first = followup_id("0123456789abcdef", T)
    assert first == followup_id("0123456789abcdef", T) and len(first) == 16
    assert first != followup_id("0123456789abcdef", T + timedelta(microseconds=1))
    assert first != followup_id("fedcba9876543210", T)
    assert marks_entry_id(first) == marks_entry_id(first) != marks_entry_id("other")


def test_the_client_may_object_until_the_change_or_the_period_ends_whichever_is_later() -> None:
    sent = date(2026, 3, 2)
    assert objection_deadline(date(2026, 6, 1), sent) == date(2026, 5, 31)
    assert objection_deadline(date(2026, 3, 10), sent) == sent + OBJECTION_PERIOD
    assert objection_deadline(date(2025, 1, 1), sent) == sent + OBJECTION_PERIOD
