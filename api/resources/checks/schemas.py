"""The completeness checks of the register at a moment (SPEC §6), and the query that asks."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.fields import DateText, InstantText
from api.resources.moments import MomentQuery
from api.resources.register_at.schemas import HistoryPosition
from api.resources.vocabularies.schemas import VocabularyQuery
from register.domain.followups import SEVERITIES
from register.domain.kinds import EntryKind


class ChecksQuery(MomentQuery, VocabularyQuery):
    """The moment, and the language of the findings' sentences."""


class CheckFindingSchema(Schema):
    id = fields.String(
        required=True,
        metadata={
            "description": "stable: 16 hex digits of sha256 over the entry id, the rule code, "
            "the field path and the values before and after"
        },
    )
    code = fields.String(
        required=True, metadata={"description": "the rule, such as CHK-NO-PURPOSE"}
    )
    severity = fields.String(required=True, validate=OneOf(SEVERITIES))
    articles = fields.String(required=True, metadata={"description": "the GDPR articles"})
    entry_id = fields.String(
        required=True, allow_none=True, metadata={"description": "null for the register as a whole"}
    )
    kind = fields.String(required=True, allow_none=True, validate=OneOf(list(EntryKind)))
    name = fields.String(
        required=True, allow_none=True, metadata={"description": "the entry's name"}
    )
    field_path = fields.String(
        required=True,
        metadata={"description": "where in the entry, such as purposes[…].legal_basis"},
    )
    before = fields.Raw(required=True, allow_none=True)
    after = fields.Raw(required=True, allow_none=True)
    baseline = fields.Boolean(
        required=True, metadata={"description": "about the register's first state, not a change"}
    )
    text = fields.String(required=True, metadata={"description": "what to do, in one sentence"})


class CheckedMoment(Schema):
    as_of = DateText(required=True)
    known_at = InstantText(required=True)
    history = fields.Nested(HistoryPosition, required=True)


class CheckCounts(Schema):
    must = fields.Integer(required=True)
    check = fields.Integer(required=True)
    info = fields.Integer(required=True)


class ChecksSchema(Schema):
    as_of = DateText(required=True)
    known_at = InstantText(required=True)
    history = fields.Nested(HistoryPosition, required=True)
    policy_baseline = fields.Nested(
        CheckedMoment,
        required=True,
        allow_none=True,
        metadata={
            "description": "the register the statement in effect was published with: on its "
            "effective date, as recorded when it was; null when no statement is in effect"
        },
    )
    lang = fields.String(required=True)
    counts = fields.Nested(CheckCounts, required=True)
    findings = fields.List(fields.Nested(CheckFindingSchema), required=True)
    digest = fields.String(
        required=True, metadata={"description": "sha256 of the answer's canonical content"}
    )
