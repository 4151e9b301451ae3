"""The verdicts of the integrity check (SPEC §4): the history's hash chain and ledger, the token
log's chain, and on request the read model against the events."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields
from marshmallow.validate import Length, Range, Regexp

from api.extensions import Schema

LAST_POSITION = 2**62
DIGEST_LENGTH = 64  # hexadecimal SHA-256


class IntegrityQuery(Schema):
    """A history position and head digest given out earlier, to check the chain still holds it."""

    position = fields.Integer(
        validate=Range(min=1, max=LAST_POSITION),
        metadata={"description": "with digest: the history.position of an earlier answer"},
    )
    digest = fields.String(
        validate=[Length(equal=DIGEST_LENGTH), Regexp(f"^[0-9a-f]{{{DIGEST_LENGTH}}}$")],
        metadata={"description": "with position: the history.head_digest of that answer"},
    )
    read_model = fields.Boolean(
        load_default=False,
        metadata={"description": "also compare the read model with the events, entry by entry"},
    )
    sample = fields.Integer(
        validate=Range(min=1, max=LAST_POSITION),
        metadata={
            "description": "compare only this many entries, drawn at random (implies read_model)"
        },
    )

    @ma.validates_schema
    def both_or_neither(self, data: dict, **kwargs: object) -> None:
        if ("position" in data) != ("digest" in data):
            missing = "digest" if "position" in data else "position"
            raise ma.ValidationError("position and digest go together", missing)


class Finding(Schema):
    position = fields.Integer(required=True)
    problem = fields.String(required=True, metadata={"description": "altered, removed, moved…"})


class EntryFinding(Schema):
    entry = fields.String(required=True, metadata={"description": "the entry's id"})
    problem = fields.String(required=True, metadata={"description": "where it disagrees"})


class ReadModel(Schema):
    intact = fields.Boolean(required=True)
    checked = fields.Integer(
        required=True, metadata={"description": "entries that agree with their events"}
    )
    finding = fields.Nested(
        EntryFinding,
        required=True,
        allow_none=True,
        metadata={"description": "the first entry whose rows disagree with its events, if any"},
    )


class Chain(Schema):
    """The verdict on one hash chain: the history's, or the token log's."""

    intact = fields.Boolean(required=True)
    count = fields.Integer(required=True, metadata={"description": "events or records verified"})
    head_digest = fields.String(required=True, metadata={"description": "the chain's last digest"})
    finding = fields.Nested(
        Finding,
        required=True,
        allow_none=True,
        metadata={"description": "the first event or record that does not match the chain"},
    )


class Integrity(Chain):
    """The history's chain and ledger at the top level, the token log's chain, and the read
    model when asked for."""

    intact = fields.Boolean(
        required=True,
        metadata={"description": "whether everything checked is intact, not the history alone"},
    )
    tokens = fields.Nested(Chain, required=True, metadata={"description": "the token log"})
    read_model = fields.Nested(
        ReadModel,
        required=True,
        allow_none=True,
        metadata={"description": "the read model against the events, when asked for"},
    )
