"""/api/v1/register/diff: what changed between two points of the register, and what each
change requires (SPEC §5, §6).

Like the register itself, asked twice for the same four instants it answers the same bytes.
"""

from __future__ import annotations

from typing import Any

from flask import Response

from api.extensions import Blueprint, auth
from api.extensions.register_app import current_service
from api.resources.register_diff.moments import moments_of
from api.resources.register_diff.schemas import RegisterDiff, RegisterDiffQuery
from register.application.diffs import diff_document, register_diff, statement_changes
from register.domain.canonical import canonical_json
from register.presentation.diff_html import render_diff_html
from register.presentation.diff_markdown import render_diff

MARKDOWN = "text/markdown"
HTML = "text/html"
# The page holds its own style and nothing else runs or loads: the browser is told so too.
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

blp = Blueprint(
    "register_diff",
    "api",
    url_prefix="/api/v1/register/diff",
    description="What changed between two points of the register, and what it requires.",
    readers=auth.REGISTER_READERS,
    writers=auth.REGISTER_WRITERS,
)


@blp.route("")
@blp.query(RegisterDiffQuery)
@blp.response(200, RegisterDiff)
@blp.alt_response(200, schema={"type": "string"}, content_type=MARKDOWN, success=True)
@blp.alt_response(200, schema={"type": "string"}, content_type=HTML, success=True)
def get_register_diff(query: dict[str, Any]) -> Response:
    """What changed from the register at (from, from_known_at) to the register at (to,
    to_known_at): entries added, removed and changed field by field, lists item by item.

    Each change carries the follow-ups it triggers, with code, severity, articles and sentence
    in lang. Both moments come with the history position and head digest they were read from,
    and the answer with a digest of its own content. As JSON, a Markdown changelog, or a
    self-contained HTML page. With include=statement, also the diff of the privacy statements
    generated from the two registers: the exact sentences the published statement must change.
    """
    reader = current_service().reader
    before, after = moments_of(reader, query)
    answer = register_diff(reader, before, after)
    language = query["lang"]
    statement = statement_changes(answer, language) if query.get("include") else None
    if query["format"] == "md":
        return Response(render_diff(answer, language, statement), mimetype=MARKDOWN)
    if query["format"] == "html":
        page = Response(render_diff_html(answer, language, statement), mimetype=HTML)
        page.headers["Content-Security-Policy"] = PAGE_POLICY
        return page
    document = diff_document(answer, language, statement)
    return Response(canonical_json(document), mimetype="application/json")
