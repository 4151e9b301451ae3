"""How the items of two lists are paired, so that a list changes item by item and never as a
whole (followups-and-checks §4.1).

Which fields are lists, and of what, is read from the catalogue's checks, not listed here. An
object's key is its label field, the one a plain label fills (``Record.label_field``): a purpose
by its description, a data category, data subject, source, system or client controller by its
name, a security measure by its description, a recipient link by the recipient's id. Where the
label field may be left empty for another (``Record.one_of``: a transfer to an international
organisation has no country) the first one given stands in, named, so that it cannot meet a
country of the same spelling. A retention rule is keyed by what it applies to (as a sorted set):
so a period that changes for the same data is one changed rule, and a rule that comes to cover
other data is another rule, which is what the privacy statement must then say. Plain lists of
labels and terms are keyed by the value itself.

Keys compare text as a reader would: ``N`` = Unicode NFC, trimmed, whitespace collapsed,
casefolded. A reworded purpose is therefore one removed and one added: the statement's wording
must change with it. Two items of one list with the same key are paired in their order of
appearance, the second keyed ``key#2``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from register.domain.canonical import canonical_json
from register.domain.checks import Check, LabelOrRecord, ListOf, Optional, Record

_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def normal(text: str) -> str:
    """``N`` of the reference: the form in which two spellings of one label are equal. Kept:
    a register repeats the same few labels across its entries, and the rules ask again."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def list_item(check: Check | None) -> Check | None:
    """The check of a list's items when ``check`` describes a list (null or not), else None."""
    if isinstance(check, Optional):
        check = check.inner
    return check.inner if isinstance(check, ListOf) else None


def record_of(check: Check | None) -> Record | None:
    """The object ``check`` describes, when it describes one (given as a label or not)."""
    if isinstance(check, Optional):
        check = check.inner
    if isinstance(check, LabelOrRecord):
        return check.record
    return check if isinstance(check, Record) else None


def keyed(item_check: Check, items: Iterable[Any]) -> dict[str, Any]:
    """The items by their keys, in their order, a repeated key numbered from its second use."""
    found: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for item in items:
        key = item_key(item_check, item)
        seen[key] = seen.get(key, 0) + 1
        found[key if seen[key] == 1 else f"{key}#{seen[key]}"] = item
    return found


def item_key(item_check: Check, item: Any) -> str:
    record = record_of(item_check)
    if record is None or not isinstance(item, dict):
        return _normal_value(item)
    label = record.label_field.name
    if _blank(item.get(label)) and label in record.one_of:
        for other in record.one_of:
            if not _blank(item.get(other)):
                return f"{other}:{_normal_value(item[other])}"
    return _normal_value(item.get(label))


def _blank(value: Any) -> bool:
    return value is None or value == [] or value == ""


def _normal_value(value: Any) -> str:
    if isinstance(value, str):
        return normal(value)
    if isinstance(value, list):
        return canonical_json(sorted(_normal_value(v) for v in value))
    return "" if value is None else canonical_json(value)
