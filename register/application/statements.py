"""The privacy statement as the API and the CLI ask for it: generated from the register at a
moment, and two published revisions compared word by word beside the register diff between
their effective dates (SPEC §5)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from register.application.diffs import register_diff
from register.application.facade import Reader
from register.domain.diff.answer import DiffAnswer
from register.domain.errors import EntryNotFound
from register.domain.kinds import EntryKind
from register.domain.statement import Statement, generate
from register.domain.views import EntryView, Moment
from register.presentation.statement_word_diff import WordDiff, word_diff


def statement_at(reader: Reader, moment: Moment, language: str) -> Statement:
    return generate(reader.register(moment), language)


@dataclass(frozen=True)
class PolicyComparison:
    """A revision against an earlier one: their texts word by word, and what the register
    says changed from the day the earlier took effect to the day the later did."""

    revision: EntryView
    against: EntryView
    text: WordDiff
    register: DiffAnswer

    def as_json(self, language: str) -> dict[str, Any]:
        return {
            "policy": _revision(self.revision),
            "against": _revision(self.against),
            "text": self.text.as_json(),
            "register_diff": self.register.as_json(language),
        }


def compare_policies(
    reader: Reader, policy_id: uuid.UUID, against_id: uuid.UUID
) -> PolicyComparison:
    """``policy_id`` against ``against_id``, both as now on record; either not a policy
    revision is not found. The register diff runs from the ``against`` revision's effective
    date to the other's, each as known now."""
    now = reader.moment()
    revision, against = (_policy(reader, entry_id, now) for entry_id in (policy_id, against_id))
    known_at = now.known_at
    return PolicyComparison(
        revision,
        against,
        word_diff(against.fields["text"], revision.fields["text"]),
        register_diff(
            reader,
            Moment(against.registered_on, known_at),
            Moment(revision.registered_on, known_at),
        ),
    )


def _policy(reader: Reader, entry_id: uuid.UUID, now: Moment) -> EntryView:
    """The revision with its latest text on record, even one that takes effect after today."""
    if reader.kind_of(entry_id) != EntryKind.POLICY:
        raise EntryNotFound(f"There is no policy revision with id {entry_id}.")
    latest = max(change.effective_from for change in reader.changes(EntryKind.POLICY, entry_id))
    found = reader.entry(EntryKind.POLICY, entry_id, Moment(max(now.as_of, latest), now.known_at))
    if found is None:
        raise EntryNotFound(f"There is no policy revision with id {entry_id}.")
    return found


def _revision(policy: EntryView) -> dict[str, Any]:
    fields = policy.fields
    return {
        "id": str(policy.id),
        "version": policy.version,
        "title": fields["title"],
        "language": fields["language"],
        "effective_from": policy.registered_on.isoformat(),
        "content_hash": fields.get("content_hash"),
    }
