"""The verdict of the hash-chain check (SPEC §4)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields
from marshmallow.validate import Range, Regexp

from api.extensions import Schema

LAST_POSITION = 2**62


class IntegrityQuery(Schema):
    """A history position and head digest given out earlier, to check the chain still holds it."""

    position = fields.Integer(
        validate=Range(min=1, max=LAST_POSITION),
        metadata={"description": "with digest: the history.position of an earlier answer"},
    )
    digest = fields.String(
        validate=Regexp(r"^[0-9a-f]{64}$"),
        metadata={"description": "with position: the history.head_digest of that answer"},
    )

    @ma.validates_schema
    def both_or_neither(self, data: dict, **kwargs: object) -> None:
        if ("position" in data) != ("digest" in data):
            missing = "digest" if "position" in data else "position"
            raise ma.ValidationError("position and digest go together", missing)


class Finding(Schema):
    position = fields.Integer(required=True)
    problem = fields.String(required=True, metadata={"description": "altered, removed, moved…"})


class Integrity(Schema):
    intact = fields.Boolean(required=True)
    count = fields.Integer(required=True, metadata={"description": "events verified"})
    head_digest = fields.String(required=True, metadata={"description": "the chain's last digest"})
    finding = fields.Nested(
        Finding,
        required=True,
        allow_none=True,
        metadata={"description": "the first event that does not match the chain, if any"},
    )
