"""The register diff as the API and the CLI ask for it: two moments, the register at each, what
changed between them, and the follow-ups those changes trigger (SPEC §5, §6)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from register.application.facade import Reader
from register.domain.canonical import digest_of
from register.domain.diff.answer import DiffAnswer
from register.domain.diff.compare import compare
from register.domain.diff.model import RegisterDiff
from register.domain.followups import Recorded, findings, recorded
from register.domain.instants import not_later_than
from register.domain.statement.generate import generate
from register.domain.timeline import Change
from register.domain.views import Moment
from register.presentation.statement_diff import statement_diff


def diff_moments(
    reader: Reader,
    from_: date,
    to: date,
    from_known_at: datetime | None = None,
    to_known_at: datetime | None = None,
) -> tuple[Moment, Moment]:
    """The two moments asked for, each ``known_at`` defaulting to one and the same now; one that
    has not passed yet is refused, naming it, as an answer for it could still change."""
    now = reader.now()
    for name, known_at in (("from_known_at", from_known_at), ("to_known_at", to_known_at)):
        if known_at is not None:
            not_later_than(known_at, now, name)
    return Moment(from_, from_known_at or now), Moment(to, to_known_at or now)


def register_diff(reader: Reader, before: Moment, after: Moment) -> DiffAnswer:
    """What changed from the register at ``before`` to the register at ``after``, and what the
    rule table says each change requires."""
    diff = compare(reader.register(before), reader.register(after))
    return DiffAnswer(diff, tuple(findings(diff, EventsBetween(reader, diff))))


class EventsBetween:
    """Each changed entry's events that the later register reflects and the earlier does not,
    read only when a rule asks: few rules ask when a change was recorded, and reading every
    changed entry's whole history would cost more than the diff itself."""

    def __init__(self, reader: Reader, diff: RegisterDiff) -> None:
        self._reader = reader
        self._before, self._after = diff.before.moment, diff.after.moment
        self._kinds = {entry.entry_id: entry.kind for entry in diff.entries}
        self._read: dict[uuid.UUID, Sequence[Recorded]] = {}

    def of(self, entry_id: uuid.UUID) -> Sequence[Recorded]:
        if entry_id not in self._kinds:
            return ()
        if entry_id not in self._read:
            changes = self._reader.changes(self._kinds[entry_id], entry_id)
            between = [c for c in changes if _between(c, self._before, self._after)]
            self._read[entry_id] = recorded(between, self._reader.zone)
        return self._read[entry_id]

    def effective_after(self, day: date) -> Collection[uuid.UUID]:
        changed = self._reader.changed_between(self._before, self._after, day)
        return changed & set(self._kinds)


def _between(change: Change, before: Moment, after: Moment) -> bool:
    seen_after = change.recorded_at <= after.known_at and change.effective_from <= after.as_of
    seen_before = change.recorded_at <= before.known_at and change.effective_from <= before.as_of
    return seen_after and not seen_before


def statement_changes(answer: DiffAnswer, language: str) -> dict[str, Any]:
    """The diff of the statements generated from the two registers: the exact sentences the
    published statement must change, each with the entry, field and rule behind it."""
    diff = answer.diff
    return statement_diff(generate(diff.before, language), generate(diff.after, language))


def diff_document(
    answer: DiffAnswer, language: str, statement: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The answer in JSON; with ``statement``, that too, under the answer's digest."""
    document = answer.as_json(language)
    if statement is None:
        return document
    content = {key: value for key, value in document.items() if key != "digest"}
    content["statement"] = statement
    return {**content, "digest": digest_of(content)}
