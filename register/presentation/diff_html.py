"""The register diff as a self-contained HTML page: one file with its style inline and no
script or external asset, so it opens anywhere and can be archived with the memo it goes with.

Every piece of text is escaped; the register's own text was already brought to one line with
nothing unshowable in it (``diff_changelog.plain``).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from register.domain.diff.answer import DiffAnswer
from register.presentation.diff_changelog import Line, Piece, changelog
from register.presentation.statement_diff import statement_diff_html

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.45;color:#1b1b1b}"
    "h2{border-bottom:1px solid #ccc;margin-top:2rem}"
    "code{font-size:.85em;word-break:break-all}"
    "em{color:#555}"
    "footer{margin-top:2rem;border-top:1px solid #ccc;font-size:.9em}"
)


def render_diff_html(
    answer: DiffAnswer, language: str, statement: dict[str, Any] | None = None
) -> str:
    """With ``statement``, the diff of the two generated statements follows the changelog."""
    log = changelog(answer, language)
    body = [f"<h1>{escape(log.title)}</h1>", _list(log.facts)]
    for section in log.sections:
        level = section.level
        body.append(f"<h{level}>{_inline(section.heading)}</h{level}>")
        if section.lines:
            body.append(_list(section.lines))
    if statement is not None:
        body.append(statement_diff_html(statement, language))
    footer = "<br>\n".join(_inline(line.pieces) for line in log.footer)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{escape(log.title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            f"<footer><p>{footer}</p></footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _list(lines: Iterable[Line]) -> str:
    items = "".join(
        f"<li>{_inline(line.pieces)}{_list(line.below) if line.below else ''}</li>"
        for line in lines
    )
    return f"<ul>{items}</ul>"


def _inline(pieces: Iterable[Piece]) -> str:
    return "".join(_marked(piece) for piece in pieces)


def _marked(piece: Piece) -> str:
    shown = escape(piece.text)
    match piece.style:
        case "word":
            return f"<em>{shown}</em>"
        case "label":
            return f"<strong>{shown}</strong>: "
        case "code":
            return f"<code>{shown}</code>"
    return shown
