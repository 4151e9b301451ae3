"""Showing a client's own text back in a message, safely.

A refusal names what it refused, but a value sent to provoke one can be megabytes long, hold
control characters that rewrite a terminal, or lone surrogates that no encoder can write. So a
value is shown as a Python literal, which escapes every character that is not printable, and
cut to a length fit for one line.
"""

from __future__ import annotations

SHOWN_LENGTH = 60


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """``value`` as a quoted, escaped literal of at most about ``limit`` characters."""
    text = value if isinstance(value, str) else str(value)
    return repr(text[:limit]) + ("…" if len(text) > limit else "")


def printable(value: str, limit: int = SHOWN_LENGTH) -> str:
    """``value`` unquoted when it is short, plain printable text; escaped and cut otherwise.

    For names a client chose, such as an unknown field's, which go back as a path.
    """
    if len(value) <= limit and value.isprintable():
        return value
    return shown(value, limit)
