"""The SQL read model answers every (as_of, known_at) exactly as the reference fold does.

Hypothesis draws histories of registrations, amendments (merge semantics, same-day edits),
retirements and reinstatements with effective dates scattered around the moving "today", so
many are backdated corrections, and some are refused by the lifecycle rules. Then for many
(as_of, known_at) pairs every entry read from the read model is compared with a naive fold of
its events, before and after a rebuild.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from register.application.read_model_check import check_read_model
from register.application.service import Service
from register.bootstrap import bootstrap
from register.domain.commands import (
    AmendEntry,
    Command,
    RegisterEntry,
    ReinstateEntry,
    RetireEntry,
)
from register.domain.errors import RegisterError
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, Change, state_at, version_at
from register.domain.views import Moment
from register.settings import Settings
from tests.support import FakeClock, database

BASE = date(2024, 1, 1)
START = datetime(2024, 1, 8, 10, 0, tzinfo=UTC)
FIELDS = ("name", "description", "owner")

operation = st.tuples(
    st.sampled_from(["register", "amend", "amend", "amend", "retire", "reinstate"]),
    st.integers(0, 2),
    st.integers(-2, 8),
)
step = st.tuples(
    operation,
    st.sampled_from(FIELDS),
    st.sampled_from([0, 0, 1, 60, 86_400, 3 * 86_400]),
)


def run_history(service: Service, clock: FakeClock, steps: list) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    activity = EntryKind.ACTIVITY
    for index, ((verb, target, offset), field, advance) in enumerate(steps):
        clock.advance(seconds=advance)
        day = BASE + timedelta(days=offset)
        common: dict[str, Any] = {"actor": "prop", "effective_from": day, "reason": f"step {index}"}
        try:
            if verb == "register" or not ids:
                entry = service.commands.execute(
                    RegisterEntry(
                        kind=activity,
                        content={"name": f"activity {len(ids)}", "role": "controller"},
                        **common,
                    )
                )
                ids.append(entry.id)
                continue
            entry_id = ids[target % len(ids)]
            command: Command
            if verb == "amend":
                command = AmendEntry(
                    kind=activity, entry_id=entry_id, content={field: f"{field} {index}"}, **common
                )
            elif verb == "retire":
                command = RetireEntry(kind=activity, entry_id=entry_id, **common)
            else:
                command = ReinstateEntry(kind=activity, entry_id=entry_id, **common)
            service.commands.execute(command)
        except RegisterError:
            continue
    return ids


def probes(histories: dict[uuid.UUID, list[Change]]) -> tuple[list[datetime], list[date]]:
    """Every distinct answer lies at a boundary: on or just before a recording or an effect."""
    changes = [c for history in histories.values() for c in history]
    micro = timedelta(microseconds=1)
    moments = {START - timedelta(days=1), datetime(2100, 1, 1, tzinfo=UTC)}
    moments |= {c.recorded_at for c in changes} | {c.recorded_at - micro for c in changes}
    days = {BASE - timedelta(days=5), BASE + timedelta(days=30)}
    days |= {c.effective_from for c in changes}
    days |= {c.effective_from - timedelta(days=1) for c in changes}
    return sorted(moments), sorted(days)


def assert_read_model_matches_fold(service: Service, ids: list[uuid.UUID]) -> None:
    reader = service.reader
    activity = EntryKind.ACTIVITY
    histories = {i: reader.changes(activity, i) for i in ids}
    moments, days = probes(histories)
    for known in moments:
        for day in days:
            moment = Moment(day, known)
            in_register = set()
            for entry_id, changes in histories.items():
                expected = state_at(changes, day, known)
                actual = reader.entry(activity, entry_id, moment)
                if expected is None:
                    assert actual is None, (entry_id, day, known)
                    continue
                assert actual is not None, (entry_id, day, known)
                assert actual.status == expected.status
                assert dict(actual.fields) == dict(expected.fields)
                assert actual.version == version_at(changes, known)
                if expected.status == ACTIVE:
                    in_register.add(entry_id)
            listed = reader.entries(activity, moment)
            assert {e.id for e in listed.entries} == in_register
            assert listed.total == len(in_register)


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=1, max_size=16))
def test_read_model_equals_reference_fold(engine: str, tmp_path, steps: list) -> None:
    clock = FakeClock(START)
    with database(engine, str(tmp_path)) as url:
        service = bootstrap(Settings(database_url=url), clock)
        try:
            ids = run_history(service, clock, steps)
            assert_read_model_matches_fold(service, ids)
            assert check_read_model(service.store).intact  # the fields each event set, too
            service.maintenance.rebuild()
            assert_read_model_matches_fold(service, ids)
            assert check_read_model(service.store).intact
        finally:
            service.close()
