"""Composing the Article 30 register and comparing states, without a database."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from register.domain.changes import FieldChange, field_changes
from register.domain.kinds import EntryKind
from register.domain.timeline import (
    ACTIVE,
    AMENDED,
    REGISTERED,
    REINSTATED,
    RETIRED,
    RETIRED_STATUS,
    Change,
    State,
    status_since,
)
from register.domain.views import EntryView, HistoryPosition, Moment, compose_register

MOMENT = Moment(date(2023, 10, 24), datetime(2023, 10, 25, tzinfo=UTC))
HISTORY = HistoryPosition(3, "ab" * 32)


def view(kind: EntryKind, number: int, status: str = ACTIVE, **fields: object) -> EntryView:
    return EntryView(
        id=uuid.UUID(int=number),
        kind=kind,
        version=1,
        status=status,
        fields=fields,
        registered_on=date(2023, 1, number),
    )


def test_activities_come_by_role_then_name_and_retired_entries_stay_out() -> None:
    entries = [
        view(EntryKind.ACTIVITY, 1, name="B", role="processor"),
        view(EntryKind.ACTIVITY, 2, name="Z", role="controller"),
        view(EntryKind.ACTIVITY, 3, name="A", role="joint_controller"),
        view(EntryKind.ACTIVITY, 4, RETIRED_STATUS, name="C", role="controller"),
    ]
    snapshot = compose_register(MOMENT, entries, HISTORY)
    assert [a.fields["name"] for a in snapshot.activities] == ["Z", "A", "B"]
    only = compose_register(MOMENT, entries, HISTORY, role="processor")
    assert [a.fields["name"] for a in only.activities] == ["B"]


def test_the_policy_in_effect_is_the_one_that_took_effect_last() -> None:
    policies = [view(EntryKind.POLICY, day, title=f"v{day}") for day in (3, 9, 5)]
    snapshot = compose_register(MOMENT, policies, HISTORY)
    assert snapshot.policy is not None and snapshot.policy.fields["title"] == "v9"
    assert snapshot.as_json()["policy"]["effective_from"] == "2023-01-09"


def test_the_digest_covers_the_content_and_the_history() -> None:
    entries = [view(EntryKind.RECIPIENT, 1, name="Host")]
    one = compose_register(MOMENT, entries, HISTORY).as_json()
    other = compose_register(MOMENT, entries, HistoryPosition(4, "cd" * 32)).as_json()
    assert one["digest"].startswith("sha256:") and one["digest"] != other["digest"]
    assert one["organisation"] is None and one["recipients"][0]["name"] == "Host"


def test_field_changes_name_each_field_that_differs_with_the_status() -> None:
    before = State({"name": "A", "owner": None}, ACTIVE)
    after = State({"name": "B", "owner": None}, RETIRED_STATUS)
    assert field_changes(before, after) == [
        FieldChange("name", "A", "B"),
        FieldChange("status", ACTIVE, RETIRED_STATUS),
    ]
    assert field_changes(None, before)[0] == FieldChange("name", None, "A")
    assert field_changes(before, before) == []


def test_status_since_gives_the_day_of_the_retirement_in_effect() -> None:
    recorded = datetime(2024, 1, 1, tzinfo=UTC)
    changes = [
        Change(1, recorded, date(2024, 1, 1), REGISTERED, {"name": "A"}),
        Change(2, recorded, date(2024, 2, 1), RETIRED),
        Change(3, recorded, date(2024, 3, 1), REINSTATED),
        Change(4, recorded, date(2024, 3, 5), AMENDED, {"name": "B"}),
        Change(5, recorded, date(2024, 4, 1), RETIRED),
    ]
    assert status_since(changes, date(2024, 2, 15)) == date(2024, 2, 1)
    assert status_since(changes, date(2024, 3, 20)) == date(2024, 3, 1)
    assert status_since(changes, date(2024, 5, 1)) == date(2024, 4, 1)
    assert status_since(changes, date(2023, 12, 1)) is None
