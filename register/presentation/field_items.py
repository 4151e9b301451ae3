"""An entry's fields as a nested list, read from the catalogue's checks and labels.

A field added to the catalogue shows without a change here: only the two tables below name
fields, for the gaps an auditor looks for and for an empty list's words. An entry shows every
field it is given, each one it leaves empty as not recorded. Inside a nested object (a purpose, a
transfer) only what is recorded is shown, so that a purpose reads as a purpose and not as a form.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from register.domain.catalogue import FieldSpec
from register.domain.checks import Check, LabelOrRecord, ListOf, Optional, Record
from register.presentation.escaping import text
from register.presentation.outline import Item
from register.presentation.values import Reading, scalar

# (object, field) shown inside a nested object even when empty: a purpose without its legal
# basis, or a transfer without its safeguard, is a gap in the register rather than a detail.
SHOWN_WHEN_MISSING = frozenset({("Purpose", "legal_basis"), ("Transfer", "safeguard")})

# What an empty list says where the catalogue tells null (not recorded) from empty (none).
EMPTY_LIST_WORDS = {"retention": "not_kept"}

# Inline text, and the items nested under it: how any value is shown.
Shown = tuple[str, tuple[Item, ...]]


def field_items(
    fields: Iterable[FieldSpec], values: Mapping[str, Any], reading: Reading
) -> list[Item]:
    """Every field, in the catalogue's order, each empty one said to be not recorded or none."""
    return [_field_item(field, values.get(field.name), reading) for field in fields]


def _field_item(field: FieldSpec, value: Any, reading: Reading) -> Item:
    label = f"**{text(field.labels[reading.language])}**:"
    if _empty(value):
        return Item(f"{label} {_empty_word(field, value, reading)}")
    inline, below = _shown(field.check, value, reading)
    if not inline and not below:
        inline = reading.emphasised("not_recorded")
    return Item(f"{label} {inline}".rstrip(), below)


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or value == ""


def _empty_word(field: FieldSpec, value: Any, reading: Reading) -> str:
    """None only where the catalogue lets a list be null, so that [] cannot mean unrecorded."""
    check = field.check
    if value == [] and isinstance(check, Optional) and isinstance(check.inner, ListOf):
        return reading.emphasised(EMPTY_LIST_WORDS.get(field.name, "none"))
    return reading.emphasised("not_recorded")


def _shown(check: Check, value: Any, reading: Reading) -> Shown:
    match check:
        case Optional(inner=inner):
            return _shown(inner, value, reading)
        case ListOf(inner=inner):
            return _listed(inner, value if isinstance(value, list) else [value], reading)
        case LabelOrRecord(record=record):
            return _labelled(record, value, reading)
        case Record(name=name, fields=fields) if isinstance(value, dict):
            return "", tuple(_recorded(name, fields, value, reading))
    return scalar(check, value, reading), ()


def _listed(inner: Check, values: list[Any], reading: Reading) -> Shown:
    """Plain items on one line; items that say more, one under another."""
    shown = [_as_item(_shown(inner, value, reading), reading) for value in values]
    if all(not item.below for item in shown):
        return ", ".join(item.text for item in shown), ()
    return "", tuple(shown)


def _as_item(shown: Shown, reading: Reading) -> Item:
    """An object in a list is headed by its first recorded field, the rest nested under it."""
    inline, below = shown
    if inline:
        return Item(inline, below)
    if below:
        return Item(below[0].text, below[0].below + below[1:])
    return Item(reading.emphasised("not_recorded"))


def _labelled(record: Record, value: Any, reading: Reading) -> Shown:
    """A label, such as a category's name, and what the object says beyond it."""
    if not isinstance(value, dict):
        return _shown(record.label_field.check, value, reading)
    label = record.label_field
    head = value.get(label.name)
    inline = (
        reading.emphasised("not_recorded")
        if _empty(head)
        else _shown(label.check, head, reading)[0]
    )
    return inline, tuple(_recorded(record.name, record.fields[1:], value, reading))


def _recorded(
    name: str, fields: Iterable[FieldSpec], value: Mapping[str, Any], reading: Reading
) -> Iterable[Item]:
    """The fields of the object ``name`` that hold more than their default."""
    for field in fields:
        found = value.get(field.name)
        if not _empty(found) and found != field.initial():
            yield _field_item(field, found, reading)
        elif (name, field.name) in SHOWN_WHEN_MISSING:
            yield _field_item(field, None, reading)
