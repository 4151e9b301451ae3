"""The text diff of two generated statements: a unified diff of their Markdown lines, and each
changed line with the entry, field and rule it comes from.

A statement has one fact per line, so a line diff is the right grain here (Python's ``difflib``
does it): each changed line is one sentence the published statement must change. Statements of
different generator versions are not compared, as their lines differ for reasons that are not
changes in the register.
"""

from __future__ import annotations

import difflib
from html import escape
from typing import Any

from register.domain.statement.model import Line, Statement
from register.presentation.statement_markdown import body_lines, markdown_line

CONTEXT_LINES = 3


def _label(statement: Statement) -> str:
    matter = statement.front_matter
    return f"statement {matter.language} as_of={matter.as_of} known_at={matter.known_at}"


def _change(how: str, n: int, line: Line) -> dict[str, Any]:
    return {
        "how": how,
        "n": n,
        "text": markdown_line(line),
        "entry_id": str(line.entry_id) if line.entry_id else None,
        "field": line.field,
        "rule": line.rule,
    }


def statement_diff(before: Statement, after: Statement) -> dict[str, Any]:
    """What changed from ``before`` to ``after``: the unified diff and each changed line's
    provenance (removed lines numbered in ``before``, added ones in ``after``)."""
    versions = {before.front_matter.generator_version, after.front_matter.generator_version}
    if len(versions) > 1:
        raise ValueError(
            "statements of different generator versions cannot be compared: regenerate both"
        )
    old, new = body_lines(before), body_lines(after)
    unified = difflib.unified_diff(
        old, new, _label(before), _label(after), n=CONTEXT_LINES, lineterm=""
    )
    changes: list[dict[str, Any]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes += [_change("removed", i + 1, before.lines[i]) for i in range(i1, i2)]
        changes += [_change("added", j + 1, after.lines[j]) for j in range(j1, j2)]
    return {
        "generator_version": before.front_matter.generator_version,
        "from": before.front_matter.as_json(),
        "to": after.front_matter.as_json(),
        "unified": "\n".join(unified) + "\n" if changes else "",
        "changes": changes,
    }


HEADINGS = {
    "nl": "Privacyverklaring: zinnen die anders moeten",
    "en": "Privacy statement: sentences that must change",
}
UNCHANGED = {
    "nl": "De verklaring die uit het register volgt, blijft gelijk.",
    "en": "The statement that follows from the register stays the same.",
}


def statement_diff_markdown(changes: dict[str, Any], language: str) -> list[str]:
    """The statement diff as a section of the Markdown changelog: the unified diff, fenced, so
    that the sentences read exactly as they are to be published."""
    lines = [f"## {HEADINGS[language]}", ""]
    if not changes["changes"]:
        return [*lines, UNCHANGED[language], ""]
    fence = "~~~~"  # no generated line starts with four tildes, so no text can close it
    return [*lines, f"{fence}diff", *changes["unified"].rstrip("\n").split("\n"), fence, ""]


def statement_diff_html(changes: dict[str, Any], language: str) -> str:
    """The statement diff as a section of the HTML page, removed and added lines marked."""
    heading = f"<h2>{escape(HEADINGS[language])}</h2>"
    if not changes["changes"]:
        return f"{heading}<p>{escape(UNCHANGED[language])}</p>"
    rows = []
    for line in changes["unified"].rstrip("\n").split("\n"):
        marked = (
            {"-": "del", "+": "ins"}.get(line[:1]) if not line.startswith(("---", "+++")) else None
        )
        shown = escape(line)
        rows.append(f"<{marked}>{shown}</{marked}>" if marked else shown)
    return heading + "<pre>" + "\n".join(rows) + "</pre>"
