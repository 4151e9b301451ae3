"""Use cases against a real store: a refused command leaves nothing behind, a backdated
correction keeps both answers, and the store's clock keeps history in order."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from register.application.audit import check_integrity, history
from register.application.service import RegisterApplication
from register.domain.commands import AmendEntry, RegisterEntry, RetireEntry, SetOrganisation
from register.domain.errors import EntryNotFound, InvalidCommand, LifecycleConflict, VersionMismatch
from register.store.queries import Moment, entry_at, register_at

STATEMENT_DAY = date(2023, 10, 24)


def new_activity(app: RegisterApplication, **content) -> uuid.UUID:
    entry = app.register(
        RegisterEntry(
            actor="dpo",
            kind="activity",
            content={"name": "Newsletter", "role": "controller", **content},
            effective_from=STATEMENT_DAY,
            reason="from the statement",
        )
    )
    return entry.id


def event_count(app: RegisterApplication) -> int:
    return check_integrity(app).count


def test_refused_commands_leave_no_event(register_app: RegisterApplication) -> None:
    entry_id = new_activity(register_app)
    before = event_count(register_app)
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
        handler = {
            RegisterEntry: register_app.register,
            AmendEntry: register_app.amend,
            RetireEntry: register_app.retire,
        }[type(command)]
        with pytest.raises(error):
            handler(command)
    assert event_count(register_app) == before
    assert register_app.entry("activity", entry_id).version == 1


def test_unknown_recipient_is_named_by_its_path(register_app: RegisterApplication) -> None:
    with pytest.raises(InvalidCommand) as refused:
        new_activity(register_app, transfers=[{"country": "US", "recipient": str(uuid.uuid4())}])
    assert list(refused.value.errors) == ["transfers[0].recipient"]


def test_backdated_correction_keeps_what_was_on_record(
    register_app: RegisterApplication, clock
) -> None:
    entry_id = new_activity(register_app, retention={"period": "P1Y"})
    on_record = register_app.now()
    clock.advance(days=30)
    register_app.amend(
        AmendEntry(
            actor="dpo",
            kind="activity",
            entry_id=entry_id,
            content={"retention": {"period": "P2Y"}},
            effective_from=STATEMENT_DAY,
            reason="the statement said two years all along",
        )
    )
    with register_app.connect() as connection:
        then = entry_at(connection, "activity", str(entry_id), Moment(STATEMENT_DAY, on_record))
        now = entry_at(
            connection, "activity", str(entry_id), Moment(STATEMENT_DAY, register_app.now())
        )
        first = register_at(connection, Moment(STATEMENT_DAY, on_record))
        again = register_at(connection, Moment(STATEMENT_DAY, on_record))
    assert then["retention"]["period"] == "P1Y" and then["version"] == 1
    assert now["retention"]["period"] == "P2Y" and now["version"] == 2
    assert first == again
    (_, correction) = history(register_app, "activity", entry_id)
    assert correction["reason"] == "the statement said two years all along"
    assert correction["changes"] == [
        {
            "field": "retention",
            "before": {"period": "P1Y", "trigger": None, "note": None},
            "after": {"period": "P2Y", "trigger": None, "note": None},
        }
    ]


def test_recorded_at_follows_the_global_order_when_the_clock_goes_back(
    register_app: RegisterApplication, clock
) -> None:
    first = new_activity(register_app)
    clock.advance(hours=-5)
    second = new_activity(register_app)
    one = register_app.entry("activity", first).changes[0].recorded_at
    two = register_app.entry("activity", second).changes[0].recorded_at
    assert two > one


def test_register_answer_is_reproducible_after_later_events(
    register_app: RegisterApplication, clock
) -> None:
    entry_id = new_activity(register_app)
    moment = Moment(STATEMENT_DAY + timedelta(days=1), register_app.now())
    with register_app.connect() as connection:
        before = register_at(connection, moment)
    clock.advance(minutes=1)
    register_app.retire(
        RetireEntry(
            actor="dpo",
            kind="activity",
            entry_id=entry_id,
            effective_from=STATEMENT_DAY,
            reason="never happened",
        )
    )
    with register_app.connect() as connection:
        after = register_at(connection, moment)
        current = register_at(connection, Moment(moment.as_of, register_app.now()))
    assert after == before and after["digest"] == before["digest"]
    assert current["activities"] == []


def test_setting_the_organisation_twice_with_the_same_details_records_nothing(
    register_app: RegisterApplication,
) -> None:
    details = {"name": "Cinnux B.V.", "trade_name": "Opgelucht"}
    register_app.set_organisation(SetOrganisation(actor="dpo", content=details))
    register_app.set_organisation(SetOrganisation(actor="dpo", content=details))
    assert event_count(register_app) == 1
    register_app.set_organisation(SetOrganisation(actor="dpo", content={"name": "Cinnux B.V."}))
    with register_app.connect() as connection:
        organisation = register_at(connection, Moment(register_app.today(), register_app.now()))
    assert organisation["organisation"]["trade_name"] is None


def test_stored_topics_are_the_stable_names_not_python_paths(
    register_app: RegisterApplication,
) -> None:
    entry_id = new_activity(register_app)
    register_app.retire(RetireEntry(actor="dpo", kind="activity", entry_id=entry_id))
    with register_app.engine.connect() as connection:
        topics = connection.execute(text("SELECT topic FROM ropa_events ORDER BY id")).scalars()
        assert list(topics) == ["ropa:Activity.Registered", "ropa:Activity.Retired"]


def test_read_model_tracks_the_last_event_in_the_same_transaction(
    register_app: RegisterApplication,
) -> None:
    new_activity(register_app)
    new_activity(register_app, name="Second")
    with register_app.engine.connect() as connection:
        tracked = connection.execute(text("SELECT position FROM ropa_projection")).scalar()
    assert tracked == register_app.recorder.max_notification_id()


def test_a_dropped_read_model_is_rebuilt_from_the_events(
    register_app: RegisterApplication,
) -> None:
    new_activity(register_app, retention={"period": "P1Y"})
    moment = Moment(STATEMENT_DAY, register_app.now())
    with register_app.connect() as connection:
        before = register_at(connection, moment)
    with register_app.engine.begin() as connection:
        connection.execute(text("DROP TABLE ropa_segments"))
        connection.execute(text("DROP TABLE ropa_projection"))
    register_app.rebuild()
    with register_app.connect() as connection:
        assert register_at(connection, moment) == before
