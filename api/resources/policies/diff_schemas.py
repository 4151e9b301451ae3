"""Two policy revisions compared (SPEC §5): the query, and the text diff word by word with the
register diff between their effective dates."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.fields import DateText
from api.resources.register_at.schemas import LANGUAGES

FORMATS = ("json", "html")


class PolicyDiffQuery(Schema):
    against = fields.UUID(
        required=True, metadata={"description": "the earlier revision to compare this one with"}
    )
    lang = fields.String(
        load_default="en",
        validate=OneOf(LANGUAGES),
        metadata={"description": "the language of the register diff's follow-ups"},
    )
    format = fields.String(
        load_default="json",
        validate=OneOf(FORMATS),
        metadata={"description": "json, or html: the text diff as a page with <ins> and <del>"},
    )


class Revision(Schema):
    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    title = fields.String(required=True)
    language = fields.String(required=True)
    effective_from = DateText(required=True)
    content_hash = fields.String(required=True, allow_none=True)


class TextDiff(Schema):
    unified = fields.String(
        required=True, metadata={"description": "word diff as git writes it: [-old-]{+new+}"}
    )
    html = fields.String(
        required=True, metadata={"description": "an HTML fragment with <del> and <ins>"}
    )
    inserted_words = fields.Integer(required=True)
    deleted_words = fields.Integer(required=True)


class PolicyDiff(Schema):
    policy = fields.Nested(Revision, required=True)
    against = fields.Nested(Revision, required=True)
    text = fields.Nested(TextDiff, required=True)
    register_diff = fields.Dict(
        required=True,
        metadata={
            "description": "the register diff from the effective date of `against` to that of "
            "this revision, as GET /api/v1/register/diff answers it"
        },
    )
