"""The register's controlled vocabularies as clients read them: each code with its label."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema

LANGUAGES = ("en", "nl")


class VocabularyQuery(Schema):
    lang = fields.String(
        load_default="en",
        validate=OneOf(LANGUAGES),
        metadata={"description": "the language of the labels"},
    )


class TermSchema(Schema):
    code = fields.String(required=True, metadata={"description": "the value the register stores"})
    label = fields.String(required=True, metadata={"description": "the term in the language"})
    iri = fields.String(
        required=True, allow_none=True, metadata={"description": "the term's IRI, for DPV terms"}
    )
    note = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "what else holds for it, such as the UAVG article"},
    )


class VocabularySchema(Schema):
    name = fields.String(required=True)
    source = fields.String(required=True, metadata={"description": "where the terms come from"})
    terms = fields.List(fields.Nested(TermSchema), required=True)
