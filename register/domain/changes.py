"""What changed between two states of one entry, field by field: the one comparison that an
entry's history uses now and the register diff will use next."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from register.domain.timeline import State

STATUS = "status"


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "before": self.before, "after": self.after}


def field_changes(before: State | None, after: State | None) -> list[FieldChange]:
    """Every field whose value differs, the status included, in field-name order.

    A field missing on one side (before the registration, say) counts as null there.
    """
    old = _view(before)
    new = _view(after)
    return [FieldChange(name, old.get(name), new.get(name)) for name in sorted(changed(old, new))]


def changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> set[str]:
    """The names whose values differ, a name missing on one side counting as null there: what
    ``field_changes`` lists, for a reader that wants only the names (a register diff asks this
    of thousands of entries at once)."""
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def _view(state: State | None) -> dict[str, Any]:
    if state is None:
        return {STATUS: None}
    return {**state.fields, STATUS: state.status}
