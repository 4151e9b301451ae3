"""The register diff as the API and the CLI ask for it: two moments, the register at each, what
changed between them, and the follow-ups those changes trigger (SPEC §5, §6)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import Any

from register.application.collector import collector_held_off
from register.application.facade import Reader
from register.domain.canonical import digest_of
from register.domain.diff.answer import DiffAnswer
from register.domain.diff.compare import compare
from register.domain.diff.model import RegisterDiff
from register.domain.followups import Recorded, findings
from register.domain.instants import not_later_than
from register.domain.statement.generate import generate
from register.domain.views import EntryView, Moment
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
    with collector_held_off():
        diff = compare(reader.register(before), reader.register(after))
        return DiffAnswer(diff, tuple(findings(diff, EventsBetween(reader, diff))))


class EventsBetween:
    """The changed entries' events that the later register reflects and the earlier does not,
    asked after only when a rule asks, and answered from the ledger without decoding them:
    few rules ask when a change was recorded, and reading every changed entry's whole history
    would cost more than the diff itself."""

    def __init__(self, reader: Reader, diff: RegisterDiff) -> None:
        self._reader = reader
        self._before, self._after = diff.before.moment, diff.after.moment
        self._changed = {entry.entry_id for entry in diff.entries}

    def last_settings(
        self, field: str, entry_ids: Collection[uuid.UUID]
    ) -> Mapping[uuid.UUID, Recorded]:
        asked = self._changed.intersection(entry_ids)
        return self._reader.last_settings(asked, field, self._before, self._after) if asked else {}

    def lasts_of(self, kind: str, entry_ids: Collection[uuid.UUID]) -> Mapping[uuid.UUID, Recorded]:
        asked = self._changed.intersection(entry_ids)
        return self._reader.lasts_of(asked, kind, self._before, self._after) if asked else {}

    def not_reflected_by(self, statement: EntryView) -> Collection[uuid.UUID]:
        described = self._reader.described_by(statement, self._after.known_at)
        changed = self._reader.unreflected(self._before, self._after, described)
        return changed & self._changed


def statement_changes(answer: DiffAnswer, language: str) -> dict[str, Any]:
    """The diff of the statements generated from the two registers: the exact sentences the
    published statement must change, each with the entry, field and rule behind it."""
    diff = answer.diff
    return statement_diff(generate(diff.before, language), generate(diff.after, language))


def diff_document(
    answer: DiffAnswer, language: str, statement: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The answer in JSON; with ``statement``, that too, under the answer's digest."""
    with collector_held_off():
        document = answer.as_json(language)
    if statement is None:
        return document
    content = {key: value for key, value in document.items() if key != "digest"}
    content["statement"] = statement
    return {**content, "digest": digest_of(content)}
