"""Domain rules, without a database: every command and every refusal."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from register.domain.entries import (
    Activity,
    Organisation,
    PolicyRevision,
    Provenance,
    Recipient,
    Stamp,
)
from register.domain.errors import InvalidCommand, LifecycleConflict
from register.domain.timeline import state_at

TODAY = date(2026, 3, 2)
STAMP = Stamp(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), TODAY)


def on(day: date, reason: str | None = None) -> Provenance:
    return Provenance(day, "dpo", reason)


def activity(**content) -> Activity:
    return Activity.register(
        {"name": "Newsletter", "role": "controller", **content}, on(TODAY), STAMP
    )


def test_registration_fills_every_field_with_its_default() -> None:
    entry = activity()
    fields = entry.changes[0].fields
    assert fields["purposes"] == [] and fields["retention"] is None
    assert entry.version == 1


def test_registration_refuses_missing_required_fields() -> None:
    with pytest.raises(InvalidCommand) as refused:
        Activity.register({"role": "controller"}, on(TODAY), STAMP)
    assert refused.value.errors == {"name": ["is required"]}


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ({"role": "owner"}, "role"),
        ({"purposes": [{"description": "x", "legal_basis": "Whim"}]}, "purposes[0].legal_basis"),
        ({"purposes": [{"legal_basis": "Consent"}]}, "purposes[0].description"),
        ({"transfers": [{"country": "XX"}]}, "transfers[0].country"),
        ({"retention": {"period": "two years"}}, "retention.period"),
        ({"retention": {"period": "P"}}, "retention.period"),
        ({"recipients": ["not-a-uuid"]}, "recipients[0]"),
        ({"data_categories": [42]}, "data_categories[0]"),
        ({"colour": "blue"}, "colour"),
        ({"name": "   "}, "name"),
    ],
)
def test_registration_names_the_field_at_fault(content: dict, field: str) -> None:
    with pytest.raises(InvalidCommand) as refused:
        activity(**content)
    assert field in refused.value.errors


def test_valid_durations_and_countries_are_accepted() -> None:
    entry = activity(
        retention={"period": "P2Y6M", "trigger": "end of contract"},
        transfers=[{"country": "us", "safeguard": "standard_contractual_clauses"}],
        data_categories=["email", {"name": "health", "special_category": True}],
    )
    fields = entry.changes[0].fields
    assert fields["transfers"][0]["country"] == "US"
    assert fields["data_categories"][1] == {
        "name": "health",
        "special_category": True,
        "criminal": False,
    }


def test_backdated_change_needs_a_reason() -> None:
    with pytest.raises(InvalidCommand) as refused:
        Activity.register({"name": "x", "role": "controller"}, on(date(2023, 10, 24)), STAMP)
    assert "reason" in refused.value.errors
    entry = Activity.register(
        {"name": "x", "role": "controller"}, on(date(2023, 10, 24), "found in old files"), STAMP
    )
    assert entry.changes[0].reason == "found in old files"


def test_future_dated_change_needs_no_reason() -> None:
    entry = activity()
    entry.amend({"name": "Monthly newsletter"}, on(date(2026, 6, 1)), STAMP)
    assert state_at(entry.changes, date(2026, 5, 31)).fields["name"] == "Newsletter"
    assert state_at(entry.changes, date(2026, 6, 1)).fields["name"] == "Monthly newsletter"


def test_amendment_keeps_only_what_changes_and_refuses_no_change() -> None:
    entry = activity()
    entry.amend({"name": "Newsletter", "owner": "Marketing"}, on(TODAY), STAMP)
    assert entry.changes[-1].fields == {"owner": "Marketing"}
    with pytest.raises(InvalidCommand):
        entry.amend({"owner": "Marketing"}, on(TODAY), STAMP)


def test_amendment_refuses_empty_unknown_and_nulled_required_fields() -> None:
    entry = activity()
    for content, field in (({}, "fields"), ({"colour": "x"}, "colour"), ({"name": None}, "name")):
        with pytest.raises(InvalidCommand) as refused:
            entry.amend(content, on(TODAY), STAMP)
        assert field in refused.value.errors


def test_amendment_before_registration_is_a_conflict() -> None:
    entry = activity()
    with pytest.raises(LifecycleConflict):
        entry.amend({"name": "y"}, on(date(2026, 1, 1), "earlier"), STAMP)


def test_retired_entry_refuses_amendment_and_second_retirement() -> None:
    entry = activity()
    entry.retire(on(TODAY), STAMP)
    with pytest.raises(LifecycleConflict):
        entry.amend({"name": "y"}, on(TODAY), STAMP)
    with pytest.raises(LifecycleConflict):
        entry.retire(on(TODAY), STAMP)
    assert state_at(entry.changes, TODAY).status == "retired"


def test_reinstatement_only_while_retired() -> None:
    entry = activity()
    with pytest.raises(LifecycleConflict):
        entry.reinstate(on(TODAY), STAMP)
    entry.retire(on(date(2026, 4, 1)), STAMP)
    with pytest.raises(LifecycleConflict):
        entry.reinstate(on(date(2026, 3, 15)), STAMP)
    entry.reinstate(on(date(2026, 5, 1)), STAMP)
    assert state_at(entry.changes, date(2026, 4, 15)).status == "retired"
    assert state_at(entry.changes, date(2026, 5, 1)).status == "active"


def test_retirement_before_registration_is_a_conflict() -> None:
    entry = activity()
    with pytest.raises(LifecycleConflict):
        entry.retire(on(date(2025, 1, 1), "never mind"), STAMP)


def test_policy_revision_gets_a_content_hash_and_a_publish_topic() -> None:
    policy = PolicyRevision.register(
        {"title": "Privacy statement", "language": "nl", "text": "# Tekst"}, on(TODAY), STAMP
    )
    fields = policy.changes[0].fields
    assert fields["content_hash"].startswith("sha256:")
    (event,) = policy.collect_events()
    assert type(event).TOPIC == "ropa:PolicyRevision.Published"


def test_every_event_class_has_a_stable_topic() -> None:
    for entry_class in (Activity, Recipient, PolicyRevision, Organisation):
        for name in ("Registered", "Amended", "Retired", "Reinstated"):
            topic = getattr(entry_class, name).TOPIC
            assert topic.startswith(entry_class.TOPIC + ".")


def test_recipient_rules() -> None:
    with pytest.raises(InvalidCommand) as refused:
        Recipient.register({"name": "Host", "category": "cloud"}, on(TODAY), STAMP)
    assert "category" in refused.value.errors
    recipient = Recipient.register(
        {
            "name": "Host",
            "category": "hosting",
            "legal_role": "processor",
            "country": "NL",
            "data_processing_agreement": {"reference": "DPA-7", "signed_on": "2023-01-05"},
        },
        on(TODAY),
        STAMP,
    )
    assert recipient.changes[0].fields["country"] == "NL"
