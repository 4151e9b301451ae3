"""A register diff as it is answered: the diff, the follow-ups its changes trigger, each shown
next to the change that raised it, and the facts an auditor cites it by.

A follow-up stands at the field its path starts with (``purposes[…].legal_basis`` at
``purposes``) of the entry it names; one about an entry but no field of its diff stands at the
entry, and one about the register as a whole (a stale privacy statement) at the top.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from register.domain.canonical import digest_of
from register.domain.diff.model import EntryDiff, FieldDiff, ItemChange, RegisterDiff
from register.domain.followups.model import Finding
from register.domain.instants import rfc3339
from register.domain.views import RegisterSnapshot

_FIELD_PATH_STEP = re.compile(r"[.\[]")  # where a path such as purposes[x].legal_basis goes in


@dataclass(frozen=True)
class DiffAnswer:
    diff: RegisterDiff
    followups: tuple[Finding, ...] = ()

    @cached_property
    def _placed(self) -> Mapping[uuid.UUID | None, Mapping[str | None, tuple[Finding, ...]]]:
        """Each entry's follow-ups by the field they stand at (None: at the entry), and the
        register-wide ones under None; grouped by entry first, as an answer is built entry by
        entry."""
        fields = {e.entry_id: {f.field for f in e.fields} for e in self.diff.entries}
        placed: dict[uuid.UUID | None, dict[str | None, list[Finding]]] = {}
        for finding in self.followups:
            field: str | None = _FIELD_PATH_STEP.split(finding.field_path or "", maxsplit=1)[0]
            entry_fields = fields.get(finding.entry_id) if finding.entry_id else None
            if entry_fields is None:
                entry_id, field = None, None
            else:
                entry_id, field = finding.entry_id, field if field in entry_fields else None
            placed.setdefault(entry_id, {}).setdefault(field, []).append(finding)
        return {
            entry_id: {field: tuple(found) for field, found in by_field.items()}
            for entry_id, by_field in placed.items()
        }

    def _at(self, entry_id: uuid.UUID | None) -> Mapping[str | None, tuple[Finding, ...]]:
        return self._placed.get(entry_id, {})

    def at_field(self, entry: EntryDiff, field: FieldDiff) -> tuple[Finding, ...]:
        return self._at(entry.entry_id).get(field.field, ())

    def at_entry(self, entry: EntryDiff) -> tuple[Finding, ...]:
        return self._at(entry.entry_id).get(None, ())

    @property
    def register_wide(self) -> tuple[Finding, ...]:
        return self._at(None).get(None, ())

    def as_json(self, language: str) -> dict[str, Any]:
        """The answer in JSON, the follow-ups' sentences in ``language``, with its digest."""
        diff = self.diff
        content = {
            "from": _moment(diff.before),
            "to": _moment(diff.after),
            "baseline": diff.baseline,
            "lang": language,
            "entries": [self._entry_json(entry, language) for entry in diff.entries],
            "followups": [f.as_json(language) for f in self.register_wide],
        }
        return {**content, "digest": digest_of(content)}

    def _entry_json(self, entry: EntryDiff, language: str) -> dict[str, Any]:
        placed = self._at(entry.entry_id)

        def at(field: str | None) -> list[dict[str, Any]]:
            found = placed.get(field)
            return [f.as_json(language) for f in found] if found else []

        return {
            "kind": str(entry.kind),
            "id": str(entry.entry_id),
            "name": entry.name,
            "how": entry.how,
            "before_version": entry.before.version if entry.before else None,
            "after_version": entry.after.version if entry.after else None,
            "fields": [_field_json(field, at(field.field)) for field in entry.fields],
            "followups": at(None),
        }


def _moment(register: RegisterSnapshot) -> dict[str, Any]:
    """One side's moment and the history it was read from, with the digest the register itself
    answers with at that moment, so the two can be checked against each other."""
    return {
        "as_of": register.moment.as_of.isoformat(),
        "known_at": rfc3339(register.moment.known_at),
        "history": register.history.as_json(),
        "register_digest": register.as_json()["digest"],
    }


def _field_json(field: FieldDiff, followups: list[dict[str, Any]]) -> dict[str, Any]:
    # Most fields have neither items nor inner fields: no list is built over nothing.
    return {
        "field": field.field,
        "before": field.before,
        "after": field.after,
        "items": [_item_json(item) for item in field.items] if field.items else [],
        "fields": [_field_json(inner, []) for inner in field.fields] if field.fields else [],
        "reordered": field.reordered,
        "followups": followups,
    }


def _item_json(item: ItemChange) -> dict[str, Any]:
    return {
        "key": item.key,
        "how": item.how,
        "position": item.position,
        "before": item.before,
        "after": item.after,
        "fields": [_field_json(inner, []) for inner in item.fields],
    }
