"""A recipient (SPEC §2, §7): a party that receives personal data."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.fields import DateText, optional
from api.resources.entries.schemas import entry_schemas
from register.domain.vocabulary import (
    RECIPIENT_CATEGORIES,
    RECIPIENT_LEGAL_ROLES,
    TRANSFER_SAFEGUARDS,
)


class DataProcessingAgreement(Schema):
    reference = optional()
    signed_on = optional(DateText)


class RecipientFields(Schema):
    name = fields.String(required=True)
    category = optional(validate=OneOf(RECIPIENT_CATEGORIES))
    legal_role = optional(validate=OneOf(RECIPIENT_LEGAL_ROLES))
    country = optional(metadata={"description": "ISO 3166-1 alpha-2, such as NL"})
    transfer_safeguard = optional(validate=OneOf(TRANSFER_SAFEGUARDS))
    data_processing_agreement = optional(fields.Nested, nested=DataProcessingAgreement)
    contact = optional()
    description = optional()


RECIPIENT = entry_schemas("Recipient", RecipientFields)
