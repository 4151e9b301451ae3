"""The DPO's work list (SPEC §6): the follow-ups the recorded changes raised, and marking one.

The follow-ups are computed from the history each time, never stored: a change raises the same
follow-ups, with the same ids, however often and whenever it is asked. Only the DPO's marks are
stored, as events of the follow-up's marks entry, so they are chained and audited like any
change. Reading the list costs two register reads per day a change took effect on (fewer where
changes follow each other on one day); a read model of its own is the step after this one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from register.application.facade import Reader
from register.application.handlers import Commands
from register.domain.catalogue.followup import CLOSED_STATUSES, OPEN
from register.domain.checks import REASON, Problem
from register.domain.commands import AmendEntry, Command, RegisterEntry
from register.domain.diff.compare import compare
from register.domain.errors import EntryNotFound, InvalidCommand, VersionMismatch
from register.domain.followups import Events, EventsAtHand, findings, recorded
from register.domain.kinds import EntryKind
from register.domain.quoting import shown
from register.domain.views import Moment, RegisterSnapshot
from register.domain.worklist.identity import marks_entry_id
from register.domain.worklist.listing import WorkItem, WorkList
from register.domain.worklist.marks import marks_at
from register.domain.worklist.raising import Event, Raised, Recording, raised, recordings
from register.store import ledger

PAGE = 1000
REASON_REQUIRED = "is required when a follow-up is marked done or dismissed"


@dataclass(frozen=True, kw_only=True)
class MarkFollowUp:
    """The DPO's mark on one follow-up: done, dismissed (not applicable) or open again."""

    followup: str
    status: str
    actor: str
    reason: str | None = None
    evidence_ref: str | None = None
    effective_from: date | None = None
    expected_version: int | None = None


class FollowUps:
    def __init__(self, reader: Reader, commands: Commands) -> None:
        self.reader = reader
        self.commands = commands
        # the registers read so far: consecutive changes on one day share one between them
        self._registers: dict[tuple[date, datetime], RegisterSnapshot] = {}

    def work_list(self, moment: Moment) -> WorkList:
        """Every follow-up raised by the changes recorded by ``moment.known_at``, with the
        marks in effect at ``moment``.

        A follow-up is on the list from the instant its change was recorded, whatever day the
        change takes effect: the work it asks for is due before then (a privacy statement
        before the processing starts, a notice to the clients before a sub-processor starts).
        ``as_of`` is the day the marks are read at: a mark holds from its effective date.
        """
        events = list(self._events(moment.known_at))
        marked = {e.entry_id for e in events if e.entry_kind == EntryKind.FOLLOWUP}
        items = [
            self._item(found, moment, marked)
            for recording in recordings(_event(e) for e in events)
            for found in self._raised(recording)
        ]
        with self.reader.store.engine.connect() as connection:
            history = ledger.head_at(connection, moment.known_at)
        return WorkList(moment, history, tuple(items))

    def mark(self, command: MarkFollowUp) -> WorkItem:
        """Record the mark as an event of the follow-up's marks entry; answer the follow-up as
        it stands from the mark's effective date on."""
        item = self.work_list(self.reader.moment()).find(command.followup)
        if item is None:
            raise EntryNotFound(
                f"No change on record raised a follow-up with id {shown(command.followup)}: take "
                "the id from the work list (GET /api/v1/followups)."
            )
        reason = _checked_reason(command)
        if command.expected_version is not None and command.expected_version != item.version:
            raise VersionMismatch(command.expected_version, item.version)
        written = self.commands.execute(_mark_command(command, item, reason))
        moment = Moment(max(self.reader.today(), self._effective(written.id)), self.reader.now())
        return self._item(item.raised, moment, {written.id})

    def _effective(self, entry_id: uuid.UUID) -> date:
        return self.reader.changes(EntryKind.FOLLOWUP, entry_id)[-1].effective_from

    def _events(self, known_at: datetime) -> Iterator[ledger.Row]:
        """The ledger's rows on record at ``known_at``, in order, a page at a time."""
        after = 0
        while True:
            with self.reader.store.engine.connect() as connection:
                rows = ledger.rows_after(connection, after, PAGE)
            for row in rows:
                if row.recorded_at > known_at:
                    return
                yield row
            if len(rows) < PAGE:
                return
            after = rows[-1].position

    def _raised(self, recording: Recording) -> list[Raised]:
        if recording.known_before is None:
            return []  # the register's first state: the checks' work, not a change's
        events = self._recorded(recording, recording.known_before)
        found = []
        for day in recording.effective_dates:
            before = self._register(day, recording.known_before)
            after = self._register(day, recording.recorded_at)
            diff = compare(before, after)
            if not diff.baseline:
                found.append((day, findings(diff, events)))
        return raised(recording, found)

    def _recorded(self, recording: Recording, known_before: datetime) -> Events:
        """The change's events, entry by entry, for the rules that ask when it was recorded
        and when it takes effect."""
        return EventsAtHand(
            {
                entry_id: recorded(
                    [
                        c
                        for c in self.reader.changes(kind, entry_id)
                        if known_before < c.recorded_at <= recording.recorded_at
                    ],
                    self.reader.zone,
                )
                for kind, entry_id in recording.entries
            }
        )

    def _register(self, day: date, known_at: datetime) -> RegisterSnapshot:
        key = (day, known_at)
        if key not in self._registers:
            self._registers[key] = self.reader.register(Moment(day, known_at))
        return self._registers[key]

    def _item(self, found: Raised, moment: Moment, marked: set[uuid.UUID]) -> WorkItem:
        entry_id = marks_entry_id(found.id)
        if entry_id not in marked:
            return WorkItem(found)
        changes = [
            c
            for c in self.reader.changes(EntryKind.FOLLOWUP, entry_id)
            if c.recorded_at <= moment.known_at
        ]
        return WorkItem(found, marks_at(changes, moment), len(changes))


def _event(row: ledger.Row) -> Event:
    return Event(row.position, row.entry_id, row.entry_kind, row.recorded_at, row.effective_from)


def _checked_reason(command: MarkFollowUp) -> str | None:
    try:
        reason = REASON(command.reason, "reason")
    except Problem as problem:
        raise InvalidCommand({"reason": [problem.message]}) from None
    if command.status in CLOSED_STATUSES and reason is None:
        raise InvalidCommand(
            {"reason": [REASON_REQUIRED]},
            detail="Say why the follow-up is closed in 'reason': what was done, or why it "
            "does not apply.",
        )
    return reason


def _mark_command(command: MarkFollowUp, item: WorkItem, reason: str | None) -> Command:
    entry_id = marks_entry_id(item.id)
    event: dict[str, Any] = {
        "actor": command.actor,
        "effective_from": command.effective_from,
        "reason": reason,
    }
    mark = {"status": command.status, "evidence_ref": command.evidence_ref}
    if item.version == 0:
        if command.status == OPEN:
            raise InvalidCommand(
                {"status": ["the follow-up is open: mark it done or dismissed"]},
                detail="The follow-up has not been closed, so it cannot be reopened.",
            )
        content = {**mark, "followup": item.id, "code": item.raised.finding.code}
        return RegisterEntry(kind=EntryKind.FOLLOWUP, content=content, entry_id=entry_id, **event)
    return AmendEntry(
        kind=EntryKind.FOLLOWUP,
        entry_id=entry_id,
        content=mark,
        expected_version=item.version,
        **event,
    )
