"""Canonical JSON: the one spelling of a value that the register stores, hashes and answers
with, so that equal content is always equal bytes and an answer's digest can be reproduced."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(content: Any) -> str:
    """Sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest_of(content: dict[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()
