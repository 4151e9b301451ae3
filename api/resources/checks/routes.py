"""/api/v1/checks: what the register lacks at a moment, and whether the privacy statement in
effect still reflects it. Readable by the DPO and by auditors."""

from __future__ import annotations

from typing import Any

from flask import Response

from api.extensions import Blueprint
from api.extensions.register_app import current_service
from api.resources.checks.schemas import ChecksQuery, ChecksSchema
from api.resources.moments import moment_of
from register.application.checks import Checks
from register.domain.canonical import canonical_json

blp = Blueprint.v1("checks", "The completeness checks of the register at a point in time.")


@blp.route("")
@blp.query(ChecksQuery)
@blp.response(200, ChecksSchema)
def get_checks(query: dict[str, Any]) -> Response:
    """The findings of the completeness checks on the register in effect on as_of, as recorded
    at known_at: musts first, each with its stable id, rule code, articles, the entry and field
    it is about, and one sentence in the language asked for.

    With the history positions and head digests of the register checked and of the register the
    statement in effect was published with, and a digest of the answer's own content.
    """
    reader = current_service().reader
    answer = Checks(reader).at(moment_of(reader, query))
    return Response(canonical_json(answer.as_json(query["lang"])), mimetype="application/json")
