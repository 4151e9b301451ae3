"""Two registers compared entry by entry: a pure function, so its every case is tested without a
database and two reads of the same moments always give the same diff.

Entries are matched by id. Which of an entry's fields differ is the per-entry primitive the
history uses (``changes.changed``, under ``field_changes``); this module adds the catalogue's
order and looks inside what differs: a list item by item (``matching``), a nested object field
by field. Both sides of a register diff are in the register, so the entry's status is no field
of it; a DPIA's status inside an object is.

How each field is compared is read from the catalogue's checks once per kind (``Shape``), not
again for every field of every entry: a full-register diff compares tens of thousands of fields.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from register.domain.catalogue import FieldSpec, spec
from register.domain.changes import changed
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
from register.domain.views import EntryView, RegisterSnapshot

KIND_ORDER = tuple(EntryKind)  # organisation, activities, recipients, policy


@dataclass(frozen=True)
class FieldShape:
    """How one field's two values are compared: a list's item check (its items are matched by
    key, and each item is an object of ``item_shape``), or the object it holds."""

    items: Check | None
    item_shape: Shape | None
    shape: Shape | None


@dataclass(frozen=True)
class Shape:
    """A group of fields (an entry kind's, or a nested object's) in the catalogue's order."""

    order: tuple[str, ...]
    fields: Mapping[str, FieldShape]

    def ordered(self, changed: set[str]) -> list[str]:
        """The ``changed`` fields in the catalogue's order; one it does not know comes last."""
        return [name for name in self.order if name in changed] + sorted(
            changed.difference(self.fields)
        )


def _shape(specs: Sequence[FieldSpec]) -> Shape:
    return Shape(tuple(s.name for s in specs), {s.name: _field_shape(s.check) for s in specs})


def _field_shape(check: Check) -> FieldShape:
    items = list_item(check)
    return FieldShape(items, _record_shape(items), _record_shape(check))


def _record_shape(check: Check | None) -> Shape | None:
    record = record_of(check)
    return None if record is None else _shape(record.fields)


@cache
def kind_shape(kind: EntryKind) -> Shape:
    catalogued = spec(kind)
    return _shape((*catalogued.fields, *catalogued.read_only))


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
    old = before.fields if before else {}
    new = after.fields if after else {}
    shape, names = kind_shape(shown.kind), changed(old, new)
    if how != CHANGED:
        # Nothing on the other side to look inside: every field is whole, from or to null.
        fields = tuple(FieldDiff(n, old.get(n), new.get(n)) for n in shape.ordered(names))
    else:
        fields = _field_diffs(shape, old, new, names)
        if not fields:
            return None
    name = shown.fields.get(spec(shown.kind).name_field)
    return EntryDiff(shown.kind, shown.id, str(name), how, before, after, fields)


def _field_diffs(
    shape: Shape, before: Mapping[str, Any], after: Mapping[str, Any], changed: set[str]
) -> tuple[FieldDiff, ...]:
    return tuple(
        _field_diff(name, shape.fields.get(name), before.get(name), after.get(name))
        for name in shape.ordered(changed)
    )


def _field_diff(name: str, field: FieldShape | None, before: Any, after: Any) -> FieldDiff:
    if field is None:
        return FieldDiff(name, before, after)
    if field.items is not None and isinstance(before, list) and isinstance(after, list):
        items, reordered = _item_changes(field.items, field.item_shape, before, after)
        return FieldDiff(name, before, after, items=items, reordered=reordered)
    return FieldDiff(name, before, after, fields=_inside(field.shape, before, after))


def _item_changes(
    inner: Check, shape: Shape | None, before: list[Any], after: list[Any]
) -> tuple[tuple[ItemChange, ...], bool]:
    """The items that came, went or changed, in the later list's order and then the removed ones
    in the earlier list's; and whether the items on both sides changed their order."""
    old, new = keyed(inner, before), keyed(inner, after)
    at = {key: i for i, key in enumerate(old)}
    changes = [
        ItemChange(key, ADDED, None, item, position=i)
        if key not in old
        else ItemChange(key, CHANGED, old[key], item, _inside(shape, old[key], item), at[key])
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


def _inside(shape: Shape | None, before: Any, after: Any) -> tuple[FieldDiff, ...]:
    if shape is None or not isinstance(before, dict) or not isinstance(after, dict):
        return ()
    return _field_diffs(shape, before, after, changed(before, after))


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
