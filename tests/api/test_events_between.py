"""The diff's rules ask when a field was last set, or an entry last retired, between its two
moments; the store answers from the ledger and the names each event stored, without decoding
the history. On SQLite and PostgreSQL, it must answer exactly what decoding every event of
every changed entry answers, for every field and every kind of change."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from register.application.diffs import EventsBetween
from register.application.service import Service
from register.domain.catalogue import spec
from register.domain.diff.compare import compare
from register.domain.diff.model import RegisterDiff
from register.domain.followups import EventsAtHand, recorded
from register.domain.timeline import AMENDED, REGISTERED, REINSTATED, RETIRED, REVIEWED, Change
from register.domain.views import Moment
from register.store import events_between
from tests.api.client import ApiClient
from tests.api.realistic_history import APP, STATEMENT_DAY, History, _amend, record_history
from tests.support import FakeClock

KINDS = (REGISTERED, AMENDED, RETIRED, REINSTATED, REVIEWED)


@pytest.fixture
def history(api: ApiClient, service: Service, clock: FakeClock) -> History:
    recorded_history = record_history(api, service, clock)
    # A value that is a field's name is stored as that name in quotes, as the field itself is:
    # it must not count as setting that field.
    clock.advance(hours=1)
    _amend(api, APP, {"notes": "recipients"})
    return recorded_history


def the_diff(service: Service, history: History) -> RegisterDiff:
    reader = service.reader
    before = Moment(date.fromisoformat(STATEMENT_DAY), _instant(history.published_at))
    after = Moment(reader.today(), reader.now())
    return compare(reader.register(before), reader.register(after))


def decoded(service: Service, diff: RegisterDiff) -> EventsAtHand:
    """Every changed entry's events between the moments, each decoded: the naive answer."""
    before, after = diff.before.moment, diff.after.moment
    by_entry = {}
    for entry in diff.entries:
        changes = service.reader.changes(entry.kind, entry.entry_id)
        between = [c for c in changes if _seen(c, after) and not _seen(c, before)]
        by_entry[entry.entry_id] = recorded(between, service.reader.zone)
    return EventsAtHand(by_entry)


def test_the_store_answers_as_decoding_every_event_does(service: Service, history: History) -> None:
    diff = the_diff(service, history)
    assert diff.entries
    from_store, naive = EventsBetween(service.reader, diff), decoded(service, diff)
    every = {entry.entry_id for entry in diff.entries}
    names = {f.name for entry in diff.entries for f in spec(entry.kind).fields} | {"status"}
    found = 0
    for name in sorted(names):
        assert from_store.last_settings(name, every) == naive.last_settings(name, every), name
        found += len(naive.last_settings(name, every))
    for kind in KINDS:
        assert from_store.lasts_of(kind, every) == naive.lasts_of(kind, every), kind
    assert found > 20  # the fields the history set were found, not only their absence


def test_entries_asked_after_alone_are_answered_as_when_asked_after_together(
    service: Service, history: History
) -> None:
    diff = the_diff(service, history)
    events = EventsBetween(service.reader, diff)
    every = {entry.entry_id for entry in diff.entries}
    together = events.last_settings("recipients", every)
    alone = {
        entry_id: found
        for entry_id in every
        for found in events.last_settings("recipients", {entry_id}).values()
    }
    assert together == alone and together


def test_entries_asked_after_in_several_statements_are_answered_the_same(
    service: Service, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    diff = the_diff(service, history)
    every = {entry.entry_id for entry in diff.entries}
    whole = EventsBetween(service.reader, diff).last_settings("recipients", every)
    monkeypatch.setattr(events_between, "CHUNK", 2)
    assert len(every) > 2
    assert EventsBetween(service.reader, diff).last_settings("recipients", every) == whole


def test_a_value_naming_a_field_does_not_count_as_setting_it(
    service: Service, history: History
) -> None:
    diff = the_diff(service, history)
    events = EventsBetween(service.reader, diff)
    notes = events.last_settings("notes", {APP})[APP]
    recipients = events.last_settings("recipients", {APP})[APP]
    assert recipients.recorded_on <= notes.recorded_on
    assert "notes" not in recipients.fields and recipients.fields >= {"recipients"}


def test_an_entry_the_diff_does_not_hold_has_no_events_between(
    service: Service, history: History
) -> None:
    diff = the_diff(service, history)
    unchanged = [
        a.id for a in diff.after.activities if a.id not in {e.entry_id for e in diff.entries}
    ]
    assert unchanged
    events = EventsBetween(service.reader, diff)
    assert events.last_settings("name", {unchanged[0]}) == {}
    assert events.lasts_of(REGISTERED, {unchanged[0]}) == {}


def _seen(change: Change, moment: Moment) -> bool:
    return change.recorded_at <= moment.known_at and change.effective_from <= moment.as_of


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
