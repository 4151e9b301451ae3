"""References in time (issue 7, item 2): an activity in effect names only recipients in effect.

Use cases through ``service.commands.execute`` on both engines, each refusal leaving no event,
and a property test: whatever history of recipients and activities is asked for, with
backdated corrections scattered through it, no register at any (as_of, known_at) lists a
recipient id that it does not list as a recipient.
"""

from __future__ import annotations

import operator
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from register.application.service import Service
from register.bootstrap import bootstrap
from register.domain.catalogue import references
from register.domain.commands import (
    AmendEntry,
    Command,
    RegisterEntry,
    ReinstateEntry,
    RetireEntry,
)
from register.domain.errors import InvalidCommand, LifecycleConflict, RegisterError
from register.domain.kinds import EntryKind
from register.domain.views import Moment
from register.settings import Settings
from tests.support import FakeClock, database

DAY = date(2026, 1, 1)  # before the test clock's today: every change here is a correction
RECIPIENT = EntryKind.RECIPIENT
ACTIVITY = EntryKind.ACTIVITY


def on(offset: int) -> dict[str, Any]:
    return {"actor": "dpo", "effective_from": DAY + timedelta(days=offset), "reason": "test"}


def new_recipient(service: Service, offset: int = 0, name: str = "Mailer") -> uuid.UUID:
    return service.commands.execute(
        RegisterEntry(kind=RECIPIENT, content={"name": name}, **on(offset))
    ).id


def new_activity(service: Service, offset: int = 0, **content: Any) -> uuid.UUID:
    content = {"name": "Newsletter", "role": "controller", **content}
    return service.commands.execute(RegisterEntry(kind=ACTIVITY, content=content, **on(offset))).id


def amend(service: Service, entry_id: uuid.UUID, offset: int, **content: Any) -> None:
    service.commands.execute(
        AmendEntry(kind=ACTIVITY, entry_id=entry_id, content=content, **on(offset))
    )


def retire(service: Service, kind: EntryKind, entry_id: uuid.UUID, offset: int) -> None:
    service.commands.execute(RetireEntry(kind=kind, entry_id=entry_id, **on(offset)))


def reinstate(service: Service, kind: EntryKind, entry_id: uuid.UUID, offset: int) -> None:
    service.commands.execute(ReinstateEntry(kind=kind, entry_id=entry_id, **on(offset)))


def event_count(service: Service) -> int:
    return service.reader.integrity().count


def refused(service: Service, error: type[RegisterError], command: Command) -> RegisterError:
    """The command is refused with ``error`` and leaves no event behind."""
    before = event_count(service)
    with pytest.raises(error) as raised:
        service.commands.execute(command)
    assert event_count(service) == before
    return raised.value


def register_activity(offset: int, **content: Any) -> RegisterEntry:
    content = {"name": "Newsletter", "role": "controller", **content}
    return RegisterEntry(kind=ACTIVITY, content=content, **on(offset))


def test_an_activity_cannot_name_a_recipient_before_it_takes_effect(service: Service) -> None:
    mailer = new_recipient(service, offset=5)
    error = refused(service, InvalidCommand, register_activity(0, recipients=[str(mailer)]))
    assert isinstance(error, InvalidCommand)
    (message,) = error.errors["recipients[0].recipient"]
    assert f"recipient 'Mailer' ({mailer}), which is not in effect on 2026-01-01" in message
    assert "it takes effect on 2026-01-06" in message
    assert "register or reinstate it first, or choose a later date" in message
    new_activity(service, offset=5, recipients=[str(mailer)])


def test_an_activity_cannot_name_a_recipient_retired_on_a_day_it_covers(service: Service) -> None:
    mailer = new_recipient(service)
    retire(service, RECIPIENT, mailer, offset=10)
    transfer = {"country": "US", "recipient": str(mailer)}
    for offset in (3, 10, 12):
        error = refused(service, InvalidCommand, register_activity(offset, transfers=[transfer]))
        assert isinstance(error, InvalidCommand)
        (message,) = error.errors["transfers[0].recipient"]
        day = DAY + timedelta(days=max(offset, 10))
        assert f"not in effect on {day.isoformat()} (it is retired then)" in message
    reinstate(service, RECIPIENT, mailer, offset=20)
    error = refused(service, InvalidCommand, register_activity(3, transfers=[transfer]))
    assert "not in effect on 2026-01-11" in error.detail
    new_activity(service, offset=20, transfers=[transfer])


def test_an_amendment_holds_until_the_next_amendment_of_that_field(service: Service) -> None:
    mailer = new_recipient(service)
    host = new_recipient(service, name="Host")
    activity = new_activity(service)
    amend(service, activity, 10, recipients=[str(host)])
    retire(service, RECIPIENT, mailer, offset=10)
    amend(service, activity, 2, recipients=[str(mailer)])  # named on [2, 10) only
    assert_named(service, activity, 5, {mailer})
    assert_named(service, activity, 10, {host})
    command = AmendEntry(
        kind=ACTIVITY, entry_id=activity, content={"recipients": [str(mailer)]}, **on(12)
    )
    error = refused(service, InvalidCommand, command)
    assert isinstance(error, InvalidCommand) and list(error.errors) == ["recipients[0].recipient"]
    amend(service, activity, 12, name="Newsletter (weekly)")  # names no recipient: allowed


def test_an_amendment_counts_only_the_days_the_activity_is_in_effect(service: Service) -> None:
    mailer = new_recipient(service)
    activity = new_activity(service)
    retire(service, ACTIVITY, activity, offset=10)
    retire(service, RECIPIENT, mailer, offset=10)
    amend(service, activity, 2, recipients=[str(mailer)])
    assert_named(service, activity, 9, {mailer})
    error = refused(
        service,
        LifecycleConflict,
        ReinstateEntry(kind=ACTIVITY, entry_id=activity, **on(12)),
    )
    assert f"recipients[0].recipient names recipient 'Mailer' ({mailer})" in error.detail
    assert "not in effect on 2026-01-13 (it is retired then)" in error.detail
    reinstate(service, RECIPIENT, mailer, offset=15)
    reinstate(service, ACTIVITY, activity, offset=15)
    assert_named(service, activity, 15, {mailer})


def test_a_recipient_that_activities_name_cannot_be_retired(service: Service) -> None:
    mailer = new_recipient(service)
    newsletter = new_activity(service, recipients=[str(mailer)])
    survey = new_activity(service, offset=4, name="Survey")
    amend(service, survey, 6, transfers=[{"country": "US", "recipient": str(mailer)}])
    error = refused(
        service, LifecycleConflict, RetireEntry(kind=RECIPIENT, entry_id=mailer, **on(5))
    )
    assert f"activity 'Newsletter' ({newsletter}) from 2026-01-06" in error.detail
    assert f"activity 'Survey' ({survey}) from 2026-01-07" in error.detail
    amend(service, newsletter, 5, recipients=[])
    retire(service, ACTIVITY, survey, offset=5)
    retire(service, RECIPIENT, mailer, offset=5)
    moment = service.reader.moment(DAY + timedelta(days=4))
    assert [r.id for r in service.reader.register(moment).recipients] == [mailer]


def test_a_retirement_holds_until_the_next_change_of_status(service: Service) -> None:
    mailer = new_recipient(service)
    retire(service, RECIPIENT, mailer, offset=20)
    reinstate(service, RECIPIENT, mailer, offset=25)
    activity = new_activity(service)
    amend(service, activity, 25, recipients=[str(mailer)])
    retire(service, RECIPIENT, mailer, offset=15)  # out until reinstated on 25, named from 25
    command = RetireEntry(kind=RECIPIENT, entry_id=mailer, **on(30))
    error = refused(service, LifecycleConflict, command)
    assert f"activity 'Newsletter' ({activity}) from 2026-01-31" in error.detail


def test_an_activity_retired_on_that_date_does_not_hold_a_recipient(service: Service) -> None:
    mailer = new_recipient(service)
    activity = new_activity(service, recipients=[str(mailer)])
    retire(service, ACTIVITY, activity, offset=10)
    retire(service, RECIPIENT, mailer, offset=10)
    assert_named(service, activity, 9, {mailer})


def test_several_commands_are_checked_in_order(service: Service) -> None:
    recipient_id = uuid.uuid4()
    service.commands.execute_all(
        [
            RegisterEntry(kind=RECIPIENT, content={"name": "Host"}, entry_id=recipient_id, **on(0)),
            register_activity(0, recipients=[str(recipient_id)]),
        ]
    )
    assert event_count(service) == 2


def assert_named(service: Service, activity: uuid.UUID, offset: int, ids: set[uuid.UUID]) -> None:
    moment = service.reader.moment(DAY + timedelta(days=offset))
    entry = service.reader.entry(ACTIVITY, activity, moment)
    assert entry is not None
    assert {uuid.UUID(ref) for _, _, ref in references(ACTIVITY, entry.fields)} == ids


# The property --------------------------------------------------------------------------------

START = datetime(2026, 1, 8, 10, 0, tzinfo=UTC)
ENTRIES = 2  # of each kind


def step(verbs: st.SearchStrategy[str], days: range) -> st.SearchStrategy[tuple]:
    return st.tuples(
        verbs,
        st.integers(0, ENTRIES - 1),  # which entry
        st.sampled_from(days),  # the effective day, around the moving today
        st.sampled_from([{0}, {1}, {0, 1}, set()]),  # the recipients named
        st.sampled_from([0, 1, 3_600, 86_400]),  # how far the clock moves first
    )


# Two recipients and two activities first, so that the changes after them have entries to act
# on; then changes, lifecycle ones most, since those are where references lapse.
OPENING = ["register recipient", "register recipient", "register activity", "register activity"]
CHANGES = [
    *("retire recipient", "reinstate recipient") * 2,
    *("retire activity", "reinstate activity") * 2,
    *("name recipients", "name recipients", "name transfers", "rename activity"),
    "register activity",
]
histories = st.builds(
    operator.add,
    st.tuples(*(step(st.just(verb), range(-2, 3)) for verb in OPENING)).map(list),
    st.lists(step(st.sampled_from(CHANGES), range(-1, 5)), min_size=4, max_size=24),
)


def run_history(service: Service, clock: FakeClock, steps: list) -> None:
    """Carry out the steps, ignoring refusals: a refusal is the rule doing its work.

    A reinstatement's day counts from the entry's last retirement in the history, when it had
    one, so that reinstatements are mostly on a day the entry is retired.
    """
    pools: dict[EntryKind, list[uuid.UUID]] = {RECIPIENT: [], ACTIVITY: []}
    retired: dict[uuid.UUID, date] = {}
    for index, (verb, target, offset, named, advance) in enumerate(steps):
        clock.advance(seconds=advance)
        kind = RECIPIENT if verb.endswith(" recipient") else ACTIVITY
        pool = pools[kind]
        entry_id = pool[target % len(pool)] if pool else None
        day = DAY + timedelta(days=offset)
        if verb.startswith("reinstate") and entry_id in retired:
            day = retired[entry_id] + timedelta(days=abs(offset))
        common: dict[str, Any] = {"actor": "prop", "effective_from": day, "reason": f"{index}"}
        ids = [str(pool_id) for n, pool_id in enumerate(pools[RECIPIENT]) if n in named]
        command: Command
        if verb.startswith("register"):
            if len(pool) == ENTRIES:
                continue
            content: dict[str, Any] = {"name": f"{kind} {len(pool)}"}
            if kind == ACTIVITY:
                content |= {"role": "controller", "recipients": ids}
            command = RegisterEntry(kind=kind, content=content, **common)
        elif entry_id is None:
            continue
        elif verb.startswith("retire"):
            command = RetireEntry(kind=kind, entry_id=entry_id, **common)
        elif verb.startswith("reinstate"):
            command = ReinstateEntry(kind=kind, entry_id=entry_id, **common)
        else:
            content = {
                "name recipients": {"recipients": ids},
                "name transfers": {"transfers": [{"country": "US", "recipient": i} for i in ids]},
                "rename activity": {"name": f"renamed {index}"},
            }[verb]
            command = AmendEntry(kind=kind, entry_id=entry_id, content=content, **common)
        try:
            entry = service.commands.execute(command)
        except RegisterError:
            continue
        if isinstance(command, RegisterEntry):
            pool.append(entry.id)
        if isinstance(command, RetireEntry):
            retired[entry.id] = day


def boundaries(service: Service) -> tuple[list[datetime], list[date]]:
    """Every distinct register lies at a boundary: on or just before a recording or an effect."""
    every = Moment(DAY + timedelta(days=40), service.reader.now())  # after every effect
    changes = [
        change
        for kind in (RECIPIENT, ACTIVITY)
        for entry in service.reader.entries(kind, every, status=None).entries
        for change in service.reader.changes(kind, entry.id)
    ]
    micro = timedelta(microseconds=1)
    moments = {START - timedelta(days=1), service.reader.now()}
    moments |= {c.recorded_at for c in changes} | {c.recorded_at - micro for c in changes}
    days = {DAY - timedelta(days=5), DAY + timedelta(days=40)}
    days |= {c.effective_from for c in changes}
    days |= {c.effective_from - timedelta(days=1) for c in changes}
    return sorted(moments), sorted(days)


def assert_every_named_recipient_is_listed(service: Service) -> None:
    moments, days = boundaries(service)
    for known in moments:
        for day in days:
            register = service.reader.register(Moment(day, known))
            listed = {str(r.id) for r in register.recipients}
            for activity in register.activities:
                for path, _, ref in references(ACTIVITY, activity.fields):
                    assert ref in listed, (activity.fields["name"], path, ref, day, known)


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories)
def test_no_register_lists_a_recipient_it_does_not_list(engine: str, tmp_path, history) -> None:
    clock = FakeClock(START)
    with database(engine, str(tmp_path)) as url:
        service = bootstrap(Settings(database_url=url), clock)
        try:
            run_history(service, clock, history)
            assert_every_named_recipient_is_listed(service)
        finally:
            service.close()
