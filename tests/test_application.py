"""Use cases against a real store: a refused command leaves nothing behind, a backdated
correction keeps both answers, and the store's clock keeps history in order."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from register.application.service import Service
from register.domain.commands import AmendEntry, RegisterEntry, RetireEntry, SetOrganisation
from register.domain.errors import EntryNotFound, InvalidCommand, LifecycleConflict, VersionMismatch
from register.domain.kinds import EntryKind
from register.domain.views import Moment
from register.store.database import lock_for_writing

STATEMENT_DAY = date(2023, 10, 24)


def new_activity(app: Service, **content) -> uuid.UUID:
    entry = app.commands.execute(
        RegisterEntry(
            actor="dpo",
            kind="activity",
            content={"name": "Newsletter", "role": "controller", **content},
            effective_from=STATEMENT_DAY,
            reason="from the statement",
        )
    )
    return entry.id


def event_count(app: Service) -> int:
    return app.reader.integrity().count


def test_refused_commands_leave_no_event(service: Service) -> None:
    entry_id = new_activity(service)
    before = event_count(service)
    refusals = [
        (InvalidCommand, RegisterEntry(actor="dpo", kind="activity", content={"role": "x"})),
        (
            InvalidCommand,
            RegisterEntry(
                actor="dpo",
                kind="activity",
                content={"name": "A", "role": "controller", "recipients": [str(uuid.uuid4())]},
            ),
        ),
        (
            VersionMismatch,
            AmendEntry(
                actor="dpo",
                kind="activity",
                entry_id=entry_id,
                content={"name": "B"},
                expected_version=7,
            ),
        ),
        (
            LifecycleConflict,
            AmendEntry(
                actor="dpo",
                kind="activity",
                entry_id=entry_id,
                content={"name": "B"},
                effective_from=date(2020, 1, 1),
                reason="too early",
            ),
        ),
        (
            EntryNotFound,
            RetireEntry(actor="dpo", kind="recipient", entry_id=entry_id),
        ),
    ]
    for error, command in refusals:
        with pytest.raises(error):
            service.commands.execute(command)
    assert event_count(service) == before
    assert len(service.reader.changes(EntryKind.ACTIVITY, entry_id)) == 1


def test_unknown_recipient_is_named_by_its_path(service: Service) -> None:
    with pytest.raises(InvalidCommand) as refused:
        new_activity(service, transfers=[{"country": "US", "recipient": str(uuid.uuid4())}])
    assert list(refused.value.errors) == ["transfers[0].recipient"]


def rule(period: str) -> dict[str, Any]:
    """A retention rule as stored: the period given, the rest not recorded."""
    return {
        "applies_to": [],
        "period": period,
        "kind": None,
        "criteria": None,
        "trigger": None,
        "trigger_role": None,
        "legal_source": None,
        "note": None,
    }


def test_backdated_correction_keeps_what_was_on_record(service: Service, clock) -> None:
    entry_id = new_activity(service, retention=[{"period": "P1Y"}])
    on_record = service.reader.now()
    clock.advance(days=30)
    service.commands.execute(
        AmendEntry(
            actor="dpo",
            kind="activity",
            entry_id=entry_id,
            content={"retention": [{"period": "P2Y"}]},
            effective_from=STATEMENT_DAY,
            reason="the statement said two years all along",
        )
    )
    reader = service.reader
    then = reader.entry(EntryKind.ACTIVITY, entry_id, Moment(STATEMENT_DAY, on_record))
    now = reader.entry(EntryKind.ACTIVITY, entry_id, Moment(STATEMENT_DAY, reader.now()))
    first = reader.register(Moment(STATEMENT_DAY, on_record)).as_json()
    again = reader.register(Moment(STATEMENT_DAY, on_record)).as_json()
    assert then is not None and now is not None
    assert then.fields["retention"][0]["period"] == "P1Y" and then.version == 1
    assert now.fields["retention"][0]["period"] == "P2Y" and now.version == 2
    assert first == again
    (_, correction) = [item.as_json() for item in reader.history(EntryKind.ACTIVITY, entry_id)]
    assert correction["reason"] == "the statement said two years all along"
    assert correction["changes"] == [
        {
            "field": "retention",
            "before": [rule("P1Y")],
            "after": [rule("P2Y")],
        }
    ]


def test_recorded_at_follows_the_global_order_when_the_clock_goes_back(
    service: Service, clock
) -> None:
    first = new_activity(service)
    clock.advance(hours=-5)
    second = new_activity(service)
    one = service.reader.changes(EntryKind.ACTIVITY, first)[0].recorded_at
    two = service.reader.changes(EntryKind.ACTIVITY, second)[0].recorded_at
    assert two > one


def test_register_answer_is_reproducible_after_later_events(service: Service, clock) -> None:
    entry_id = new_activity(service)
    moment = Moment(STATEMENT_DAY + timedelta(days=1), service.reader.now())
    before = service.reader.register(moment).as_json()
    clock.advance(minutes=1)
    service.commands.execute(
        RetireEntry(
            actor="dpo",
            kind="activity",
            entry_id=entry_id,
            effective_from=STATEMENT_DAY,
            reason="never happened",
        )
    )
    after = service.reader.register(moment).as_json()
    current = service.reader.register(Moment(moment.as_of, service.reader.now())).as_json()
    assert after == before and after["digest"] == before["digest"]
    assert current["activities"] == []


def test_setting_the_organisation_twice_with_the_same_details_records_nothing(
    service: Service,
) -> None:
    details = {"name": "Cinnux B.V.", "trade_name": "Opgelucht"}
    service.commands.execute(SetOrganisation(actor="dpo", content=details))
    service.commands.execute(SetOrganisation(actor="dpo", content=details))
    assert event_count(service) == 1
    service.commands.execute(SetOrganisation(actor="dpo", content={"name": "Cinnux B.V."}))
    organisation = service.reader.register(service.reader.moment()).as_json()
    assert organisation["organisation"]["trade_name"] is None


def test_stored_topics_are_the_stable_names_not_python_paths(
    service: Service,
) -> None:
    entry_id = new_activity(service)
    service.commands.execute(RetireEntry(actor="dpo", kind="activity", entry_id=entry_id))
    with service.store.engine.connect() as connection:
        topics = connection.execute(text("SELECT topic FROM ropa_events ORDER BY id")).scalars()
        assert list(topics) == ["ropa:Activity.Registered", "ropa:Activity.Retired"]


def test_read_model_tracks_the_last_event_in_the_same_transaction(
    service: Service,
) -> None:
    new_activity(service)
    new_activity(service, name="Second")
    with service.store.engine.connect() as connection:
        tracked = connection.execute(text("SELECT position FROM ropa_projection")).scalar()
    assert tracked == service.store.max_position()


def test_a_dropped_read_model_is_rebuilt_from_the_events(
    service: Service,
) -> None:
    new_activity(service, retention=[{"period": "P1Y"}])
    moment = Moment(STATEMENT_DAY, service.reader.now())
    before = service.reader.register(moment).as_json()
    with service.store.engine.begin() as connection:
        connection.execute(text("DROP TABLE ropa_segments"))
        connection.execute(text("DROP TABLE ropa_projection"))
    service.maintenance.rebuild()
    assert service.reader.register(moment).as_json() == before


def test_several_commands_are_recorded_all_or_nothing(service: Service) -> None:
    before = event_count(service)
    valid = RegisterEntry(
        actor="dpo",
        kind=EntryKind.ACTIVITY,
        content={"name": "Webshop", "role": "controller"},
        effective_from=STATEMENT_DAY,
        reason="from the statement",
    )
    refused = RegisterEntry(actor="dpo", kind=EntryKind.ACTIVITY, content={"role": "x"})
    with pytest.raises(InvalidCommand):
        service.commands.execute_all([valid, refused])
    assert event_count(service) == before
    written = service.commands.execute_all([valid, valid])
    assert event_count(service) == before + 2 and written[0].id != written[1].id


def test_events_are_appended_only_in_the_transaction_that_holds_the_lock(
    service: Service,
) -> None:
    store = service.store
    with store.transaction(commit=True) as session:
        held = lock_for_writing(session)
    with store.transaction(commit=True), pytest.raises(RuntimeError, match="holding the lock"):
        store.append(held, [])
    assert event_count(service) == 0
