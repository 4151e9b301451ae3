"""What changed between two points of the register (SPEC §5, §6), and the query that asks.

A field's or an item's ``before`` and ``after`` are the values as the register's entries hold
them (documented with each entry kind), so they are left open here.
"""

from __future__ import annotations

from marshmallow import fields
from marshmallow.validate import OneOf

from api.extensions import Schema
from api.extensions.fields import DateText, Day, EntryId, InstantText, KnownAt
from api.resources.register_at.schemas import LANGUAGES, HistoryPosition
from register.domain.diff.model import ADDED, CHANGED, REMOVED
from register.domain.followups.model import SEVERITIES
from register.domain.kinds import EntryKind

FORMATS = ("json", "md", "html")
INCLUDES = ("statement",)
HOWS = (ADDED, REMOVED, CHANGED)
VALUE = {"description": "the value as the entry holds it; null when not recorded"}


class RegisterDiffQuery(Schema):
    from_ = Day(
        data_key="from",
        required=True,
        metadata={"description": "valid time of the earlier register"},
    )
    to = Day(required=True, metadata={"description": "valid time of the later register"})
    from_known_at = KnownAt(
        metadata={"description": "transaction time of the earlier register (default now)"}
    )
    to_known_at = KnownAt(
        metadata={"description": "transaction time of the later register (default now)"}
    )
    format = fields.String(load_default="json", validate=OneOf(FORMATS))
    lang = fields.String(
        load_default="en",
        validate=OneOf(LANGUAGES),
        metadata={"description": "the follow-ups' sentences, and the labels of md and html"},
    )
    include = fields.String(
        validate=OneOf(INCLUDES),
        metadata={"description": "statement: add the diff of the generated privacy statements"},
    )


class DiffMoment(Schema):
    """One side: its moment, the history it was read from, and the register's own digest."""

    as_of = DateText(required=True)
    known_at = InstantText(required=True)
    history = fields.Nested(HistoryPosition, required=True)
    register_digest = fields.String(
        required=True,
        metadata={"description": "the digest GET /api/v1/register answers with at this moment"},
    )


class DiffFollowup(Schema):
    """What a change requires (followups-and-checks §4.3): ``baseline`` when the earlier register
    was empty, so that the finding describes the register as it stands, not a change."""

    id = fields.String(
        required=True, metadata={"description": "stable: the same work, the same id"}
    )
    code = fields.String(required=True)
    severity = fields.String(required=True, validate=OneOf(SEVERITIES))
    articles = fields.String(required=True)
    entry_id = EntryId(required=True, allow_none=True)
    kind = fields.String(required=True, allow_none=True, validate=OneOf(tuple(EntryKind)))
    name = fields.String(required=True, allow_none=True)
    field_path = fields.String(required=True)
    before = fields.Raw(required=True, allow_none=True)
    after = fields.Raw(required=True, allow_none=True)
    baseline = fields.Boolean(required=True)
    text = fields.String(required=True, metadata={"description": "the sentence, in lang"})


class DiffFieldChange(Schema):
    """A field whose value differs; a list on both sides item by item, an object field by field."""

    field = fields.String(required=True)
    before = fields.Raw(required=True, allow_none=True, metadata=VALUE)
    after = fields.Raw(required=True, allow_none=True, metadata=VALUE)
    items = fields.List(fields.Nested(lambda: DiffItemChange()), required=True)
    fields_ = fields.List(
        fields.Nested(lambda: DiffFieldChange()),
        data_key="fields",
        attribute="fields",
        required=True,
        metadata={"description": "for an object on both sides: what changed inside it"},
    )
    reordered = fields.Boolean(
        required=True, metadata={"description": "the items on both sides stand in another order"}
    )
    followups = fields.List(fields.Nested(DiffFollowup), required=True)


class DiffItemChange(Schema):
    """An item of a list that came, went or changed, matched by ``key`` (a purpose by its
    description, a recipient link by the recipient's id…)."""

    key = fields.String(required=True)
    how = fields.String(required=True, validate=OneOf(HOWS))
    position = fields.Integer(
        required=True,
        metadata={
            "description": "an added item's place in the later list, another's in the earlier"
        },
    )
    before = fields.Raw(required=True, allow_none=True)
    after = fields.Raw(required=True, allow_none=True)
    fields_ = fields.List(
        fields.Nested(DiffFieldChange),
        data_key="fields",
        attribute="fields",
        required=True,
        metadata={"description": "for a changed object: what changed inside it"},
    )


class DiffEntryChange(Schema):
    """An entry in one register and not the other ("removed": retired, or not yet registered
    at the later moment), or in both and different."""

    kind = fields.String(required=True, validate=OneOf(tuple(EntryKind)))
    id = EntryId(required=True)
    name = fields.String(required=True)
    how = fields.String(required=True, validate=OneOf(HOWS))
    before_version = fields.Integer(required=True, allow_none=True)
    after_version = fields.Integer(required=True, allow_none=True)
    fields_ = fields.List(
        fields.Nested(DiffFieldChange), data_key="fields", attribute="fields", required=True
    )
    followups = fields.List(
        fields.Nested(DiffFollowup),
        required=True,
        metadata={"description": "follow-ups about the entry rather than one of its fields"},
    )


class RegisterDiff(Schema):
    from_ = fields.Nested(DiffMoment, data_key="from", attribute="from", required=True)
    to = fields.Nested(DiffMoment, required=True)
    baseline = fields.Boolean(
        required=True,
        metadata={"description": "the earlier register was empty: its follow-ups are a baseline"},
    )
    lang = fields.String(required=True, validate=OneOf(LANGUAGES))
    entries = fields.List(fields.Nested(DiffEntryChange), required=True)
    followups = fields.List(
        fields.Nested(DiffFollowup),
        required=True,
        metadata={"description": "follow-ups about the register as a whole"},
    )
    statement = fields.Dict(
        metadata={
            "description": "with include=statement: the unified diff of the statements generated "
            "from the two registers, and each changed line's entry, field and rule"
        }
    )
    digest = fields.String(
        required=True, metadata={"description": "sha256 of the answer's canonical content"}
    )
