"""A nested Markdown list: how an entry's fields, and the objects inside them, are laid out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# CommonMark nests a list under an item when it starts at the item's content: after "- ".
_INDENT = "  "


@dataclass(frozen=True)
class Item:
    """One line of a list, and the list nested under it.

    ``text`` is Markdown already: whoever builds an item escapes the user text in it.
    """

    text: str
    below: tuple[Item, ...] = ()


def outline(items: Iterable[Item], depth: int = 0) -> list[str]:
    """The items as Markdown list lines, each nested list indented under its item."""
    lines: list[str] = []
    for item in items:
        lines.append(f"{_INDENT * depth}- {item.text}")
        lines += outline(item.below, depth + 1)
    return lines
