"""The register diff as the API and the CLI ask for it: two moments, the register at each, what
changed between them, and the follow-ups those changes trigger (SPEC §5, §6)."""

from __future__ import annotations

from datetime import date, datetime

from register.application.facade import Reader
from register.domain.diff.answer import DiffAnswer
from register.domain.diff.compare import compare
from register.domain.diff.model import RegisterDiff
from register.domain.followups import Events, findings, recorded
from register.domain.instants import not_later_than
from register.domain.timeline import Change
from register.domain.views import Moment


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
    return DiffAnswer(diff, tuple(findings(diff, _events_between(reader, diff))))


def _events_between(reader: Reader, diff: RegisterDiff) -> Events:
    """Each changed entry's events that the later register reflects and the earlier does not:
    the rules ask when those were recorded and from when they hold."""
    before, after = diff.before.moment, diff.after.moment
    return {
        entry.entry_id: recorded(
            [c for c in reader.changes(entry.kind, entry.entry_id) if _between(c, before, after)],
            reader.zone,
        )
        for entry in diff.entries
    }


def _between(change: Change, before: Moment, after: Moment) -> bool:
    seen_after = change.recorded_at <= after.known_at and change.effective_from <= after.as_of
    seen_before = change.recorded_at <= before.known_at and change.effective_from <= before.as_of
    return seen_after and not seen_before
