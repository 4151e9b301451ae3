"""Two registers compared entry by entry: a pure function, so its every case is tested without a
database and two reads of the same moments always give the same diff.

Entries are matched by id. Which of an entry's fields differ is the per-entry primitive the
history uses (``field_changes``); this module adds the catalogue's order and looks inside what
differs: a list item by item (``matching``), a nested object field by field. (Inside an object
the keys are compared directly: ``field_changes`` reserves ``status`` for the entry's own, and a
DPIA has a status of its own.)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from register.domain.catalogue import FieldSpec, spec
from register.domain.changes import field_changes
from register.domain.checks import Check
from register.domain.diff.matching import keyed, list_item, normal, record_of
from register.domain.diff.model import (
    ADDED,
    CHANGED,
    REMOVED,
    EntryDiff,
    FieldDiff,
    ItemChange,
    RegisterDiff,
)
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, State
from register.domain.views import EntryView, RegisterSnapshot

KIND_ORDER = tuple(EntryKind)  # organisation, activities, recipients, policy


def compare(before: RegisterSnapshot, after: RegisterSnapshot) -> RegisterDiff:
    """What changed from ``before`` to ``after``: entries in kind order, then by name, then id."""
    old, new = _by_id(before), _by_id(after)
    found = (entry_diff(old.get(i), new.get(i)) for i in {*old, *new})
    diffs = sorted((d for d in found if d is not None), key=_order)
    return RegisterDiff(before, after, tuple(diffs))


def entry_diff(before: EntryView | None, after: EntryView | None) -> EntryDiff | None:
    """One entry's diff, or None when it stands the same in both registers.

    An entry on one side only is compared with no fields at all, so its field diffs hold every
    field it has, from or to null.
    """
    shown = after or before
    if shown is None:
        return None
    how = ADDED if before is None else REMOVED if after is None else CHANGED
    kind = spec(shown.kind)
    old = before.fields if before else {}
    new = after.fields if after else {}
    changed = {c.field for c in field_changes(State(old, ACTIVE), State(new, ACTIVE))}
    fields = _field_diffs((*kind.fields, *kind.read_only), old, new, changed)
    if how == CHANGED and not fields:
        return None
    name = shown.fields.get(kind.name_field)
    return EntryDiff(shown.kind, shown.id, str(name), how, before, after, fields)


def _field_diffs(
    specs: Sequence[FieldSpec],
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    changed: set[str],
) -> tuple[FieldDiff, ...]:
    """The ``changed`` fields, in the catalogue's order; a field it does not know comes last."""
    checks = {s.name: s.check for s in specs}
    order = [s.name for s in specs if s.name in changed] + sorted(changed - set(checks))
    return tuple(
        _field_diff(name, checks.get(name), before.get(name), after.get(name)) for name in order
    )


def _field_diff(name: str, check: Check | None, before: Any, after: Any) -> FieldDiff:
    inner = list_item(check)
    if inner is not None and isinstance(before, list) and isinstance(after, list):
        items, reordered = _item_changes(inner, before, after)
        return FieldDiff(name, before, after, items=items, reordered=reordered)
    fields = _inside(check, before, after)
    return FieldDiff(name, before, after, fields=fields)


def _item_changes(
    inner: Check, before: list[Any], after: list[Any]
) -> tuple[tuple[ItemChange, ...], bool]:
    """The items that came, went or changed, in the later list's order and then the removed ones
    in the earlier list's; and whether the items on both sides changed their order."""
    old, new = keyed(inner, before), keyed(inner, after)
    at = {key: i for i, key in enumerate(old)}
    changes = [
        ItemChange(key, ADDED, None, item, position=i)
        if key not in old
        else ItemChange(key, CHANGED, old[key], item, _inside(inner, old[key], item), at[key])
        for i, (key, item) in enumerate(new.items())
        if key not in old or old[key] != item
    ]
    changes += [
        ItemChange(key, REMOVED, item, None, position=at[key])
        for key, item in old.items()
        if key not in new
    ]
    kept = [key for key in new if key in old]
    return tuple(changes), kept != [key for key in old if key in new]


def _inside(check: Check | None, before: Any, after: Any) -> tuple[FieldDiff, ...]:
    record = record_of(check)
    if record is None or not isinstance(before, dict) or not isinstance(after, dict):
        return ()
    changed = {name for name in {*before, *after} if before.get(name) != after.get(name)}
    return _field_diffs(record.fields, before, after, changed)


def _by_id(register: RegisterSnapshot) -> dict[uuid.UUID, EntryView]:
    entries: Iterable[EntryView | None] = (
        register.organisation,
        *register.activities,
        *register.recipients,
        register.policy,
    )
    return {entry.id: entry for entry in entries if entry is not None}


def _order(diff: EntryDiff) -> tuple[int, str, str, str]:
    return KIND_ORDER.index(diff.kind), normal(diff.name), diff.name, str(diff.entry_id)
