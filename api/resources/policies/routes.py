"""/api/v1/policies: the published revisions of the privacy statement, and two of them compared."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Response

from api.extensions.register_app import current_service
from api.resources.entries.routes import Collection, entry_blueprint
from api.resources.policies.diff_schemas import PolicyDiff, PolicyDiffQuery
from api.resources.policies.schemas import POLICY as SCHEMAS
from register.application.statements import compare_policies
from register.domain.canonical import canonical_json
from register.presentation.statement_word_diff import word_diff_page

KIND = SCHEMAS.spec
HTML = "text/html"

blp = entry_blueprint(Collection(KIND.kind, KIND.plural, SCHEMAS, SCHEMAS.facet, KIND.description))


@blp.route("/<uuid:entry_id>/diff")
@blp.query(PolicyDiffQuery)
@blp.response(200, PolicyDiff)
@blp.alt_response(200, schema={"type": "string"}, content_type=HTML, success=True)
def policy_diff(query: dict[str, Any], entry_id: uuid.UUID) -> Response:
    """This revision against an earlier one: the texts word by word, and the register diff
    between the two effective dates (what changed in the register that the text may need to
    say). Either id not a policy revision is 404."""
    comparison = compare_policies(current_service().reader, entry_id, query["against"])
    if query["format"] == "html":
        title = f"{comparison.against.fields['title']} → {comparison.revision.fields['title']}"
        return Response(word_diff_page(title, comparison.text), mimetype=HTML)
    return Response(canonical_json(comparison.as_json(query["lang"])), mimetype="application/json")
