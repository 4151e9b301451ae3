"""The work list as it is answered: each follow-up with where it came from and how it stands,
and the facts an auditor cites the list by (SPEC §4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from register.domain.canonical import digest_of
from register.domain.catalogue.followup import CLOSED_STATUSES, MARK_STATUSES, OPEN
from register.domain.followups.model import SEVERITIES
from register.domain.instants import rfc3339
from register.domain.views import HistoryPosition, Moment
from register.domain.worklist.marks import Mark
from register.domain.worklist.raising import Raised


@dataclass(frozen=True)
class WorkItem:
    """One follow-up at a moment: raised by a change, with the marks in effect on it then.

    ``version`` is the version of its marks' entry (0 before the first mark): send it back in
    If-Match to mark it again without overwriting a mark you have not seen.
    """

    raised: Raised
    marks: tuple[Mark, ...] = ()
    version: int = 0

    @property
    def id(self) -> str:
        return self.raised.id

    @property
    def status(self) -> str:
        return self.marks[-1].status if self.marks else OPEN

    @property
    def closing(self) -> Mark | None:
        """The mark that closed it, while it is closed."""
        return self.marks[-1] if self.status in CLOSED_STATUSES else None

    def sort_key(self) -> tuple[int, str, str, str, str]:
        finding = self.raised.finding
        return (
            SEVERITIES.index(finding.severity),
            rfc3339(self.raised.raised_at),
            finding.code,
            finding.name or "",
            self.id,
        )

    def as_json(self, language: str) -> dict[str, Any]:
        finding = self.raised.finding.as_json(language)
        closing = self.closing
        return {
            "id": self.id,
            "finding_id": finding["id"],
            **{key: finding[key] for key in _FINDING_KEYS},
            "raised_at": rfc3339(self.raised.raised_at),
            "raised_effective_from": self.raised.effective_from.isoformat(),
            "status": self.status,
            "version": self.version,
            "closed_by": closing.actor if closing else None,
            "closed_at": rfc3339(closing.recorded_at) if closing else None,
            "closed_effective_from": closing.effective_from.isoformat() if closing else None,
            "reason": closing.reason if closing else None,
            "evidence_ref": closing.evidence_ref if closing else None,
            "marks": [mark.as_json() for mark in self.marks],
        }


_FINDING_KEYS = (
    "code",
    "severity",
    "articles",
    "entry_id",
    "kind",
    "name",
    "field_path",
    "before",
    "after",
    "text",
)


@dataclass(frozen=True)
class WorkList:
    """Every follow-up raised by the changes on record at the moment, as they stand then."""

    moment: Moment
    history: HistoryPosition
    items: tuple[WorkItem, ...]

    def find(self, followup: str) -> WorkItem | None:
        return next((item for item in self.items if item.id == followup), None)

    def as_json(self, language: str, status: str | None = None) -> dict[str, Any]:
        """The list in ``language``, only the follow-ups with ``status`` if given; the counts
        are of the whole list, so the open count is there whatever was asked."""
        shown = sorted(
            (item for item in self.items if status is None or item.status == status),
            key=WorkItem.sort_key,
        )
        content = {
            "as_of": self.moment.as_of.isoformat(),
            "known_at": rfc3339(self.moment.known_at),
            "status": status,
            "language": language,
            "history": self.history.as_json(),
            "counts": {s: sum(item.status == s for item in self.items) for s in MARK_STATUSES},
            "followups": [item.as_json(language) for item in shown],
        }
        return {**content, "digest": digest_of(content)}
