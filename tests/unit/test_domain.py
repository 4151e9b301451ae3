"""Domain rules, without a database: every command and every refusal.

The rules are plain functions of a ``Standing``; here the standing comes from the reference fold
over the changes recorded so far, which is what the store's read model is tested to agree with.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from register.domain import entries
from register.domain.entries import (
    Activity,
    Entry,
    Organisation,
    PolicyRevision,
    Provenance,
    Recipient,
    Stamp,
    Standing,
)
from register.domain.errors import InvalidCommand, LifecycleConflict
from register.domain.kinds import EntryKind
from register.domain.timeline import Change, State, state_at

TODAY = date(2026, 3, 2)
STAMP = Stamp(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), TODAY)


def on(day: date, reason: str | None = None) -> Provenance:
    return Provenance(day, "dpo", reason)


class Kept:
    """One entry as a store would keep it: the changes recorded so far, in recorded order.

    It stands in for the store, so each rule is judged on exactly the standing the handlers
    would give it, and every decided event is recorded as the store would record it.
    """

    def __init__(self, registered: Entry.Registered) -> None:
        self.registered = registered
        self.changes: list[Change] = [registered.change()]

    def standing(self, day: date) -> Standing:
        """What the rules see of the entry for a change effective on ``day``."""
        return Standing(
            self.registered.originator_id,
            self.registered.KIND,
            self.changes[-1].version,
            self.changes[0].effective_from,
            state_at(self.changes, day),
        )

    def record(self, event: Entry.Event, standing: Standing) -> Entry.Event:
        """Keep the event; the state ``after`` reports must be what the fold then says."""
        assert event.originator_id == standing.entry_id
        assert event.originator_version == standing.version + 1
        self.changes.append(event.change())
        assert entries.after(standing, event) == state_at(self.changes, event.effective_from)
        return event

    def amend(self, content: dict[str, Any], provenance: Provenance) -> Entry.Event:
        standing = self.standing(provenance.effective_from)
        return self.record(entries.amend(standing, content, provenance, STAMP), standing)

    def retire(self, provenance: Provenance) -> Entry.Event:
        standing = self.standing(provenance.effective_from)
        return self.record(entries.retire(standing, provenance, STAMP), standing)

    def reinstate(self, provenance: Provenance) -> Entry.Event:
        standing = self.standing(provenance.effective_from)
        return self.record(entries.reinstate(standing, provenance, STAMP), standing)

    def state(self, day: date) -> State | None:
        return state_at(self.changes, day)


def register_activity(**content: Any) -> Entry.Registered:
    return entries.register(
        EntryKind.ACTIVITY,
        {"name": "Newsletter", "role": "controller", **content},
        on(TODAY),
        STAMP,
    )


def activity(**content: Any) -> Kept:
    return Kept(register_activity(**content))


def test_registration_fills_every_field_with_its_default() -> None:
    event = register_activity()
    fields = event.change().fields
    assert fields["purposes"] == [] and fields["retention"] is None
    assert event.originator_version == 1


def test_registration_refuses_missing_required_fields() -> None:
    with pytest.raises(InvalidCommand) as refused:
        entries.register(EntryKind.ACTIVITY, {"role": "controller"}, on(TODAY), STAMP)
    assert refused.value.errors == {"name": ["is required"]}


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ({"role": "owner"}, "role"),
        ({"purposes": [{"description": "x", "legal_basis": "Whim"}]}, "purposes[0].legal_basis"),
        ({"purposes": [{"legal_basis": "Consent"}]}, "purposes[0].description"),
        ({"transfers": [{"country": "XX"}]}, "transfers[0].country"),
        ({"retention": [{"period": "two years"}]}, "retention[0].period"),
        ({"retention": [{"period": "P"}]}, "retention[0].period"),
        ({"retention": [{"trigger_role": "continues"}]}, "retention[0].trigger_role"),
        ({"transfers": [{"safeguard": "pinky_promise"}]}, "transfers[0].safeguard"),
        ({"recipients": [{"role": "processor"}]}, "recipients[0].recipient"),
        (
            {"purposes": [{"description": "x", "art9_condition": {"point": "k"}}]},
            "purposes[0].art9_condition.point",
        ),
        ({"joint_controllers": [{"arrangement_ref": "x"}]}, "joint_controllers[0].name"),
        (
            {"controllers": [{"agreement": {"signed_on": "2023-02-30"}, "name": "C"}]},
            "controllers[0].agreement.signed_on",
        ),
        ({"dpia": {"criteria": ["vibes"]}}, "dpia.criteria[0]"),
        ({"processing_operations": ["Juggle"]}, "processing_operations[0]"),
        ({"recipients": ["not-a-uuid"]}, "recipients[0]"),
        ({"data_categories": [42]}, "data_categories[0]"),
        ({"colour": "blue"}, "colour"),
        ({"name": "   "}, "name"),
    ],
)
def test_registration_names_the_field_at_fault(content: dict, field: str) -> None:
    with pytest.raises(InvalidCommand) as refused:
        register_activity(**content)
    assert field in refused.value.errors


def test_valid_durations_and_countries_are_accepted() -> None:
    event = register_activity(
        retention=[{"period": "P2Y6M", "trigger": "end of contract", "kind": "maximum"}],
        transfers=[{"country": "us", "safeguard": "standard_contractual_clauses"}],
        data_categories=["email", {"name": "health", "special_category": True}],
    )
    fields = event.change().fields
    assert fields["transfers"][0]["country"] == "US"
    assert fields["retention"][0]["kind"] == "maximum"
    assert fields["data_categories"][0]["name"] == "email"
    assert fields["data_categories"][1] == {
        "name": "health",
        "special_category": True,
        "special_category_type": None,
        "criminal": False,
        "national_identifier": False,
        "note": None,
    }


def test_backdated_change_needs_a_reason() -> None:
    content = {"name": "x", "role": "controller"}
    with pytest.raises(InvalidCommand) as refused:
        entries.register(EntryKind.ACTIVITY, content, on(date(2023, 10, 24)), STAMP)
    assert "reason" in refused.value.errors
    event = entries.register(
        EntryKind.ACTIVITY, content, on(date(2023, 10, 24), "found in old files"), STAMP
    )
    assert event.change().reason == "found in old files"


def test_future_dated_change_needs_no_reason() -> None:
    entry = activity()
    entry.amend({"name": "Monthly newsletter"}, on(date(2026, 6, 1)))
    before, after = entry.state(date(2026, 5, 31)), entry.state(date(2026, 6, 1))
    assert before is not None and before.fields["name"] == "Newsletter"
    assert after is not None and after.fields["name"] == "Monthly newsletter"


def test_amendment_keeps_only_what_changes_and_refuses_no_change() -> None:
    entry = activity()
    entry.amend({"name": "Newsletter", "owner": "Marketing"}, on(TODAY))
    assert entry.changes[-1].fields == {"owner": "Marketing"}
    with pytest.raises(InvalidCommand):
        entry.amend({"owner": "Marketing"}, on(TODAY))


def test_amendment_refuses_empty_unknown_and_nulled_required_fields() -> None:
    entry = activity()
    for content, field in (({}, "fields"), ({"colour": "x"}, "colour"), ({"name": None}, "name")):
        with pytest.raises(InvalidCommand) as refused:
            entry.amend(content, on(TODAY))
        assert field in refused.value.errors


def test_amendment_before_registration_is_a_conflict() -> None:
    entry = activity()
    with pytest.raises(LifecycleConflict):
        entry.amend({"name": "y"}, on(date(2026, 1, 1), "earlier"))


def test_retired_entry_refuses_amendment_and_second_retirement() -> None:
    entry = activity()
    entry.retire(on(TODAY))
    with pytest.raises(LifecycleConflict):
        entry.amend({"name": "y"}, on(TODAY))
    with pytest.raises(LifecycleConflict):
        entry.retire(on(TODAY))
    state = entry.state(TODAY)
    assert state is not None and state.status == "retired"


def test_reinstatement_only_while_retired() -> None:
    entry = activity()
    with pytest.raises(LifecycleConflict):
        entry.reinstate(on(TODAY))
    entry.retire(on(date(2026, 4, 1)))
    with pytest.raises(LifecycleConflict):
        entry.reinstate(on(date(2026, 3, 15)))
    entry.reinstate(on(date(2026, 5, 1)))
    retired, reinstated = entry.state(date(2026, 4, 15)), entry.state(date(2026, 5, 1))
    assert retired is not None and retired.status == "retired"
    assert reinstated is not None and reinstated.status == "active"


def test_retirement_before_registration_is_a_conflict() -> None:
    entry = activity()
    with pytest.raises(LifecycleConflict):
        entry.retire(on(date(2025, 1, 1), "never mind"))


def test_policy_revision_gets_a_content_hash_and_a_publish_topic() -> None:
    event = entries.register(
        EntryKind.POLICY,
        {"title": "Privacy statement", "language": "nl", "text": "# Tekst"},
        on(TODAY),
        STAMP,
    )
    assert event.change().fields["content_hash"].startswith("sha256:")
    assert type(event).TOPIC == "ropa:PolicyRevision.Published"


def test_every_event_class_has_a_stable_topic() -> None:
    for entry_class in (Activity, Recipient, PolicyRevision, Organisation):
        for name in ("Registered", "Amended", "Retired", "Reinstated"):
            topic = getattr(entry_class, name).TOPIC
            assert topic.startswith(entry_class.TOPIC + ".")


def test_recipient_rules() -> None:
    with pytest.raises(InvalidCommand) as refused:
        entries.register(
            EntryKind.RECIPIENT, {"name": "Host", "category": "cloud"}, on(TODAY), STAMP
        )
    assert "category" in refused.value.errors
    event = entries.register(
        EntryKind.RECIPIENT,
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
    assert event.change().fields["country"] == "NL"
