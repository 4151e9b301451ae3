"""User text as Markdown that renders as exactly itself.

A name is whatever a DPO typed, and it must read as itself: not add a heading, a list, a link or
a code block to the document, nor rewrite the terminal it is printed on.
"""

from __future__ import annotations

import re
from typing import Any

# Line breaks, tabs and every other kind of space become one space: a value stays on its line.
_SPACES = re.compile(r"\s+")
# Control characters (a terminal's escape sequences) and the marks that reverse the order of
# text on screen are shown as U+FFFD, which says something was there.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What opens emphasis, code, a link, an image, HTML, an entity, a table cell or a heading; an
# underscore inside a word opens nothing, so names such as it_services stay as they are.
_INLINE = re.compile(r"([\\`*\[\]<>&|~#]|(?<!\w)_|_(?!\w))")
# What opens a block at the start of a line: a list item or a setext underline.
_BLOCK_START = re.compile(r"^([-+=])|^([0-9]+)([.)])")


def text(value: Any) -> str:
    """A value as Markdown that renders as exactly its own text, on one line."""
    plain = _UNSHOWABLE.sub("\ufffd", _SPACES.sub(" ", str(value)).strip())
    escaped = _INLINE.sub(lambda found: "\\" + found.group(), plain)
    return _BLOCK_START.sub(_escape_block_start, escaped)


def _escape_block_start(found: re.Match[str]) -> str:
    if found.group(1):
        return "\\" + found.group(1)
    return f"{found.group(2)}\\{found.group(3)}"
