"""A processing activity (SPEC §2, §7): Article 30(1), or 30(2) for the processor role.

These schemas describe the shape; the register's own rules (``register.fields``) judge the
content, so the vocabularies come from ``register.vocabulary`` and are not restated here.
"""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.fields import EntryId, LabelOrRecord, optional
from api.resources.entries.schemas import entry_schemas
from register.domain.vocabulary import ACTIVITY_ROLES, LEGAL_BASES, TRANSFER_SAFEGUARDS

Text = fields.String


def _labels(description: str | None = None) -> fields.Field:
    return fields.List(
        fields.String(), metadata={"description": description} if description else {}
    )


class Purpose(Schema):
    description = Text(required=True)
    legal_basis = optional(
        validate=OneOf(LEGAL_BASES),
        metadata={"description": "a DPV legal basis, or null when not yet recorded"},
    )
    special_category_condition = optional(
        metadata={"description": "the Art. 9(2) condition where special categories are involved"}
    )


class DataCategory(Schema):
    name = Text(required=True)
    special_category = fields.Boolean()
    criminal = fields.Boolean()


class Transfer(Schema):
    country = Text(required=True, metadata={"description": "ISO 3166-1 alpha-2, such as US"})
    safeguard = optional(validate=OneOf(TRANSFER_SAFEGUARDS))
    recipient = optional(EntryId, metadata={"description": "the recipient entry it goes to"})
    note = optional()


class Retention(Schema):
    period = optional(metadata={"description": "an ISO 8601 duration, such as P3M"})
    trigger = optional(metadata={"description": "the event the period starts from"})
    note = optional(metadata={"description": "what a duration cannot say"})


class Dpia(Schema):
    required = optional(fields.Boolean)
    reference = optional()


class AutomatedDecisions(Schema):
    applies = fields.Boolean(required=True)
    description = optional()


class ActivityFields(Schema):
    name = Text(required=True)
    role = Text(required=True, validate=OneOf(ACTIVITY_ROLES))
    description = optional()
    purposes = fields.List(fields.Nested(Purpose))
    data_subjects = _labels()
    data_categories = fields.List(
        LabelOrRecord(DataCategory),
        metadata={"description": "a category name, or an object flagging special or criminal data"},
    )
    sources = _labels()
    recipients = fields.List(EntryId(), metadata={"description": "ids of recipient entries"})
    transfers = fields.List(fields.Nested(Transfer))
    retention = optional(fields.Nested, nested=Retention)
    security_measures = _labels()
    dpia = optional(fields.Nested, nested=Dpia)
    automated_decision_making = optional(fields.Nested, nested=AutomatedDecisions)
    systems = _labels()
    owner = optional()
    controllers = _labels("for a processor: on whose behalf, 30(2)(a)")
    processing_categories = _labels("for a processor: the categories of processing, 30(2)(b)")


ACTIVITY = entry_schemas("Activity", ActivityFields)
