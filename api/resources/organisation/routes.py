"""/api/v1/organisation: the controller's own details, one entry per register."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.extensions import Blueprint
from api.extensions.problems import VERSION_MISMATCH, Problem
from api.extensions.register_app import current_service
from api.extensions.versions import if_match_required
from api.resources.entries.reading import Answer, answer, read_entry
from api.resources.entries.routes import ETAG_HEADER, event_arguments
from api.resources.entries.schemas import HistoryItem
from api.resources.moments import MomentQuery, moment_of
from api.resources.organisation.schemas import ORGANISATION
from register.domain.commands import SetOrganisation
from register.domain.entries import Organisation
from register.domain.kinds import EntryKind

KIND = EntryKind.ORGANISATION
NOT_YET = 0

blp = Blueprint.v1("organisation", "The controller's own details, Article 30(1)(a).")


@blp.route("")
class OrganisationView(MethodView):
    @blp.query(MomentQuery)
    @blp.response(200, ORGANISATION.entry, headers=ETAG_HEADER)
    def get(self, query: dict[str, Any]) -> Answer:
        """Read the organisation's details as they were at a moment."""
        reader = current_service().reader
        return read_entry(reader, KIND, KIND, Organisation.ID, moment_of(reader, query))

    @blp.query()
    @blp.if_match(required=False)
    @blp.arguments(ORGANISATION.registration)
    @blp.response(200, ORGANISATION.entry, headers=ETAG_HEADER)
    @blp.alt_response(201, schema=ORGANISATION.entry, headers=ETAG_HEADER, success=True)
    def put(self, body: dict[str, Any], expected_version: int | None) -> tuple[Any, ...]:
        """Register the organisation's details (201), or replace them as a whole (200).

        The first time needs no If-Match; after that, send the ETag you read.
        """
        service = current_service()
        exists = service.reader.has_entry(Organisation.ID)
        if not exists and expected_version is not None:
            raise Problem(
                VERSION_MISMATCH,
                "No organisation is registered yet: register it with a PUT without If-Match.",
            )
        if exists and expected_version is None:
            raise if_match_required()
        written = service.commands.execute(
            SetOrganisation(
                content=body,
                # A first registration that races another one finds version 1, not 0, and loses.
                expected_version=NOT_YET if expected_version is None else expected_version,
                **event_arguments(body),
            )
        )
        item, headers = answer(written)
        return item, 200 if exists else 201, headers


@blp.route("/history")
@blp.query()
@blp.response(200, HistoryItem(many=True))
def organisation_history() -> list[dict[str, Any]]:
    """Every event of the organisation's details: who, when, why, before → after."""
    return [item.as_json() for item in current_service().reader.history(KIND, Organisation.ID)]
