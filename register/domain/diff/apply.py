"""A diff's field changes replayed on the earlier fields: the proof that a diff loses nothing.

Lists are rebuilt from their item changes and nested objects from their field changes, not
copied from ``after``, so the replay checks what the diff says item by item. Only where the diff
has nothing finer to say (a scalar, a list that was not recorded, a new order) is the later
value itself taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from register.domain.diff.model import ADDED, REMOVED, FieldDiff, ItemChange


def apply(before: Mapping[str, Any], changes: Iterable[FieldDiff]) -> dict[str, Any]:
    """The fields after ``changes``, from the fields ``before`` them."""
    result = dict(before)
    for change in changes:
        result[change.field] = _applied(result.get(change.field), change)
    return result


def _applied(value: Any, change: FieldDiff) -> Any:
    if change.is_list and not change.reordered:
        return _applied_items(value, change.items)
    if change.fields:
        return apply(value, change.fields)
    return change.after


def _applied_items(items: list[Any], changes: tuple[ItemChange, ...]) -> list[Any]:
    """Removed items dropped, changed ones replaced where they stood, added ones put in place."""
    earlier = {c.position: c for c in changes if c.how != ADDED}
    kept = [
        _changed(earlier[i]) if i in earlier else item
        for i, item in enumerate(items)
        if i not in earlier or earlier[i].how != REMOVED
    ]
    for change in sorted((c for c in changes if c.how == ADDED), key=lambda c: c.position):
        kept.insert(change.position, change.after)
    return kept


def _changed(change: ItemChange) -> Any:
    if change.fields and isinstance(change.before, dict):
        return apply(change.before, change.fields)
    return change.after
