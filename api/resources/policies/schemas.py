"""A policy revision (SPEC §2, §7): one published version of the public privacy statement.

Its ``effective_from`` is the day the revision takes effect (the registration's own date) and
its ``content_hash`` pins the exact text.
"""

from __future__ import annotations

from marshmallow import fields

from api.extensions import Schema
from api.extensions.fields import DateText, optional
from api.resources.entries.schemas import entry_schemas


class PolicyFields(Schema):
    title = fields.String(required=True)
    language = fields.String(
        required=True, metadata={"description": "a language tag such as nl or en"}
    )
    source_url = optional()
    text = fields.String(required=True, metadata={"description": "the full text, in Markdown"})


POLICY = entry_schemas(
    "Policy",
    PolicyFields,
    represented={
        "effective_from": DateText(required=True),
        "content_hash": fields.String(required=True, metadata={"example": "sha256:…"}),
    },
)
