"""The work list of follow-ups (SPEC §6), its query, and the body of a mark."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import Length, OneOf

from api.extensions import Schema
from api.extensions.constraints import constraints
from api.extensions.fields import DateText, Day, InstantText
from api.resources.moments import MomentQuery
from api.resources.register_at.schemas import LANGUAGES, HistoryPosition
from register.domain.catalogue import spec
from register.domain.catalogue.followup import MARK_STATUSES
from register.domain.checks import REASON
from register.domain.followups.model import SEVERITIES
from register.domain.kinds import EntryKind

FOLLOWUP = spec(EntryKind.FOLLOWUP)


class FollowUpsQuery(MomentQuery):
    status = fields.String(
        validate=OneOf(MARK_STATUSES),
        metadata={"description": "only the follow-ups with this status (default: all)"},
    )
    lang = fields.String(
        load_default="en",
        validate=OneOf(LANGUAGES),
        metadata={"description": "the language of each follow-up's sentence"},
    )


class MarkBody(Schema):
    status = fields.String(
        required=True,
        validate=OneOf(MARK_STATUSES),
        metadata={"description": "done, dismissed (not applicable), or open to reopen it"},
    )
    reason = fields.String(
        allow_none=True,
        metadata={
            "description": "why: what was done, or why it does not apply; required for done "
            "and dismissed. Stored on the mark's event.",
            **constraints(REASON),
        },
    )
    evidence_ref = fields.String(
        allow_none=True,
        metadata={
            "description": FOLLOWUP.field("evidence_ref").description,
            **constraints(FOLLOWUP.field("evidence_ref").check),
        },
    )
    effective_from = Day(
        allow_none=True,
        metadata={"description": "the day the mark holds from (default: today)"},
    )


class FollowUpMark(Schema):
    status = fields.String(required=True, validate=OneOf(MARK_STATUSES))
    evidence_ref = fields.String(required=True, allow_none=True)
    by = fields.String(required=True, metadata={"description": "who marked it"})
    at = InstantText(required=True, metadata={"description": "when the mark was recorded"})
    effective_from = DateText(required=True)
    reason = fields.String(required=True, allow_none=True)


class FollowUpItem(Schema):
    id = fields.String(
        required=True,
        validate=Length(equal=16),
        metadata={"description": "stable: a digest of the finding's id and the change's instant"},
    )
    finding_id = fields.String(
        required=True, metadata={"description": "the finding's id: entry, rule, field, change"}
    )
    code = fields.String(required=True, metadata={"description": "the rule's code"})
    severity = fields.String(required=True, validate=OneOf(SEVERITIES))
    articles = fields.String(required=True)
    entry_id = fields.String(required=True, allow_none=True)
    kind = fields.String(required=True, allow_none=True)
    name = fields.String(required=True, allow_none=True)
    field_path = fields.String(required=True)
    before = fields.Raw(required=True, allow_none=True)
    after = fields.Raw(required=True, allow_none=True)
    text = fields.String(required=True, metadata={"description": "what to do, in lang"})
    raised_at = InstantText(
        required=True, metadata={"description": "when the change that raised it was recorded"}
    )
    raised_effective_from = DateText(
        required=True, metadata={"description": "the day that change takes effect"}
    )
    status = fields.String(required=True, validate=OneOf(MARK_STATUSES))
    version = fields.Integer(
        required=True,
        metadata={"description": "how many marks it has had: send it in If-Match to mark it"},
    )
    closed_by = fields.String(required=True, allow_none=True)
    closed_at = InstantText(required=True, allow_none=True)
    closed_effective_from = DateText(required=True, allow_none=True)
    reason = fields.String(required=True, allow_none=True)
    evidence_ref = fields.String(required=True, allow_none=True)
    marks = fields.List(
        fields.Nested(FollowUpMark),
        required=True,
        metadata={"description": "every mark in effect at the moment, in the order they apply"},
    )


class WorkListCounts(Schema):
    open = fields.Integer(required=True)
    done = fields.Integer(required=True)
    dismissed = fields.Integer(required=True)


class WorkList(Schema):
    as_of = DateText(required=True)
    known_at = InstantText(required=True)
    status = fields.String(required=True, allow_none=True)
    language = fields.String(required=True)
    history = fields.Nested(HistoryPosition, required=True)
    counts = fields.Nested(
        WorkListCounts, required=True, metadata={"description": "of the whole list"}
    )
    followups = fields.List(fields.Nested(FollowUpItem), required=True)
    digest = fields.String(
        required=True, metadata={"description": "sha256 of the list's canonical content"}
    )
