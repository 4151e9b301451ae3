"""Marshmallow fields the API's schemas share.

Write bodies keep the client's JSON values as they were sent: the register validates and
normalises them (``register.domain.catalogue``), so these fields check shape and document it,
and never turn a value into a Python object the register would not expect.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import marshmallow as ma
from marshmallow import fields

from api.extensions.constraints import constraints, merged
from register.domain.catalogue import FieldSpec
from register.domain.instants import DAY_SCHEMA_PATTERN, INSTANT_SCHEMA_PATTERN, day_of, instant_of

# The metadata key under which a field derived from the catalogue keeps its declaration.
FIELD_SPEC = "field_spec"
KNOWN_AT_EXAMPLE = "2023-11-01T12:00:00Z"
# How apispec writes the null branch of a nullable nested object, and how it is closed.
OPEN_NULL = {"type": "object", "nullable": True}
CLOSED_NULL = {**OPEN_NULL, "enum": [None]}


class DateText(fields.String):
    """A calendar date kept as its ISO text (``YYYY-MM-DD``)."""


class ReadByTheRegister(fields.Field):
    """A value the register reads from the client's text, by its own rules and in its own
    words: the API takes what the register would take, and refuses it saying the same."""

    read: Callable[[Any], Any]

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        try:
            return type(self).read(value)
        except ValueError as error:
            raise ma.ValidationError(str(error)) from None


class Day(ReadByTheRegister):
    """A day the client names (``as_of``, ``effective_from``), YYYY-MM-DD within the years the
    register holds."""

    read = staticmethod(day_of)

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value


class InstantText(fields.String):
    """An RFC 3339 timestamp kept as its text."""


class EntryId(fields.String):
    """The id (a UUID) of an entry, kept as its text."""


class KnownAt(ReadByTheRegister):
    """``known_at`` (SPEC §3): an RFC 3339 timestamp, or a date meaning the end of that day UTC."""

    read = staticmethod(instant_of)


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


def instant_property(converter: Any, field: ma.fields.Field, **kwargs: Any) -> dict:
    """Document the days and instants a client sends with the register's own patterns."""
    if isinstance(field, KnownAt):
        return {
            "anyOf": [
                {"type": "string", "format": "date-time", "pattern": INSTANT_SCHEMA_PATTERN},
                {"type": "string", "format": "date", "pattern": DAY_SCHEMA_PATTERN},
            ],
            "example": KNOWN_AT_EXAMPLE,
        }
    if isinstance(field, Day | DateText):
        return {"pattern": DAY_SCHEMA_PATTERN}
    return {}


def closed_null_property(converter: Any, field: ma.fields.Field, ret: dict, **kwargs: Any) -> dict:
    """A nullable nested object is null or that object, not null or any object at all.

    OpenAPI 3.0 has no null type: apispec writes the null branch as an open, nullable object,
    which a client may fill with anything. An ``enum`` of null alone closes it.
    """
    branches = ret.get("anyOf")
    if not branches or OPEN_NULL not in branches:
        return {}
    return {"anyOf": [CLOSED_NULL if branch == OPEN_NULL else branch for branch in branches]}


def field_spec_property(converter: Any, field: ma.fields.Field, ret: dict, **kwargs: Any) -> dict:
    """Document a field derived from the catalogue in the catalogue's words, and with what its
    check accepts.

    It runs after apispec's own attribute functions: a description seen before them would turn
    a nullable nested field's reference into another form of the same schema.
    """
    spec = field.metadata.get(FIELD_SPEC)
    if not isinstance(spec, FieldSpec):
        return {}
    return merged(ret, constraints(spec.check)) | (
        {"description": spec.description} | ({"example": spec.example} if spec.example else {})
    )


FIELD_TYPES = (
    (DateText, "string", "date"),
    (Day, "string", "date"),
    (InstantText, "string", "date-time"),
    (EntryId, "string", "uuid"),
)
ATTRIBUTE_FUNCTIONS = (
    label_or_record_property,
    instant_property,
    closed_null_property,
    field_spec_property,
)
