"""The ETag policy: an entry's ETag is its version, and every write names the version it read.

The comparison itself happens in the register's write transaction (``expected_version``), not
here: a check made before the transaction would let two racing writers both pass it.
"""

from __future__ import annotations

from flask import request

from api.extensions.problems import IF_MATCH_REQUIRED, VERSION_MISMATCH, Problem


def etag(version: int) -> str:
    """The ETag header value of an entry at ``version``."""
    return f'"{version}"'


def _version(tag: str) -> int | None:
    tag = tag.strip()
    if tag.startswith("W/"):
        tag = tag[2:]
    tag = tag.strip('"')
    return int(tag) if tag.isdigit() and len(tag) < 10 else None


def if_match_required() -> Problem:
    return Problem(
        IF_MATCH_REQUIRED,
        'Send If-Match with the ETag you read (for example If-Match: "3"), so that your '
        "change cannot overwrite one made since.",
    )


def if_match_version(required: bool = True) -> int | None:
    """The version named by ``If-Match``; None when it is absent and not required.

    Accepts ``"3"``, ``W/"3"`` and ``3``. A tag that names no version of this API, ``*``
    included, can never match, so it is refused as stale (412), like an old version: every
    write must say which version it read.
    """
    header = request.headers.get("If-Match")
    if header is None or not header.strip():
        if required:
            raise if_match_required()
        return None
    versions = {_version(tag) for tag in header.split(",")}
    if len(versions) != 1 or None in versions:
        raise Problem(
            VERSION_MISMATCH,
            f"If-Match {header!r} names no single version of this entry: send the one ETag "
            "you read.",
        )
    return versions.pop()
