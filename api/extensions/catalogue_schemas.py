"""Marshmallow fields and schemas derived from the register's catalogue.

The API checks only the shape of a body; the register's checks judge its content and say what
is wrong in their own words. So each check is mapped to the JSON shape it takes: a country is
a string here (the register refuses an unknown code), an id a string in uuid format, a vocabulary
term an enum. Each field keeps its declaration in its metadata, which the OpenAPI document
reads its description from.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import marshmallow as ma
from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions.fields import FIELD_SPEC, DateText, EntryId, LabelOrRecord
from api.extensions.smorest import Schema
from register.domain import checks
from register.domain.catalogue import FieldSpec


def fields_of(specs: Iterable[FieldSpec], *, amending: bool = False) -> dict[str, fields.Field]:
    """The fields of a body or representation; an amendment names only what it changes."""
    return {
        spec.name: _shape(
            spec.check, required=spec.required and not amending, metadata={FIELD_SPEC: spec}
        )
        for spec in specs
    }


@cache
def schema_of(record: checks.Record) -> type[ma.Schema]:
    """One schema per nested object, however many fields hold it, so it is documented once."""
    return Schema.from_dict(fields_of(record.fields), name=record.name)


def _shape(check: checks.Check, **kwargs: Any) -> fields.Field:
    match check:
        case checks.Optional(inner=inner):
            return _shape(inner, allow_none=True, **kwargs)
        case (
            checks.Text()
            | checks.Country()
            | checks.Duration()
            | checks.Language()
            | checks.Sha256()
        ):
            return fields.String(**kwargs)
        case checks.OneOf(choices=choices):
            return fields.String(validate=OneOf(choices), **kwargs)
        case checks.Boolean():
            return fields.Boolean(**kwargs)
        case checks.IsoDate():
            return DateText(**kwargs)
        case checks.EntryRef():
            return EntryId(**kwargs)
        case checks.ListOf(inner=inner):
            return fields.List(_shape(inner), **kwargs)
        case checks.Record():
            return fields.Nested(schema_of(check), **kwargs)
        case checks.LabelOrRecord(record=record):
            return LabelOrRecord(schema_of(record), **kwargs)
    raise TypeError(f"the API has no shape for {check!r}")
