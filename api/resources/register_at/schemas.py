"""The Article 30 register at a point in time (SPEC §7), and the query that asks for it."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.fields import DateText, InstantText
from api.resources.activities.schemas import ACTIVITY
from api.resources.moments import MomentQuery
from api.resources.organisation.schemas import ORGANISATION
from api.resources.policies.schemas import POLICY
from api.resources.recipients.schemas import RECIPIENT
from register.domain.vocabulary import ACTIVITY_ROLES
from register.presentation.markdown import LABELS

FORMATS = ("json", "md")
LANGUAGES = tuple(sorted(LABELS))


class RegisterQuery(MomentQuery):
    role = fields.String(
        validate=OneOf(ACTIVITY_ROLES), metadata={"description": "only activities in this role"}
    )
    format = fields.String(load_default="json", validate=OneOf(FORMATS))
    lang = fields.String(
        load_default="en", validate=OneOf(LANGUAGES), metadata={"description": "labels of md"}
    )


class HistoryPosition(Schema):
    """The history the register was computed from: cite it to have the register reproduced."""

    position = fields.Integer(required=True)
    head_digest = fields.String(required=True, allow_none=True)


class Register(Schema):
    as_of = DateText(required=True)
    known_at = InstantText(required=True)
    organisation = fields.Nested(ORGANISATION.entry, required=True, allow_none=True)
    activities = fields.List(fields.Nested(ACTIVITY.entry), required=True)
    recipients = fields.List(fields.Nested(RECIPIENT.entry), required=True)
    policy = fields.Nested(
        POLICY.entry,
        required=True,
        allow_none=True,
        metadata={"description": "the revision in effect at as_of"},
    )
    history = fields.Nested(HistoryPosition, required=True)
    digest = fields.String(
        required=True, metadata={"description": "sha256 of the register's canonical content"}
    )
