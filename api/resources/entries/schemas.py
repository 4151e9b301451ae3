"""Schemas every kind of entry derives from its fields: the representation (SPEC §7), the
registration body, the amendment body, lifecycle bodies, list queries and history items.

A kind's fields are declared once, in the register's catalogue (``register.domain.catalogue``);
the schemas are derived here, so the API and the register cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import marshmallow as ma
from marshmallow import fields
from marshmallow.validate import OneOf, Range

from api.extensions import Schema
from api.extensions.catalogue_schemas import fields_of
from api.extensions.constraints import STORABLE_PATTERN, constraints
from api.extensions.fields import DateText, Day, EntryId, InstantText
from api.resources.moments import MomentQuery
from register.domain.catalogue import KindSpec, spec
from register.domain.checks import REASON
from register.domain.kinds import EntryKind
from register.domain.timeline import (
    ACTIVE,
    AMENDED,
    REGISTERED,
    REINSTATED,
    RETIRED,
    RETIRED_STATUS,
    REVIEWED,
)

STATUSES = (ACTIVE, RETIRED_STATUS)
CHANGE_TYPES = (REGISTERED, AMENDED, RETIRED, REINSTATED, REVIEWED)
MAX_PAGE_SIZE = 500
MAX_PAGE = 1_000_000


def _event_fields() -> dict[str, fields.Field]:
    """What every write body may carry besides the entry's fields: stored on the event."""
    return {
        "effective_from": Day(
            allow_none=True,
            metadata={
                "description": "the day from which the change holds (default: today in the "
                "register's time zone)"
            },
        ),
        "reason": fields.String(
            allow_none=True,
            metadata={
                "description": "why; required when effective_from lies before today",
                **constraints(REASON),
            },
        ),
    }


# The body of retire and reinstate.
Lifecycle = Schema.from_dict(_event_fields(), name="Lifecycle")

# The body of a review.
Review = Schema.from_dict(
    {
        **_event_fields(),
        "next_review_on": Day(
            allow_none=True,
            metadata={"description": "the day the entry is next to be reviewed (activities)"},
        ),
    },
    name="Review",
)


@dataclass(frozen=True)
class EntrySchemas:
    spec: KindSpec
    entry: type[ma.Schema]
    registration: type[ma.Schema]
    amendment: type[ma.Schema]

    @property
    def facet(self) -> tuple[str, tuple[str, ...] | None]:
        """The one filter of the kind's lists, and its choices when they are closed."""
        if self.spec.facet is None:
            raise ValueError(f"{self.spec.plural} are not listed, so they have no facet")
        return self.spec.facet, self.spec.facet_choices


def entry_schemas(kind: EntryKind) -> EntrySchemas:
    """The three schemas of a kind, from its fields in the catalogue.

    The representation adds what the register keeps about the entry (id, version, status) and
    the read-only fields it derives (a policy's content hash).
    """
    kind_spec = spec(kind)
    name = kind_spec.kind.capitalize()
    entry = Schema.from_dict(
        {
            **fields_of(kind_spec.fields),
            "id": EntryId(required=True),
            "version": fields.Integer(
                required=True, metadata={"description": "also the ETag of the entry"}
            ),
            **fields_of(kind_spec.read_only),
            "status": fields.String(required=True, validate=OneOf(STATUSES)),
        },
        name=name,
    )
    registration = Schema.from_dict(
        {**fields_of(kind_spec.fields), **_event_fields()}, name=f"{name}Registration"
    )
    amendment = Schema.from_dict(
        {**fields_of(kind_spec.fields, amending=True), **_event_fields()}, name=f"{name}Amendment"
    )
    return EntrySchemas(kind_spec, entry, registration, amendment)


def list_query(name: str, facet: str, choices: tuple[str, ...] | None) -> type[ma.Schema]:
    """The query of a list: the moment, status, the kind's one filter, and the page."""
    return MomentQuery.from_dict(
        {
            "status": fields.String(
                load_default=ACTIVE,
                validate=OneOf((*STATUSES, "all")),
                metadata={"description": "active (default), retired, or all"},
            ),
            facet: fields.String(
                validate=OneOf(choices) if choices else None,
                metadata={} if choices else {"pattern": STORABLE_PATTERN},
            ),
            "page": fields.Integer(
                load_default=1,
                validate=Range(min=1, max=MAX_PAGE),
                metadata={"description": "which page (from 1); X-Pagination says how many"},
            ),
            "page_size": fields.Integer(
                load_default=50,
                validate=Range(min=1, max=MAX_PAGE_SIZE),
                metadata={"description": "entries per page, ordered by name"},
            ),
        },
        name=f"{name}ListQuery",
    )


class FieldChange(Schema):
    field = fields.String(required=True)
    before = fields.Raw(allow_none=True, required=True)
    after = fields.Raw(allow_none=True, required=True)


class HistoryItem(Schema):
    version = fields.Integer(required=True)
    recorded_at = InstantText(required=True)
    effective_from = DateText(required=True)
    actor = fields.String(required=True)
    reason = fields.String(required=True, allow_none=True)
    type = fields.String(required=True, validate=OneOf(CHANGE_TYPES))
    changes = fields.List(
        fields.Nested(FieldChange),
        required=True,
        metadata={"description": "what the event changed on its effective date, before → after"},
    )
