"""The commands of the register, one handler each, all through the unit of work.

A handler reads what the rules need (``Reading.standing``), lets the domain decide on the
event, and records it. The answer is built from what was written, never read back after the
commit: a write is acknowledged if and only if it was committed.

Writes queue for one lock, so a single command is read and checked before it is taken: the
entry's standing, the references it names and the rules are all settled by then, and under the
lock only the entry's version is read again. When it still is the version the command was
decided on, the decision holds and is only stamped; when another write came in between, the
command is decided again under the lock, as a batch of commands always is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import singledispatchmethod

from register.application.unit_of_work import Reading, UnitOfWork, Work
from register.domain import entries
from register.domain.catalogue import references
from register.domain.commands import (
    AmendEntry,
    Command,
    RegisterEntry,
    RetireEntry,
    ReviewEntry,
    SetOrganisation,
    Transition,
)
from register.domain.entries import Entry, Organisation, Provenance, Stamp, Standing
from register.domain.errors import InvalidCommand
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, State
from register.domain.views import EntryView

EntryCommand = RegisterEntry | AmendEntry | Transition


@dataclass(frozen=True)
class _Prepared:
    """A command decided before the lock: the standing it was decided on, and the day."""

    command: EntryCommand
    standing: Standing | None  # None for a registration
    effective_from: date


class Commands:
    def __init__(self, unit_of_work: UnitOfWork) -> None:
        self.unit_of_work = unit_of_work

    def execute(self, command: Command) -> EntryView:
        """Carry out one command in a transaction of its own, decided before the lock."""
        ready = self._prepare(command) if isinstance(command, EntryCommand) else None
        with self.unit_of_work.begin(None if ready is None else ready.command.entry_id) as work:
            if ready is not None and _still_holds(ready, work):
                provenance = _provenance(ready.command, work.stamp)
                event = _decide(ready.command, ready.standing, provenance, work.stamp)
                return _written(work, event, ready.standing)
            return self._handle(command, work)

    def execute_all(self, commands: Sequence[Command]) -> list[EntryView]:
        """Carry out several commands all or nothing: one refused, none recorded. Each is
        decided under the lock, after the ones before it."""
        with self.unit_of_work.begin() as work:
            return [self._handle(command, work) for command in commands]

    def _prepare(self, command: EntryCommand) -> _Prepared:
        """Read and check what the command needs without the lock; raise what it would raise."""
        stamp = self.unit_of_work.provisional_stamp()
        provenance = _provenance(command, stamp)
        with self.unit_of_work.read() as reading:
            standing = _standing_of(command, reading, provenance)
        _decide(command, standing, provenance, stamp)
        return _Prepared(command, standing, provenance.effective_from)

    @singledispatchmethod
    def _handle(self, command: Command, work: Work) -> EntryView:
        if not isinstance(command, EntryCommand):
            raise TypeError(f"no handler for {type(command).__name__}")
        provenance = _provenance(command, work.stamp)
        standing = _standing_of(command, work, provenance)
        return _written(work, _decide(command, standing, provenance, work.stamp), standing)

    @_handle.register
    def _set_organisation(self, command: SetOrganisation, work: Work) -> EntryView:
        """Register the organisation's details the first time, replace them as a whole after."""
        provenance = _provenance(command, work.stamp)
        kind = EntryKind.ORGANISATION
        if not work.exists(Organisation.ID):
            event = entries.register(kind, command.content, provenance, work.stamp, Organisation.ID)
            return _written(work, event, None)
        standing = work.standing(
            kind, Organisation.ID, provenance.effective_from, command.expected_version
        )
        replaced = entries.replace(standing, command.content, provenance, work.stamp)
        if replaced is None:
            assert standing.state is not None
            return _view(standing, standing.state, standing.version)
        return _written(work, replaced, standing)


def _provenance(command: Command, stamp: Stamp) -> Provenance:
    return Provenance(command.effective_from or stamp.today, command.actor, command.reason)


def _standing_of(
    command: EntryCommand, reading: Reading, provenance: Provenance
) -> Standing | None:
    """What the rules need of the command's entry (None for a registration), once the entry,
    its version and the entries the command names are found to be as the command needs."""
    if isinstance(command, RegisterEntry):
        if command.entry_id is not None and reading.exists(command.entry_id):
            raise InvalidCommand({"id": [f"an entry with id {command.entry_id} exists"]})
        reading.check_references(references(command.kind, command.content))
        return None
    standing = reading.standing(
        command.kind, command.entry_id, provenance.effective_from, command.expected_version
    )
    if isinstance(command, AmendEntry):
        reading.check_references(references(command.kind, command.content))
    return standing


def _decide(
    command: EntryCommand, standing: Standing | None, provenance: Provenance, stamp: Stamp
) -> Entry.Event:
    """The event the rules decide on: a pure function of what was read."""
    if isinstance(command, RegisterEntry):
        return entries.register(command.kind, command.content, provenance, stamp, command.entry_id)
    assert standing is not None
    if isinstance(command, AmendEntry):
        return entries.amend(standing, command.content, provenance, stamp)
    if isinstance(command, ReviewEntry):
        return entries.review(standing, provenance, stamp, command.next_review_on)
    step = entries.retire if isinstance(command, RetireEntry) else entries.reinstate
    return step(standing, provenance, stamp)


def _still_holds(ready: _Prepared, work: Work) -> bool:
    """Whether the decision made before the lock still stands: the same effective day, and
    the entry as it was (a new id still unused, an entry still at the version read)."""
    command = ready.command
    if _provenance(command, work.stamp).effective_from != ready.effective_from:
        return False
    if isinstance(command, RegisterEntry):
        return command.entry_id is None or not work.exists(command.entry_id)
    assert ready.standing is not None
    return work.version_of(command.entry_id) == ready.standing.version


def _written(work: Work, event: Entry.Event, standing: Standing | None) -> EntryView:
    """Record the event and answer with the entry as it now stands on the event's date."""
    work.record(event)
    if standing is None:
        change = event.change()
        standing = Standing(event.originator_id, event.KIND, 0, change.effective_from, None)
        state: State | None = State(change.fields, ACTIVE)
    else:
        state = entries.after(standing, event)
    assert state is not None
    return _view(standing, state, event.originator_version)


def _view(standing: Standing, state: State, version: int) -> EntryView:
    return EntryView(
        id=standing.entry_id,
        kind=standing.kind,
        version=version,
        status=state.status,
        fields=dict(state.fields),
        registered_on=standing.registered_on,
    )
