"""A projection run that applies several events of one entry already in the read model: the
run loads only the end of the entry's timeline, and must load the rest when a later event of
the same run reaches further back. Normal writes project one event per run; a catch-up after
the read model fell behind applies many in one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from register.application.read_model_check import check_read_model
from register.application.service import Service
from register.domain.commands import AmendEntry, RegisterEntry
from register.domain.entries import Activity
from register.domain.kinds import EntryKind
from register.domain.timeline import state_at
from register.domain.views import EntryView, Moment
from register.store import segment_projection, segment_rows
from register.store.database import lock_for_writing

START = date(2024, 1, 1)


def registered(service: Service) -> EntryView:
    return service.commands.execute(
        RegisterEntry(
            actor="dpo",
            kind=EntryKind.ACTIVITY,
            content={"name": "Newsletter", "role": "controller"},
            effective_from=START,
            reason="initial",
        )
    )


def test_one_run_reaching_back_before_the_rows_it_loaded(service: Service) -> None:
    commands = service.commands
    entry = registered(service)
    for days in (10, 20, 30):
        commands.execute(
            AmendEntry(
                actor="dpo",
                kind=EntryKind.ACTIVITY,
                entry_id=entry.id,
                content={"owner": f"owner {days}"},
                effective_from=START + timedelta(days=days),
                reason="later",
            )
        )
    recorded = service.reader.now()
    late, early = (
        Activity.Amended(  # type: ignore[call-arg]
            originator_id=entry.id,
            originator_version=version,
            timestamp=recorded + timedelta(seconds=version),
            effective_from=START + timedelta(days=days),
            actor="dpo",
            reason="caught up",
            fields={"description": f"from day {days}"},
        )
        for version, days in ((5, 40), (6, 5))
    )
    store = service.store
    with store.transaction(commit=True) as session:
        store.append(lock_for_writing(session), [late, early])
        service.maintenance.projections.catch_up(session.connection())

    changes = service.reader.changes(EntryKind.ACTIVITY, entry.id)
    assert len(changes) == 6
    known_at = [c.recorded_at for c in changes]
    for known in known_at:
        for days in range(-1, 45):
            day = START + timedelta(days=days)
            expected = state_at(changes, day, known)
            actual = service.reader.entry(EntryKind.ACTIVITY, entry.id, Moment(day, known))
            if expected is None:
                assert actual is None
                continue
            assert actual is not None, (day, known)
            assert dict(actual.fields) == dict(expected.fields), (day, known)
    before = service.reader.register(service.reader.moment(START + timedelta(days=41))).as_json()
    service.maintenance.rebuild()
    after = service.reader.register(service.reader.moment(START + timedelta(days=41))).as_json()
    assert before["activities"] == after["activities"]


def test_the_fields_events_set_are_written_in_as_many_statements_as_they_need(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A registration sets every field at once: with two names to a statement, it takes many."""
    monkeypatch.setattr(segment_projection, "FIELDS_PER_STATEMENT", 2)
    entry = registered(service)
    with service.store.engine.connect() as connection:
        written = segment_rows.fields_set_of(connection, entry.id)
    assert len(written) > 2 and {(1, "name"), (1, "role")} <= written
    assert check_read_model(service.store).intact
