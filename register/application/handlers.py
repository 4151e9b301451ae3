"""The commands of the register, one handler each, all through the unit of work.

A handler reads what the rules need (``Work.standing``), lets the domain decide on the event,
and records it. The answer is built from what was written, never read back after the commit:
a write is acknowledged if and only if it was committed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import singledispatchmethod

from register.application.unit_of_work import UnitOfWork, Work
from register.domain import entries
from register.domain.catalogue import references
from register.domain.commands import (
    AmendEntry,
    Command,
    RegisterEntry,
    ReinstateEntry,
    RetireEntry,
    SetOrganisation,
    Transition,
)
from register.domain.entries import Entry, Organisation, Provenance, Stamp, Standing
from register.domain.errors import InvalidCommand
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, State
from register.domain.views import EntryView

Step = Callable[[Standing, Provenance, Stamp], Entry.Event]


class Commands:
    def __init__(self, unit_of_work: UnitOfWork) -> None:
        self.unit_of_work = unit_of_work

    def execute(self, command: Command) -> EntryView:
        """Carry out one command in a transaction of its own."""
        return self.execute_all([command])[0]

    def execute_all(self, commands: Sequence[Command]) -> list[EntryView]:
        """Carry out several commands all or nothing: one refused, none recorded."""
        with self.unit_of_work.begin() as work:
            return [self._handle(command, work) for command in commands]

    @singledispatchmethod
    def _handle(self, command: Command, work: Work) -> EntryView:
        raise TypeError(f"no handler for {type(command).__name__}")

    @_handle.register
    def _register(self, command: RegisterEntry, work: Work) -> EntryView:
        if command.entry_id is not None and work.exists(command.entry_id):
            raise InvalidCommand({"id": [f"an entry with id {command.entry_id} exists"]})
        work.check_references(references(command.kind, command.content))
        event = entries.register(
            command.kind,
            command.content,
            _provenance(command, work),
            work.stamp,
            command.entry_id,
        )
        return _written(work, event, None)

    @_handle.register
    def _amend(self, command: AmendEntry, work: Work) -> EntryView:
        provenance = _provenance(command, work)
        standing = _standing(command, work, provenance)
        work.check_references(references(command.kind, command.content))
        return _written(
            work, entries.amend(standing, command.content, provenance, work.stamp), standing
        )

    @_handle.register
    def _retire(self, command: RetireEntry, work: Work) -> EntryView:
        return self._transition(command, work, entries.retire)

    @_handle.register
    def _reinstate(self, command: ReinstateEntry, work: Work) -> EntryView:
        return self._transition(command, work, entries.reinstate)

    def _transition(self, command: Transition, work: Work, step: Step) -> EntryView:
        provenance = _provenance(command, work)
        standing = _standing(command, work, provenance)
        return _written(work, step(standing, provenance, work.stamp), standing)

    @_handle.register
    def _set_organisation(self, command: SetOrganisation, work: Work) -> EntryView:
        """Register the organisation's details the first time, replace them as a whole after."""
        provenance = _provenance(command, work)
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


def _provenance(command: Command, work: Work) -> Provenance:
    return Provenance(command.effective_from or work.stamp.today, command.actor, command.reason)


def _standing(command: AmendEntry | Transition, work: Work, provenance: Provenance) -> Standing:
    return work.standing(
        command.kind, command.entry_id, provenance.effective_from, command.expected_version
    )


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
