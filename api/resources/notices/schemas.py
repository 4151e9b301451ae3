"""Sub-processor notices between two points of the register (SPEC §5, §6), and their query."""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.fields import DateText, Day, EntryId, InstantText
from api.resources.register_at.schemas import HistoryPosition
from api.resources.register_diff.schemas import RegisterDiffQuery
from register.domain.notices.changes import ADDED, REMOVED, REPLACED

FORMATS = ("json", "md")


class NoticesQuery(RegisterDiffQuery):
    format = fields.String(
        load_default="json",
        validate=OneOf(FORMATS),
        metadata={"description": "json, or md: one ready-to-send letter per client"},
    )
    lang = fields.String(
        load_default="en", validate=OneOf(("nl", "en")), metadata={"description": "of md"}
    )
    sent_on = Day(
        metadata={
            "description": "the day the notices are sent, from which the objection period "
            "runs (default today)"
        }
    )


class NoticeMoment(Schema):
    as_of = DateText(required=True)
    known_at = InstantText(required=True)
    history = fields.Nested(HistoryPosition, required=True)


class SubProcessor(Schema):
    id = EntryId(required=True)
    name = fields.String(required=True)
    country = fields.String(required=True, allow_none=True)


class SubprocessorChange(Schema):
    activity_id = EntryId(required=True)
    activity = fields.String(required=True)
    change = fields.String(required=True, validate=OneOf((ADDED, REPLACED, REMOVED)))
    subprocessor = fields.Nested(
        SubProcessor, required=True, allow_none=True, metadata={"description": "who comes"}
    )
    replaces = fields.Nested(
        SubProcessor, required=True, allow_none=True, metadata={"description": "who goes"}
    )
    effective_from = DateText(required=True)
    objection_deadline = DateText(
        required=True,
        allow_none=True,
        metadata={"description": "the last day to object; none for a removal"},
    )


class Client(Schema):
    name = fields.String(required=True)
    contact_name = fields.String(required=True, allow_none=True)
    email = fields.String(required=True, allow_none=True)
    address = fields.String(required=True, allow_none=True)


class ClientNotice(Schema):
    client = fields.Nested(Client, required=True)
    activities = fields.List(fields.String(), required=True)
    changes = fields.List(fields.Nested(SubprocessorChange), required=True)


class Sender(Schema):
    name = fields.String(required=True, allow_none=True)
    legal_name = fields.String(required=True, allow_none=True)
    email = fields.String(required=True, allow_none=True)
    phone = fields.String(required=True, allow_none=True)


class SubprocessorNotices(Schema):
    from_ = fields.Nested(NoticeMoment, data_key="from", required=True)
    to = fields.Nested(NoticeMoment, required=True)
    sent_on = DateText(required=True)
    objection_period_days = fields.Integer(required=True)
    organisation = fields.Nested(Sender, required=True)
    notices = fields.List(
        fields.Nested(ClientNotice), required=True, metadata={"description": "one per client"}
    )
    digest = fields.String(required=True)
