"""Canonical JSON: the one spelling of a value that the register stores, hashes and answers
with, so that equal content is always equal bytes and an answer's digest can be reproduced.

The spelling is ``json.dumps`` with sorted keys, no spaces and UTF-8 as is. orjson writes the
same bytes for everything the register holds (text, whole numbers, booleans, null, lists and
objects with text keys) eight times as fast, which matters for answers of megabytes. It spells
some floats otherwise, but no field of the register takes a number with a fraction. What orjson
refuses (keys that are not plain text, integers beyond 64 bits) takes the standard library's
path, so the spelling never depends on which of the two wrote it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import orjson

# Dates and dataclasses go to the standard library, which refuses them as it always did.
_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def canonical_bytes(content: Any) -> bytes:
    try:
        return orjson.dumps(content, option=_OPTIONS)
    except TypeError:
        return _standard(content).encode("utf-8")


def canonical_json(content: Any) -> str:
    """Sorted keys, no spaces, UTF-8 as is."""
    return canonical_bytes(content).decode("utf-8")


def digest_of(content: dict[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical_bytes(content)).hexdigest()


def parse(text: str | bytes) -> Any:
    """A stored spelling read back. orjson reads a whole number beyond 64 bits as a float,
    where the standard library keeps it whole; the register's contents hold no numbers, so
    only what orjson refuses outright needs the standard library."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _standard(content: Any) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
