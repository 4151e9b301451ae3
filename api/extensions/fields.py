"""Marshmallow fields the API's schemas share.

Write bodies keep the client's JSON values as they were sent: the register validates and
normalises them (``register.domain.catalogue``), so these fields check shape and document it,
and never turn a value into a Python object the register would not expect.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import marshmallow as ma
from marshmallow import fields

from register.domain.catalogue import FieldSpec
from register.domain.errors import InvalidCommand
from register.domain.instants import parse_instant

# The metadata key under which a field derived from the catalogue keeps its declaration.
FIELD_SPEC = "field_spec"


class DateText(fields.String):
    """A calendar date kept as its ISO text (``YYYY-MM-DD``)."""


class InstantText(fields.String):
    """An RFC 3339 timestamp kept as its text."""


class EntryId(fields.String):
    """The id (a UUID) of an entry, kept as its text."""


class KnownAt(fields.Field):
    """``known_at`` (SPEC §3): an RFC 3339 timestamp, or a date meaning the end of that day UTC."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if not isinstance(value, str):
            raise ma.ValidationError("must be an RFC 3339 timestamp or a date")
        try:
            return parse_instant(value, attr or "known_at")
        except InvalidCommand as error:
            raise ma.ValidationError([m for ms in error.errors.values() for m in ms]) from None


class LabelOrRecord(fields.Field):
    """A plain label, or an object that says more about it (``nested`` describes the object)."""

    def __init__(self, nested: type[ma.Schema], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.schema = nested()

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, dict):
            self.schema.load(value)
        elif not isinstance(value, str):
            raise ma.ValidationError("must be a label or an object")
        return value

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return value


def label_or_record_property(converter: Any, field: ma.fields.Field, **kwargs: Any) -> dict:
    """Document ``LabelOrRecord`` as ``oneOf: [string, <the object's schema>]``."""
    if not isinstance(field, LabelOrRecord):
        return {}
    return {"oneOf": [{"type": "string"}, converter.resolve_nested_schema(type(field.schema))]}


def known_at_property(converter: Any, field: ma.fields.Field, **kwargs: Any) -> dict:
    if not isinstance(field, KnownAt):
        return {}
    return {"type": "string", "example": "2023-11-01T12:00:00Z"}


def field_spec_property(converter: Any, field: ma.fields.Field, **kwargs: Any) -> dict:
    """Document a field derived from the catalogue in the catalogue's words.

    It runs after apispec's own attribute functions: a description seen before them would turn
    a nullable nested field's reference into another form of the same schema.
    """
    spec = field.metadata.get(FIELD_SPEC)
    if not isinstance(spec, FieldSpec):
        return {}
    return {"description": spec.description} | ({"example": spec.example} if spec.example else {})


FIELD_TYPES = (
    (DateText, "string", "date"),
    (InstantText, "string", "date-time"),
    (EntryId, "string", "uuid"),
)
ATTRIBUTE_FUNCTIONS = (label_or_record_property, known_at_property, field_spec_property)
