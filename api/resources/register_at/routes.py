"""/api/v1/register: the whole Article 30 register at (as_of, known_at).

Asked twice at the same instants it answers the same bytes, however much was recorded since:
the body is a function of the two instants and the history up to known_at alone.
"""

from __future__ import annotations

from typing import Any

from flask import Response

from api.extensions import Blueprint
from api.extensions.register_app import current_service
from api.resources.moments import moment_of
from api.resources.register_at.schemas import Register, RegisterQuery
from api.resources.register_at.statement_schemas import StatementDocument, StatementQuery
from register.application.statements import statement_at
from register.domain.canonical import canonical_json
from register.presentation.markdown import render
from register.presentation.statement_html import render_html
from register.presentation.statement_markdown import render_markdown, statement_json

MARKDOWN = "text/markdown"
HTML = "text/html"

blp = Blueprint.v1("register", "The Article 30 register at a point in time.")


@blp.route("")
@blp.query(RegisterQuery)
@blp.response(200, Register)
@blp.alt_response(200, schema={"type": "string"}, content_type=MARKDOWN, success=True)
def get_register(query: dict[str, Any]) -> Response:
    """The register in effect on as_of, as recorded at known_at, in JSON or Markdown.

    The organisation block, then the activities (controller part 30(1), then the processor
    part 30(2)), the recipients and the policy revision in effect; with the history position
    and head digest it was computed from, and a digest of its own content.
    """
    reader = current_service().reader
    document = reader.register(moment_of(reader, query), query.get("role")).as_json()
    if query["format"] == "md":
        return Response(render(document, query["lang"]), mimetype=MARKDOWN)
    return Response(canonical_json(document), mimetype="application/json")


@blp.route("/statement")
@blp.query(StatementQuery)
@blp.response(200, StatementDocument)
@blp.alt_response(200, schema={"type": "string"}, content_type=MARKDOWN, success=True)
@blp.alt_response(200, schema={"type": "string"}, content_type=HTML, success=True)
def get_statement(query: dict[str, Any]) -> Response:
    """The public privacy statement (Art. 13/14) generated from the register at a moment.

    One fact per line, in a fixed order, with a marker such as [LEGAL BASIS NOT RECORDED]
    where the register lacks a required element; the same register gives the same bytes. The
    JSON form maps each line of the Markdown body to the entry, field and rule it comes from,
    and lists the markers as warnings.
    """
    reader = current_service().reader
    statement = statement_at(reader, moment_of(reader, query), query["lang"])
    if query["format"] == "md":
        return Response(render_markdown(statement), mimetype=MARKDOWN)
    if query["format"] == "html":
        return Response(render_html(statement), mimetype=HTML)
    return Response(canonical_json(statement_json(statement)), mimetype="application/json")
