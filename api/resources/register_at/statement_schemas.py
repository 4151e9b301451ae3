"""The generated privacy statement (SPEC §5): the query, and its JSON form with the map from each
line to the entry, field and rule it comes from."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.fields import DateText, InstantText
from api.resources.moments import MomentQuery
from register.domain.statement import LANGUAGES

FORMATS = ("json", "md", "html")


class StatementQuery(MomentQuery):
    lang = fields.String(load_default="en", validate=OneOf(LANGUAGES))
    format = fields.String(
        load_default="json",
        validate=OneOf(FORMATS),
        metadata={"description": "json (lines with their provenance), md or a self-contained html"},
    )


class FrontMatter(Schema):
    """Which register the statement was generated from; not part of its text."""

    title = fields.String(required=True)
    language = fields.String(required=True)
    effective_from = DateText(required=True)
    as_of = DateText(required=True)
    known_at = InstantText(required=True)
    position = fields.Integer(required=True)
    head_digest = fields.String(required=True, allow_none=True)
    register_digest = fields.String(required=True)
    generator_version = fields.String(
        required=True, metadata={"description": "only diff statements of the same version"}
    )


class StatementLine(Schema):
    n = fields.Integer(required=True, metadata={"description": "the line's number in the md body"})
    text = fields.String(required=True, metadata={"description": "the line as Markdown"})
    section = fields.String(required=True, allow_none=True, metadata={"description": "e.g. §3"})
    entry_id = fields.UUID(required=True, allow_none=True)
    field = fields.String(
        required=True, allow_none=True, metadata={"description": "e.g. retention[0].period"}
    )
    rule = fields.String(
        required=True,
        allow_none=True,
        metadata={
            "description": "the follow-up rule that changes this line, e.g. NOTICE-RETENTION"
        },
    )
    free_text = fields.Boolean(
        required=True,
        metadata={"description": "holds the register's free text verbatim, in its own language"},
    )


class StatementGap(Schema):
    n = fields.Integer(required=True)
    marker = fields.String(required=True, metadata={"example": "[LEGAL BASIS NOT RECORDED]"})
    check = fields.String(required=True, allow_none=True)
    entry_id = fields.UUID(required=True, allow_none=True)
    field = fields.String(required=True, allow_none=True)


class StatementDocument(Schema):
    front_matter = fields.Nested(FrontMatter, required=True)
    lines = fields.List(fields.Nested(StatementLine), required=True)
    warnings = fields.List(
        fields.Nested(StatementGap),
        required=True,
        metadata={"description": "each marker of what the register lacks"},
    )
