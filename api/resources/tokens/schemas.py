"""API tokens (SPEC §5) as an admin manages them: the secret itself is shown once, at creation."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.constraints import constraints
from api.extensions.fields import DateText, Day, InstantText
from register.store.tokens import NAME, ROLES


class Token(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True, metadata={"description": "recorded as the actor"})
    role = fields.String(required=True, validate=OneOf(ROLES))
    created_at = InstantText(required=True)
    expires_on = DateText(required=True, allow_none=True)
    revoked = fields.Boolean(required=True)


class TokenRequest(Schema):
    name = fields.String(
        required=True,
        metadata={"description": "recorded as the actor", **constraints(NAME)},
    )
    role = fields.String(required=True, validate=OneOf(ROLES))
    expires_on = Day(
        allow_none=True,
        metadata={"description": "the last day the token works: today or later"},
    )


class CreatedToken(Token):
    token = fields.String(required=True, metadata={"description": "the secret, shown only once"})
