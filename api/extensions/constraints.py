"""What the register's checks accept, stated as JSON Schema keywords for the API's document.

The register judges every value (``register.domain.checks``); the document says the same thing
in advance, so that a client or a fuzzer that keeps to it is not refused for the shape of what
it sent. Each keyword is read from the check itself (its limit, its pattern, its choices) and
never restated.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from register.domain import checks
from register.domain.instants import DAY_SCHEMA_PATTERN
from register.domain.vocabulary import COUNTRIES

UUID_PATTERN = "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"
# Any text a database can store: no NUL (a surrogate cannot be sent as UTF-8 in the first place).
STORABLE_PATTERN = "^[^\\u0000]*$"
BASIC_PLANE = 0x10000
SURROGATES = (0xD800, 0xDFFF)


def constraints(check: checks.Check) -> dict[str, Any]:
    """The keywords that state ``check``; for a list, ``items`` holds its items' own."""
    match check:
        case checks.Optional(inner=inner):
            return constraints(inner)
        case checks.Text(max_length=limit):
            return {"minLength": 1, "maxLength": limit, "pattern": text_pattern()}
        case checks.Note(max_length=limit):
            return {"maxLength": limit, "pattern": STORABLE_PATTERN}
        case checks.Country():
            return {"enum": sorted(COUNTRIES)}
        case checks.Duration():
            return {"pattern": checks.DURATION_PATTERN}
        case checks.Language():
            return {"pattern": checks.LANGUAGE_PATTERN}
        case checks.Sha256():
            return {"pattern": checks.SHA256_PATTERN}
        case checks.IsoDate():
            return {"pattern": DAY_SCHEMA_PATTERN}
        case checks.EntryRef():
            return {"pattern": UUID_PATTERN}
        case checks.ListOf(inner=inner, max_items=limit):
            return {"maxItems": limit, "items": constraints(inner)}
        case checks.LabelOrRecord(record=record):
            return {"label": constraints(record.label_field.check)}
    return {}


def merged(documented: dict[str, Any], stated: dict[str, Any]) -> dict[str, Any]:
    """``documented`` (what apispec wrote for a field) with ``stated`` added at each level."""
    result = dict(documented)
    for key, value in stated.items():
        if key == "items":
            result["items"] = merged(documented.get("items", {}), value)
        elif key == "label":
            strings = [b for b in documented.get("oneOf", []) if b.get("type") == "string"]
            for branch in strings:
                branch.update(value)
        else:
            result[key] = value
    return result


@cache
def text_pattern() -> str:
    """A pattern for text the register takes: no NUL, and at least one visible character.

    Characters beyond the basic plane cannot be written in a pattern that every JSON Schema
    engine reads alike (some see them as two surrogates), so surrogates are not named and the
    few invisible characters there, such as tag characters, are left to the register to refuse.
    """
    invisible = _ranges(
        code
        for code in range(BASIC_PLANE)
        if not checks.visible(chr(code)) and not SURROGATES[0] <= code <= SURROGATES[1]
    )
    return f"^[^\\u0000]*[^{invisible}][^\\u0000]*$"


def _ranges(codes: Any) -> str:
    spans: list[list[int]] = []
    for code in codes:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return "".join(
        f"\\u{first:04x}" if first == last else f"\\u{first:04x}-\\u{last:04x}"
        for first, last in spans
    )
