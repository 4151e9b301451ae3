"""A follow-up rule and the finding it raises (SPEC §6): the work a register change, or a gap in
the register as it stands, puts on the DPO's list.

A finding's ``id`` is what that work list keys on, so it must stay the same for the same piece of
work however often it is computed, and differ for different work. It is the first 16 hex digits
of the sha256 of the canonical JSON of ``[entry id or null, rule code, field path, before,
after]``: the entry, the rule, where in the entry, and the change itself. Nothing that varies
with the asking (the language, the moment, the history position, the order of the findings, the
baseline flag) goes into it, and a different change of the same field (P2Y → P1Y, then P1Y → P6M)
is a different piece of work with its own id.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

from register.domain.canonical import canonical_json
from register.domain.kinds import EntryKind
from register.domain.views import EntryView

Severity = Literal["must", "check", "info"]
MUST: Severity = "must"
CHECK: Severity = "check"
INFO: Severity = "info"
SEVERITIES: tuple[Severity, ...] = (MUST, CHECK, INFO)

ID_LENGTH = 16


def dutch(language: str) -> bool:
    return language.split("-")[0].lower() == "nl"


@dataclass(frozen=True)
class Said:
    """A placeholder's value in both languages: a label, a duration in words, a country."""

    nl: str
    en: str

    def in_(self, language: str) -> str:
        return self.nl if dutch(language) else self.en


Param = str | int | Said


@dataclass(frozen=True)
class Rule:
    """One row of the rule table: code, articles, severity and the sentence in both languages,
    with ``{placeholders}`` the finding fills."""

    code: str
    articles: str
    severity: Severity
    nl: str
    en: str

    def template(self, language: str) -> str:
        return self.nl if dutch(language) else self.en

    def on(
        self,
        entry: EntryView | None,
        field_path: str = "",
        before: Any = None,
        after: Any = None,
        *,
        severity: Severity | None = None,
        **params: Param,
    ) -> Finding:
        """The finding this rule raises on ``entry``; ``{name}`` is the entry's own name unless
        given."""
        if entry is not None:
            params.setdefault("name", entry_name(entry))
        return Finding(
            rule=self,
            entry_id=entry.id if entry is not None else None,
            kind=entry.kind if entry is not None else None,
            field_path=field_path,
            before=_plain(before),
            after=_plain(after),
            params=params,
            severity=severity or self.severity,
        )


def entry_name(entry: EntryView) -> str:
    return str(entry.fields.get("name") or entry.fields.get("title") or entry.id)


def _plain(value: Any) -> Any:
    """The value as JSON holds it, so the id and the answer see the same thing."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Finding:
    """What one rule found on one entry; ``baseline`` when it describes the first state of the
    register rather than a change (the first policy revision covers that state)."""

    rule: Rule
    entry_id: uuid.UUID | None
    kind: EntryKind | None
    field_path: str
    before: Any
    after: Any
    params: Mapping[str, Param] = field(default_factory=dict)
    severity: Severity = MUST
    baseline: bool = False

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def name(self) -> str | None:
        value = self.params.get("name")
        return value if isinstance(value, str) else None

    @cached_property
    def id(self) -> str:
        """Kept once made: a finding is sorted and answered by it, and it hashes the change."""
        key = [
            str(self.entry_id) if self.entry_id else None,
            self.rule.code,
            self.field_path,
            self.before,
            self.after,
        ]
        return hashlib.sha256(canonical_json(key).encode("utf-8")).hexdigest()[:ID_LENGTH]

    def text(self, language: str) -> str:
        values = {
            key: value.in_(language) if isinstance(value, Said) else value
            for key, value in self.params.items()
        }
        return self.rule.template(language).format(**values)

    def sort_key(self) -> tuple[int, str, str, str, str]:
        return (
            SEVERITIES.index(self.severity),
            self.rule.code,
            self.name or "",
            self.field_path,
            self.id,
        )

    def as_json(self, language: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.rule.code,
            "severity": self.severity,
            "articles": self.rule.articles,
            "entry_id": str(self.entry_id) if self.entry_id else None,
            "kind": str(self.kind) if self.kind else None,
            "name": self.name,
            "field_path": self.field_path,
            "before": self.before,
            "after": self.after,
            "baseline": self.baseline,
            "text": self.text(language),
        }


def ordered(found: list[Finding]) -> list[Finding]:
    """Musts first, then by rule and entry: the same findings always in the same order."""
    return sorted(found, key=Finding.sort_key)
