"""How events stored in an earlier shape are read today (the library's upcasting).

Stored events are never rewritten: the chain's digests are over their bytes. Instead each event
class carries a ``class_version``, and an event stored under an older one passes through the
steps here as it is decoded. Each step keeps the meaning of what was recorded. Above all, what
an earlier shape could not tell apart stays unknown: version 1 had no way to say "no transfers"
other than an empty list, which was also what "not yet recorded" looked like, so an empty list
of transfers or recipients from then reads as not recorded, never as none.

Version 2 (the Article 30 model):
- ``recipients`` ids become links ``{recipient, role, note}``; empty becomes not recorded (null);
- ``transfers`` empty becomes not recorded (null);
- ``retention``, one rule, becomes a list of one rule; its ``trigger`` was labelled "starts
  from", so the rule says the event starts the period;
- a purpose's free-text ``special_category_condition`` becomes the ``note`` of its
  ``art9_condition``, whose point is not recorded;
- labels in lists (data subjects, categories, sources, systems, measures, client controllers)
  become the objects they name, and every object gains its new fields, unset.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from register.domain.catalogue import conformed
from register.domain.kinds import EntryKind

Fields = dict[str, Any]


def _none_unless_given(value: Any) -> Any:
    return value or None


def _retention(value: Any) -> Any:
    if value is None:
        return None
    rule = dict(value)
    if rule.get("trigger") is not None:
        rule["trigger_role"] = "starts"
    return [rule]


def _purposes(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    return [_purpose(item) for item in value]


def _purpose(item: Any) -> Any:
    if not isinstance(item, dict) or "special_category_condition" not in item:
        return item
    purpose = dict(item)
    condition = purpose.pop("special_category_condition")
    purpose["art9_condition"] = None if condition is None else {"note": condition}
    return purpose


ACTIVITY_V2: Mapping[str, Callable[[Any], Any]] = {
    "recipients": _none_unless_given,
    "transfers": _none_unless_given,
    "retention": _retention,
    "purposes": _purposes,
}

STEPS_TO_V2: Mapping[EntryKind, Mapping[str, Callable[[Any], Any]]] = {
    EntryKind.ACTIVITY: ACTIVITY_V2,
}


def fields_v1_to_v2(kind: EntryKind, fields: Mapping[str, Any], *, whole: bool) -> Fields:
    """An event's fields as version 2 reads them; ``whole`` for a registration."""
    steps = STEPS_TO_V2.get(kind, {})
    moved = {name: steps[name](value) if name in steps else value for name, value in fields.items()}
    return conformed(kind, moved, whole=whole)
