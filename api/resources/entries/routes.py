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
from api.extensions.register_app import current_register
from api.resources.entries.reading import Answer, read_entry, written_entry
from api.resources.entries.schemas import EntrySchemas, HistoryItem, Lifecycle, list_query
from api.resources.moments import MomentQuery, moment_of
from register.application.audit import history
from register.application.service import RegisterApplication
from register.domain.commands import AmendEntry, RegisterEntry, ReinstateEntry, RetireEntry
from register.store.queries import entries_at

ETAG_HEADER = {"ETag": "ETAG"}
CREATED_HEADERS = {
    **ETAG_HEADER,
    "Location": {"description": "the new entry's URL", "schema": {"type": "string"}},
}
PAGINATION_HEADER = {"X-Pagination": "PAGINATION"}
LIFECYCLE = (
    ("retire", RetireEntry, RegisterApplication.retire, "Retire the entry from effective_from on."),
    (
        "reinstate",
        ReinstateEntry,
        RegisterApplication.reinstate,
        "Bring a retired entry back from effective_from on.",
    ),
)


@dataclass(frozen=True)
class Collection:
    """A kind of entry as the web sees it."""

    kind: str
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
            register = current_register()
            status = query["status"]
            page, size = query["page"], query["page_size"]
            with register.connect() as connection:
                items, total = entries_at(
                    connection,
                    kind,
                    moment_of(register, query),
                    status=None if status == "all" else status,
                    facet=query.get(collection.facet[0]),
                    offset=(page - 1) * size,
                    limit=size,
                )
            return items, blp.pagination_headers(page, size, total)

        @blp.query()
        @blp.arguments(collection.schemas.registration)
        @blp.response(201, entry_schema, headers=CREATED_HEADERS)
        def post(self, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
            """Register a new entry; effective_from says from when it holds."""
            register = current_register()
            event = event_arguments(body)
            entry = register.register(RegisterEntry(kind=kind, content=body, **event))
            item, headers = written_entry(register, kind, entry.id, event["effective_from"])
            return item, 201, {**headers, "Location": f"{blp.url_prefix}/{entry.id}"}

    @blp.route("/<uuid:entry_id>")
    class Entry(MethodView):
        @blp.query(MomentQuery)
        @blp.response(200, entry_schema, headers=ETAG_HEADER)
        def get(self, query: dict[str, Any], entry_id: uuid.UUID) -> Answer:
            """Read an entry as it was in the register at a moment (404 if it was not)."""
            register = current_register()
            return read_entry(register, kind, plural, entry_id, moment_of(register, query))

        @blp.query()
        @blp.if_match()
        @blp.arguments(collection.schemas.amendment)
        @blp.response(200, entry_schema, headers=ETAG_HEADER)
        def patch(
            self, body: dict[str, Any], entry_id: uuid.UUID, expected_version: int | None
        ) -> Answer:
            """Amend the fields the body names, from effective_from on; the others stay."""
            register = current_register()
            event = event_arguments(body)
            register.amend(
                AmendEntry(
                    kind=kind,
                    entry_id=entry_id,
                    content=body,
                    expected_version=expected_version,
                    **event,
                )
            )
            return written_entry(register, kind, entry_id, event["effective_from"])

    for name, command, action, summary in LIFECYCLE:
        blp.route(f"/<uuid:entry_id>/{name}", methods=["POST"], endpoint=name)(
            _lifecycle_view(blp, kind, entry_schema, command, action, summary)
        )

    @blp.route("/<uuid:entry_id>/history")
    @blp.query()
    @blp.response(200, HistoryItem(many=True))
    def entry_history(entry_id: uuid.UUID) -> list[dict[str, Any]]:
        """Every event of the entry: who, when, why, and each field before → after."""
        return history(current_register(), kind, entry_id)

    return blp


def _lifecycle_view(
    blp: Blueprint,
    kind: str,
    entry_schema: type[ma.Schema],
    command: type[RetireEntry | ReinstateEntry],
    action: Callable[[RegisterApplication, Any], Any],
    summary: str,
) -> Callable[..., Answer]:
    @blp.query()
    @blp.if_match()
    @blp.arguments(Lifecycle, required=False)
    @blp.response(200, entry_schema, headers=ETAG_HEADER)
    def view(body: dict[str, Any], entry_id: uuid.UUID, expected_version: int | None) -> Answer:
        register = current_register()
        event = event_arguments(body)
        action(
            register,
            command(kind=kind, entry_id=entry_id, expected_version=expected_version, **event),
        )
        return written_entry(register, kind, entry_id, event["effective_from"])

    view.__doc__ = summary
    return view
