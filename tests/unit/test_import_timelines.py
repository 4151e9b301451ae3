"""The import checks answer the rules from timelines of each entry's fields and status, not
from its changes: the answers must be the reference fold's, on every day, and what the checks
keep must hold no event or change."""

from __future__ import annotations

import gc
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from register.application.import_checks import Admission
from register.application.import_timelines import EntryTimelines
from register.domain import entries
from register.domain.entries import Entry, Provenance, Stamp, Standing
from register.domain.errors import RegisterError
from register.domain.kinds import EntryKind
from register.domain.timeline import Change, state_at

START = date(2024, 1, 1)
FIELDS = ("name", "description", "owner")


def _history(seed: int, length: int) -> list[Entry.Event]:
    """An activity's events as the rules make them, many of them backdated."""
    rng = random.Random(seed)
    moment = datetime(2024, 1, 1, 9, tzinfo=UTC)
    first = entries.register(
        EntryKind.ACTIVITY,
        {"name": "Payroll", "role": "controller"},
        Provenance(START, "dpo", None),
        Stamp(moment, START),
    )
    events: list[Entry.Event] = [first]
    while len(events) < length:
        moment += timedelta(days=1)
        today = moment.date()
        day = START + timedelta(days=rng.randint(0, (today - START).days))
        provenance = Provenance(day, "dpo", "correction" if day < today else None)
        changes = [event.change() for event in events]
        standing = Standing(
            first.originator_id, EntryKind.ACTIVITY, len(events), START, state_at(changes, day)
        )
        stamp = Stamp(moment, today)
        try:
            if standing.state is not None and not standing.state.in_register:
                made: Entry.Event = entries.reinstate(standing, provenance, stamp)
            elif rng.random() < 0.15:
                made = entries.retire(standing, provenance, stamp)
            else:
                field = rng.choice(FIELDS)
                value = rng.choice([f"{field} {len(events)}", f"{field} again"])
                made = entries.amend(standing, {field: value}, provenance, stamp)
        except RegisterError:
            continue
        events.append(made)
    return events


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 40))
def test_the_timelines_answer_as_the_reference_fold_on_every_day(seed: int, length: int) -> None:
    events = _history(seed, length)
    kept = EntryTimelines(events[0])  # type: ignore[arg-type]
    for event in events[1:]:
        kept.add(event)
    changes: list[Change] = [event.change() for event in events]
    assert kept.version == len(events)
    last = max(change.effective_from for change in changes) + timedelta(days=2)
    day = START - timedelta(days=1)
    while day <= last:
        expected = state_at(changes, day)
        found = kept.state_on(day)
        if expected is None:
            assert found is None
        else:
            assert found is not None
            assert (dict(found.fields), found.status) == (dict(expected.fields), expected.status)
            assert all(found.fields.get(name) == expected.fields.get(name) for name in FIELDS)
        day += timedelta(days=1)


def test_admission_keeps_no_event_and_no_change() -> None:
    admission = Admission(ZoneInfo("UTC"))
    for line, event in enumerate(_history(7, 60), start=1):
        admission.admit(line, event)
    reached, frontier, found = {id(admission)}, [admission], []
    while frontier:
        referents, frontier = gc.get_referents(*frontier), []
        for referent in referents:
            if isinstance(referent, type) or id(referent) in reached:
                continue
            reached.add(id(referent))
            frontier.append(referent)
            if isinstance(referent, Entry.Event | Change):
                found.append(referent)
    assert len(reached) > 100  # the walk reached the timelines' values
    assert found == []
