"""The register diff as a Markdown changelog: a DPO pastes it into a memo as it is.

Every piece of register text goes through ``text``, so that no name adds structure to the
document; the page's own words are set apart in emphasis.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from register.domain.diff.answer import DiffAnswer
from register.presentation.diff_changelog import Line, Piece, changelog
from register.presentation.escaping import text
from register.presentation.outline import Item, outline
from register.presentation.statement_diff import statement_diff_markdown


def render_diff(answer: DiffAnswer, language: str, statement: dict[str, Any] | None = None) -> str:
    """With ``statement``, the diff of the two generated statements follows the changelog."""
    log = changelog(answer, language)
    lines = [f"# {log.title}", "", *outline(_items(log.facts)), ""]
    for section in log.sections:
        lines += [f"{'#' * section.level} {_inline(section.heading)}", ""]
        if section.lines:
            lines += [*outline(_items(section.lines)), ""]
    if statement is not None:
        lines += statement_diff_markdown(statement, language)
    footer = [_inline(line.pieces) for line in log.footer]
    lines += ["---", "", *(f"{line}  " for line in footer[:-1]), footer[-1], ""]
    return "\n".join(lines)


def _items(lines: Iterable[Line]) -> list[Item]:
    return [Item(_inline(line.pieces), tuple(_items(line.below))) for line in lines]


def _inline(pieces: Iterable[Piece]) -> str:
    return "".join(_marked(piece) for piece in pieces).rstrip()


def _marked(piece: Piece) -> str:
    match piece.style:
        case "value":
            return text(piece.text)
        case "word":
            return f"_{text(piece.text)}_"
        case "label":
            return f"**{text(piece.text)}**: "
        case "code":
            return f"`{piece.text}`"
    return piece.text
