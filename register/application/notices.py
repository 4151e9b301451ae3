"""Sub-processor notices between two moments (SPEC §6, Art. 28(2)), as the API and the CLI ask
for them: the register diff's sub-processor changes, each dated from its entry's history."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from register.application.facade import Reader
from register.domain.diff.compare import compare
from register.domain.kinds import EntryKind
from register.domain.notices.changes import REPLACED, SubprocessorChange, subprocessor_changes
from register.domain.notices.per_client import DatedChange, SubprocessorNotices
from register.domain.notices.since import holds_since
from register.domain.timeline import State
from register.domain.views import Moment


def subprocessor_notices(
    reader: Reader, before: Moment, after: Moment, sent_on: date
) -> SubprocessorNotices:
    """The notices for the changes from the register at ``before`` to the one at ``after``,
    to be sent on ``sent_on``."""
    earlier, later = reader.register(before), reader.register(after)
    diff = compare(earlier, later)
    dated = tuple(
        DatedChange(change, _effective_from(reader, change, after))
        for change in subprocessor_changes(diff)
    )
    return SubprocessorNotices(earlier, later, dated, sent_on)


def _effective_from(reader: Reader, change: SubprocessorChange, after: Moment) -> date:
    """The day the change takes effect: from when the activity has named (or stopped naming)
    the sub-processor, or, for a renamed one, from when the recipient has had its new name."""
    activity = change.activity
    if change.how == REPLACED and change.new and change.old and change.new.id == change.old.id:
        name = change.new.name
        history = reader.changes(EntryKind.RECIPIENT, change.new.id)
        since = holds_since(history, after.as_of, after.known_at, lambda s: _named(s, name))
    else:
        who = change.new or change.old
        assert who is not None
        history = reader.changes(EntryKind.ACTIVITY, activity.id)
        since = holds_since(history, after.as_of, after.known_at, lambda s: _links(s, who.id))
    return since or activity.registered_on


def _links(state: State | None, recipient: uuid.UUID) -> bool:
    if state is None or not state.in_register:
        return False
    return any(_id(link) == recipient for link in state.fields.get("recipients") or [])


def _named(state: State | None, name: str) -> bool:
    return state is not None and state.fields.get("name") == name


def _id(link: Any) -> uuid.UUID | None:
    value = link.get("recipient") if isinstance(link, dict) else link
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
