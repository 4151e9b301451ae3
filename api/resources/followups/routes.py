"""/api/v1/followups: the DPO's work list, and marking a follow-up done or not applicable."""

from __future__ import annotations

from typing import Any

from flask import Response

from api.extensions import Blueprint
from api.extensions.auth import current_actor
from api.extensions.register_app import current_service
from api.extensions.versions import etag
from api.resources.followups.schemas import FollowUpItem, FollowUpsQuery, MarkBody, WorkList
from api.resources.moments import moment_of
from register.application.followups import FollowUps, MarkFollowUp
from register.domain.canonical import canonical_json

blp = Blueprint.v1("followups", "The work list of follow-ups that register changes raise.")


def _follow_ups() -> FollowUps:
    service = current_service()
    return FollowUps(service.reader, service.commands)


@blp.route("")
@blp.query(FollowUpsQuery)
@blp.response(200, WorkList)
def get_followups(query: dict[str, Any]) -> Response:
    """Every follow-up the changes recorded by known_at raised, as it stands at as_of.

    Each says what a change requires, when the change was recorded (raised_at) and takes
    effect, and whether it is open, done or dismissed: who closed it, when, why and with what
    evidence. With the history position and head digest it was computed from, and a digest of
    its own content.
    """
    follow_ups = _follow_ups()
    work = follow_ups.work_list(moment_of(follow_ups.reader, query))
    document = work.as_json(query["lang"], query.get("status"))
    return Response(canonical_json(document), mimetype="application/json")


@blp.route("/<string:followup_id>/mark", methods=["POST"])
@blp.query()
@blp.if_match(required=False)
@blp.arguments(MarkBody)
@blp.response(200, FollowUpItem, headers={"ETag": "ETAG"})
def mark_followup(
    body: dict[str, Any], followup_id: str, expected_version: int | None
) -> tuple[dict[str, Any], dict[str, str]]:
    """Mark the follow-up done, dismissed (not applicable) or open again; a reason is required
    to close it. The mark is an event in the history. If-Match, when sent, must name the
    follow-up's version as the work list shows it."""
    command = MarkFollowUp(
        followup=followup_id,
        actor=current_actor(),
        expected_version=expected_version,
        **body,
    )
    item = _follow_ups().mark(command)
    return item.as_json("en"), {"ETag": etag(item.version)}
