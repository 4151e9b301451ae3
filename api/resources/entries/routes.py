"""The routes every collection of entries shares (activities, recipients, policies), built by
one factory: list, register, read, amend, retire, reinstate and history.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import marshmallow as ma
from flask.views import MethodView

from api.extensions import Blueprint
from api.extensions.auth import current_actor
from api.extensions.register_app import current_service
from api.resources.entries.reading import Answer, answer, read_entry
from api.resources.entries.schemas import (
    EntrySchemas,
    HistoryItem,
    Lifecycle,
    Review,
    list_query,
)
from api.resources.moments import MomentQuery, moment_of
from register.domain.commands import (
    AmendEntry,
    RegisterEntry,
    ReinstateEntry,
    RetireEntry,
    ReviewEntry,
    Transition,
)
from register.domain.kinds import EntryKind

ETAG_HEADER = {"ETag": "ETAG"}
CREATED_HEADERS = {
    **ETAG_HEADER,
    "Location": {"description": "the new entry's URL", "schema": {"type": "string"}},
}
PAGINATION_HEADER = {"X-Pagination": "PAGINATION"}
LIFECYCLE = (
    ("retire", RetireEntry, Lifecycle, "Retire the entry from effective_from on."),
    ("reinstate", ReinstateEntry, Lifecycle, "Bring a retired entry back from effective_from on."),
    (
        "review",
        ReviewEntry,
        Review,
        "Record that the entry was reviewed on effective_from and still holds as it stands; "
        "next_review_on, where the kind has it, sets when it is next due.",
    ),
)


@dataclass(frozen=True)
class Collection:
    """A kind of entry as the web sees it."""

    kind: EntryKind
    plural: str
    schemas: EntrySchemas
    facet: tuple[str, tuple[str, ...] | None]  # the one filter of its lists, and its choices
    description: str


def event_arguments(body: dict[str, Any]) -> dict[str, Any]:
    """Split the event's own fields off a write body; what is left is the entry's content."""
    return {
        "actor": current_actor(),
        "effective_from": body.pop("effective_from", None),
        "reason": body.pop("reason", None),
    }


def entry_blueprint(collection: Collection) -> Blueprint:
    kind, plural = collection.kind, collection.plural
    entry_schema = collection.schemas.entry
    blp = Blueprint.v1(plural, collection.description)

    @blp.route("")
    class Entries(MethodView):
        @blp.query(list_query(entry_schema.__name__, *collection.facet))
        @blp.response(200, entry_schema(many=True), headers=PAGINATION_HEADER)
        def get(self, query: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, str]]:
            """List the entries in the register at a moment, by name, a page at a time."""
            reader = current_service().reader
            status = query["status"]
            page, size = query["page"], query["page_size"]
            found = reader.entries(
                kind,
                moment_of(reader, query),
                status=None if status == "all" else status,
                facet=query.get(collection.facet[0]),
                offset=(page - 1) * size,
                limit=size,
            )
            items = [entry.as_json() for entry in found.entries]
            return items, blp.pagination_headers(page, size, found.total)

        @blp.query()
        @blp.arguments(collection.schemas.registration)
        @blp.response(201, entry_schema, headers=CREATED_HEADERS)
        def post(self, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
            """Register a new entry; effective_from says from when it holds."""
            written = current_service().commands.execute(
                RegisterEntry(kind=kind, content=body, **event_arguments(body))
            )
            item, headers = answer(written)
            return item, 201, {**headers, "Location": f"{blp.url_prefix}/{written.id}"}

    @blp.route("/<uuid:entry_id>")
    class Entry(MethodView):
        @blp.query(MomentQuery)
        @blp.response(200, entry_schema, headers=ETAG_HEADER)
        def get(self, query: dict[str, Any], entry_id: uuid.UUID) -> Answer:
            """Read an entry as it was in the register at a moment (404 if it was not)."""
            reader = current_service().reader
            return read_entry(reader, kind, plural, entry_id, moment_of(reader, query))

        @blp.query()
        @blp.if_match()
        @blp.arguments(collection.schemas.amendment)
        @blp.response(200, entry_schema, headers=ETAG_HEADER)
        def patch(
            self, body: dict[str, Any], entry_id: uuid.UUID, expected_version: int | None
        ) -> Answer:
            """Amend the fields the body names, from effective_from on; the others stay."""
            command = AmendEntry(
                kind=kind,
                entry_id=entry_id,
                content=body,
                expected_version=expected_version,
                **event_arguments(body),
            )
            return answer(current_service().commands.execute(command))

    for name, command, body_schema, summary in LIFECYCLE:
        blp.route(f"/<uuid:entry_id>/{name}", methods=["POST"], endpoint=name)(
            _lifecycle_view(blp, kind, entry_schema, command, body_schema, summary)
        )

    @blp.route("/<uuid:entry_id>/history")
    @blp.query()
    @blp.response(200, HistoryItem(many=True))
    def entry_history(entry_id: uuid.UUID) -> list[dict[str, Any]]:
        """Every event of the entry: who, when, why, and each field before → after."""
        return [item.as_json() for item in current_service().reader.history(kind, entry_id)]

    return blp


def _lifecycle_view(
    blp: Blueprint,
    kind: EntryKind,
    entry_schema: type[ma.Schema],
    command: type[Transition],
    body_schema: type[ma.Schema],
    summary: str,
) -> Callable[..., Answer]:
    @blp.query()
    @blp.if_match()
    @blp.arguments(body_schema, required=False)
    @blp.response(200, entry_schema, headers=ETAG_HEADER)
    def view(body: dict[str, Any], entry_id: uuid.UUID, expected_version: int | None) -> Answer:
        provenance = event_arguments(body)
        transition = command(
            kind=kind, entry_id=entry_id, expected_version=expected_version, **provenance, **body
        )
        return answer(current_service().commands.execute(transition))

    view.__doc__ = summary
    return view
