"""The organisation (SPEC §2): the controller's own details, Article 30(1)(a)."""

from __future__ import annotations

from marshmallow import fields

from api.extensions import Schema
from api.extensions.fields import optional
from api.resources.entries.schemas import entry_schemas


class Address(Schema):
    street = optional()
    postal_code = optional()
    city = optional()
    country = optional(metadata={"description": "ISO 3166-1 alpha-2"})


class Person(Schema):
    name = optional()
    email = optional()
    phone = optional()


class OrganisationFields(Schema):
    name = fields.String(required=True)
    trade_name = optional()
    address = optional(fields.Nested, nested=Address)
    registration_number = optional(metadata={"description": "such as the KvK number"})
    contact = optional(fields.Nested, nested=Person)
    website = optional()
    dpo = optional(fields.Nested, nested=Person)
    eu_representative = optional(fields.Nested, nested=Person)


ORGANISATION = entry_schemas("Organisation", OrganisationFields)
