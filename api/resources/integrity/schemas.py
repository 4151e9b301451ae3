"""The verdict of the hash-chain check (SPEC §4)."""

from __future__ import annotations

from marshmallow import fields

from api.extensions import Schema


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
