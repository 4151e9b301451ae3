"""The ETag policy: an entry's ETag is its version, and every write names the version it read.

The comparison itself happens in the register's write transaction (``expected_version``), not
here: a check made before the transaction would let two racing writers both pass it.
"""

from __future__ import annotations

import re

from flask import request

from api.extensions.problems import IF_MATCH_REQUIRED, VERSION_MISMATCH, Problem, invalid_fields
from register.domain.quoting import shown

# What the document promises If-Match takes: one of this API's ETags, strong or weak, or bare.
IF_MATCH_PATTERN = r'^(W/)?"[0-9]{1,9}"$|^[0-9]{1,9}$'
_OURS = re.compile(r'(?:W/)?"([0-9]{1,9})"|([0-9]{1,9})')
# Any entity tag (RFC 9110 §8.8.3), or "*": well formed, though perhaps not one of ours.
_ENTITY_TAG = re.compile(r'\*|(?:W/)?"[\x21\x23-\x7e\x80-\xff]*"')


def etag(version: int) -> str:
    """The ETag header value of an entry at ``version``."""
    return f'"{version}"'


def if_match_required() -> Problem:
    return Problem(
        IF_MATCH_REQUIRED,
        'Send If-Match with the ETag you read (for example If-Match: "3"), so that your '
        "change cannot overwrite one made since.",
    )


def if_match_version(required: bool = True) -> int | None:
    """The version named by ``If-Match``; None when it is absent and not required.

    Accepts ``"3"``, ``W/"3"`` and ``3``. A well-formed tag that names no version of this API,
    ``*`` included, can never match, so it is refused as stale (412), like an old version:
    every write must say which version it read. A header that is no list of entity tags at
    all is refused as invalid (422).
    """
    header = request.headers.get("If-Match")
    if header is None or not header.strip():
        if required:
            raise if_match_required()
        return None
    tags = [tag.strip() for tag in header.split(",")]
    if not all(_OURS.fullmatch(tag) or _ENTITY_TAG.fullmatch(tag) for tag in tags):
        raise invalid_fields(
            [
                {
                    "location": "header",
                    "field": "If-Match",
                    "message": 'must be the ETag you read, such as "3"',
                }
            ]
        )
    versions = {_version(tag) for tag in tags}
    if len(versions) != 1 or None in versions:
        raise Problem(
            VERSION_MISMATCH,
            f"If-Match {shown(header)} names no single version of this entry: send the one "
            "ETag you read.",
        )
    return versions.pop()


def _version(tag: str) -> int | None:
    ours = _OURS.fullmatch(tag)
    if ours is None:
        return None
    return int(ours.group(1) or ours.group(2))
