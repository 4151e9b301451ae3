"""What the liveness and readiness checks answer."""

from marshmallow import fields

from api.extensions import Schema


class Status(Schema):
    status = fields.String(required=True)
