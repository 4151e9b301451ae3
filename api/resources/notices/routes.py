"""/api/v1/notices/subprocessors: what each client controller must be told of the changes to
the sub-processors of the activities done on its behalf (Art. 28(2)), as data or as letters."""

from __future__ import annotations

from typing import Any

from flask import Response

from api.extensions import Blueprint
from api.extensions.register_app import current_service
from api.resources.notices.schemas import NoticesQuery, SubprocessorNotices
from api.resources.register_diff.moments import moments_of
from register.application.notices import subprocessor_notices
from register.domain.canonical import canonical_json
from register.presentation.subprocessor_letters import render

MARKDOWN = "text/markdown"

blp = Blueprint.v1("notices", "Notices the register's changes require.")


@blp.route("/subprocessors")
@blp.query(NoticesQuery)
@blp.response(200, SubprocessorNotices)
@blp.alt_response(200, schema={"type": "string"}, content_type=MARKDOWN, success=True)
def get_subprocessor_notices(query: dict[str, Any]) -> Response:
    """The sub-processors added, replaced or removed in the processor activities from the
    register at (from, from_known_at) to the register at (to, to_known_at), per client
    controller: each change with its effective date and, for an addition or replacement, the
    last day to object. As JSON, or in Markdown as one letter per client, in lang.

    Both moments come with the history position and head digest they were read from, and the
    answer with a digest of its own content.
    """
    reader = current_service().reader
    before, after = moments_of(reader, query)
    notices = subprocessor_notices(reader, before, after, query.get("sent_on") or reader.today())
    document = notices.as_json()
    if query["format"] == "md":
        return Response(render(document, query["lang"]), mimetype=MARKDOWN)
    return Response(canonical_json(document), mimetype="application/json")
