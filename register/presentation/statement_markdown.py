"""The generated statement as Markdown, and as JSON lines that map each Markdown line to the
entry, field and rule it comes from.

The statement's own words are written as they are; the register's free text goes through
``text``, so that a name adds no heading, list or link to the document. Markdown line n of the
body is line n of the JSON, so a diff of two Markdown statements can be traced through either.
"""

from __future__ import annotations

import json
from typing import Any

from register.domain.statement.model import VALUE, Line, Statement, numbered
from register.presentation.escaping import text

PREFIX = {"title": "# ", "heading": "## ", "item": "- ", "paragraph": "", "blank": ""}


def markdown_line(line: Line) -> str:
    body = "".join(text(p.text) if p.kind == VALUE else p.text for p in line.parts)
    anchor = f" {{#{line.anchor}}}" if line.anchor else ""
    return f"{PREFIX[line.block]}{body}{anchor}"


def body_lines(statement: Statement) -> list[str]:
    return [markdown_line(line) for line in statement.lines]


def render_markdown(statement: Statement) -> str:
    """Front matter (YAML), then the statement; the same statement gives the same bytes."""
    matter = [
        f"{key}: {json.dumps(value)}" for key, value in statement.front_matter.as_json().items()
    ]
    return "\n".join(["---", *matter, "---", "", *body_lines(statement)]) + "\n"


def statement_json(statement: Statement) -> dict[str, Any]:
    """The front matter, every line with its provenance, and the markers as warnings."""
    return {
        "front_matter": statement.front_matter.as_json(),
        "lines": [
            {
                "n": n,
                "text": markdown_line(line),
                "section": line.section or None,
                "entry_id": str(line.entry_id) if line.entry_id else None,
                "field": line.field,
                "rule": line.rule,
                "free_text": line.has_free_text,
            }
            for n, line in numbered(statement.lines)
        ],
        "warnings": [gap.as_json() for gap in statement.warnings],
    }
