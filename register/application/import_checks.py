"""What an imported event must pass before it is stored: the register's own rules, as if each
event were the command that recorded it, checked in the order of the file.

A file whose chain is consistent proves only that nobody changed it after it was written, not
that the register wrote it. So every event is decoded through the register's own topics only,
and then made again from its own content by the rule functions of ``register.domain.entries``,
on a ``Standing`` answered from the entry's earlier events in the file (kept as timelines of
its fields and status, ``import_timelines``, not as its changes) and a ``Stamp`` of its own
``recorded_at``: it is imported only when the rules accept it and make exactly this event. An
event an earlier version of the register recorded passes as long as today's rules accept it;
its "today" for the backdating rule is the day it was recorded, in the register's time zone.
"""

from __future__ import annotations

import functools
import uuid
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from eventsourcing.persistence import StoredEvent

from register.application.import_timelines import EntryTimelines
from register.domain import entries
from register.domain.catalogue import references, spec
from register.domain.checks import Check, Problem
from register.domain.entries import (
    EVENT_TOPICS,
    Entry,
    Organisation,
    Provenance,
    Stamp,
    Standing,
)
from register.domain.errors import InvalidCommand, LifecycleConflict, RegisterError
from register.domain.instants import calendar_day
from register.domain.kinds import EntryKind
from register.domain.quoting import printable, shown
from register.store import tokens
from register.store.event_store import EventStore, UnknownTopic

# How long a refusal may be before it is cut: a file can put anything in it, at any length.
MAX_MESSAGE = 300


class ImportRefused(RegisterError):
    """A line of an export that may not be imported; the import is refused whole."""

    def __init__(self, line: int, problem: str) -> None:
        shown_problem = printable(problem.rstrip("."), MAX_MESSAGE)
        super().__init__(f"line {line}: {shown_problem}. Nothing was imported.")
        self.line = line


class _Wrong(Exception):
    """What is wrong with an event, before the line it came from is known."""


def decode(store: EventStore, line: int, stored: StoredEvent) -> Entry.Event:
    """The event of one line, decoded only when its topic is one of the register's own."""
    try:
        return store.decode_only(stored, EVENT_TOPICS)
    except UnknownTopic:
        raise ImportRefused(
            line, f"its topic {shown(stored.topic)} is not one of the register's event topics"
        ) from None
    except Exception as error:  # the mapper raises whatever a malformed state makes it raise
        cause = error.__cause__ or error  # the mapper's own error restates the line's event
        why = shown(f"{cause.__class__.__name__}: {cause}", MAX_MESSAGE // 2)
        raise ImportRefused(line, f"its state cannot be decoded: {why}") from None


class Admission:
    """Checks the events of one file in its order, keeping what the next event's rules need."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone
        self._entries: dict[uuid.UUID, EntryTimelines] = {}
        self._last_recorded: datetime | None = None

    def admit(self, line: int, event: Entry.Event) -> None:
        """Accept the event as the next one of the history, or refuse it naming the line."""
        try:
            seen = self._in_sequence(event)
            self._remade_exactly(event, seen)
            self._check_references(event)
        except _Wrong as wrong:
            raise ImportRefused(line, str(wrong)) from None
        except InvalidCommand as refused:
            problems = "; ".join(
                f"{p}: {m}" for p, ms in sorted(refused.errors.items()) for m in ms
            )
            raise ImportRefused(line, f"the register's rules refuse it ({problems})") from None
        except LifecycleConflict as conflict:
            raise ImportRefused(line, conflict.detail) from None
        if seen is None:
            assert isinstance(event, Entry.Registered)  # as ``_in_sequence`` made sure
            self._entries[event.originator_id] = EntryTimelines(event)
        else:
            seen.add(event)
        self._last_recorded = event.timestamp

    def _in_sequence(self, event: Entry.Event) -> EntryTimelines | None:
        """What the file has told of the entry so far, after checking that this event may
        follow it."""
        _check_shape(event)
        entry_id, version = event.originator_id, event.originator_version
        last = self._last_recorded
        if last is not None and event.timestamp < last:
            raise _Wrong(
                f"it was recorded at {event.timestamp.isoformat()}, before the event on the line "
                f"before it ({last.isoformat()}): the order of the file is the order of record"
            )
        seen = self._entries.get(entry_id)
        registration = isinstance(event, Entry.Registered)
        if seen is None:
            if not registration:
                raise _Wrong(
                    f"entry {entry_id} starts with a change ({event.CHANGE_KIND}) that names no "
                    "registration before it: an entry starts with its registration"
                )
            if version != 1:
                raise _Wrong(f"entry {entry_id} starts at version {version}, not at version 1")
            if (event.KIND == EntryKind.ORGANISATION) != (entry_id == Organisation.ID):
                raise _Wrong(
                    f"entry {entry_id} is registered as kind {event.KIND}: the organisation's "
                    f"details are entry {Organisation.ID}, and that entry holds nothing else"
                )
            return None
        if registration:
            raise _Wrong(f"entry {entry_id} is registered a second time")
        if seen.kind != event.KIND:
            raise _Wrong(
                f"entry {entry_id} was registered as kind {seen.kind}, and this change is to "
                f"kind {event.KIND}: an entry keeps its kind"
            )
        if version != seen.version + 1:
            raise _Wrong(
                f"entry {entry_id} is at version {seen.version}, and this change has "
                f"version {version}: versions run without gaps"
            )
        return seen

    def _remade_exactly(self, event: Entry.Event, seen: EntryTimelines | None) -> None:
        """Make the event again from its content by today's rules; it must come out the same."""
        provenance = Provenance(event.effective_from, event.actor, event.reason)
        try:
            stamp = Stamp(event.timestamp, calendar_day(event.timestamp, self._zone))
        except OverflowError:
            raise _Wrong("its timestamp lies outside the calendar of the register") from None
        kind = event.KIND
        made: Entry.Event
        if seen is None:
            assert isinstance(event, Entry.Registered)
            made = entries.register(
                kind, _given(kind, event.fields), provenance, stamp, event.originator_id
            )
        else:
            day = event.effective_from
            standing = Standing(
                event.originator_id, kind, seen.version, seen.registered_on, seen.state_on(day)
            )
            if isinstance(event, Entry.Amended):
                made = entries.amend(standing, _given(kind, event.fields), provenance, stamp)
            elif isinstance(event, Entry.Retired):
                made = entries.retire(standing, provenance, stamp)
            else:
                made = entries.reinstate(standing, provenance, stamp)
        stored, remade = vars(event), vars(made)
        if stored == remade:
            return
        differing = sorted(
            k for k in stored.keys() | remade.keys() if stored.get(k) != remade.get(k)
        )
        if differing:
            raise _Wrong(
                "it is not the event the register records for this change: it differs in "
                f"{', '.join(printable(key) for key in differing)} (an amendment names only the "
                "fields it changes, and every value is in its checked form)"
            )

    def _check_references(self, event: Entry.Event) -> None:
        """Every entry the fields name was registered, as that kind, earlier in the file."""
        for path, kind, ref in references(event.KIND, getattr(event, "fields", {})):
            named = self._entries.get(uuid.UUID(ref))
            if named is None or named.kind != kind:
                raise _Wrong(f"fields.{path} names {ref}, which is no {kind} registered before it")


def _check_shape(event: Entry.Event) -> None:
    """The attributes the rules read have the types the register gives them."""
    state = vars(event)
    timestamp = state.get("timestamp")
    if not isinstance(timestamp, datetime) or timestamp.utcoffset() is None:
        raise _Wrong("its timestamp is not a moment with its offset from UTC")
    if type(state.get("effective_from")) is not date:
        raise _Wrong("its effective_from is not a date")
    actor = state.get("actor")
    if not (_is_name(actor) if type(actor) is str else _stored_as_checked(tokens.NAME, actor)):
        raise _Wrong(
            f"its actor is not a token's name: text of at most {tokens.NAME.max_length} "
            "characters, as the register stores it"
        )
    if not isinstance(state.get("reason", ""), str | None):
        raise _Wrong("its reason is neither text nor null")
    if isinstance(event, Entry.Registered | Entry.Amended) and not isinstance(
        state.get("fields"), dict
    ):
        raise _Wrong("its fields are not an object")


@functools.lru_cache(maxsize=256)
def _is_name(actor: str) -> bool:
    """Whether text is a token's name as stored: a history has a few actors, each asked once."""
    return _stored_as_checked(tokens.NAME, actor)


def _stored_as_checked(check: Check, value: Any) -> bool:
    """Whether ``value`` passes ``check`` and is already in the form the check stores."""
    try:
        return bool(check(value, "") == value)
    except Problem:
        return False


def _given(kind: EntryKind, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields as a command would have given them: without those the register derives."""
    derived = {read_only.name for read_only in spec(kind).read_only}
    return {name: value for name, value in fields.items() if name not in derived}
