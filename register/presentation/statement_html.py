"""The generated statement as one self-contained HTML page: no script, no external style sheet,
every text escaped, each element carrying the number of its statement line.

Markers of what the register lacks are highlighted, so a reader of the page sees each gap.
"""

from __future__ import annotations

from html import escape

from register.domain.statement.model import MARKER, Line, Statement, numbered

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5}mark.gap{background:#ffd966;font-weight:600}"
    "dl.front-matter{font-size:.8rem;color:#555;display:grid;grid-template-columns:auto 1fr;"
    "gap:0 1rem}dl.front-matter dd{margin:0;word-break:break-all}"
)


def _inline(line: Line) -> str:
    return "".join(
        f'<mark class="gap">{escape(p.text)}</mark>' if p.kind == MARKER else escape(p.text)
        for p in line.parts
    )


def _element(n: int, line: Line) -> str:
    attributes = f' data-line="{n}"'
    if line.field:
        attributes += f' data-field="{escape(line.field)}"'
    if line.block == "title":
        return f"<h1{attributes}>{_inline(line)}</h1>"
    if line.block == "heading":
        anchor = f' id="{escape(line.anchor)}"' if line.anchor else ""
        return f"<h2{anchor}{attributes}>{_inline(line)}</h2>"
    if line.block == "item":
        return f"<li{attributes}>{_inline(line)}</li>"
    return f"<p{attributes}>{_inline(line)}</p>"


def render_html(statement: Statement) -> str:
    matter = statement.front_matter
    body: list[str] = []
    in_list = False
    for n, line in numbered(statement.lines):
        if line.block == "blank":
            continue
        if (line.block == "item") != in_list:
            body.append("<ul>" if not in_list else "</ul>")
            in_list = not in_list
        body.append(_element(n, line))
    if in_list:
        body.append("</ul>")
    facts = "".join(
        f"<dt>{escape(key)}</dt><dd>{escape(str(value))}</dd>"
        for key, value in matter.as_json().items()
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(matter.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(matter.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<dl class="front-matter">{facts}</dl>\n' + "\n".join(body) + "\n</body>\n</html>\n"
    )
