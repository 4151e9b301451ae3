"""The global event feed (SPEC §5): every event in the order it was recorded."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import Range

from api.extensions import Schema
from api.extensions.fields import DateText, EntryId, InstantText

MAX_LIMIT = 1000
LAST_POSITION = 2**62


class EventsQuery(Schema):
    after = fields.Integer(
        load_default=0,
        validate=Range(min=0, max=LAST_POSITION),
        metadata={"description": "the position of the last event you have; 0 for the start"},
    )
    limit = fields.Integer(load_default=100, validate=Range(min=1, max=MAX_LIMIT))


class Event(Schema):
    position = fields.Integer(required=True, metadata={"description": "place in the global order"})
    entry = EntryId(required=True, metadata={"description": "the id of the entry it concerns"})
    entry_kind = fields.String(required=True)
    type = fields.String(required=True, metadata={"description": "the stored event topic"})
    version = fields.Integer(required=True)
    recorded_at = InstantText(required=True)
    effective_from = DateText(required=True)
    actor = fields.String(required=True)
    reason = fields.String(required=True, allow_none=True)
    payload = fields.Dict(required=True, allow_none=True)
    chain_digest = fields.String(required=True)
