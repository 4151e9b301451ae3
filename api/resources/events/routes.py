"""/api/v1/events: the global event feed, for integrations and auditors."""

from __future__ import annotations

from typing import Any

from api.extensions import Blueprint
from api.extensions.register_app import current_service
from api.resources.events.schemas import Event, EventsQuery

blp = Blueprint.v1("events", "Every event of the register, in global order.")


@blp.route("")
@blp.query(EventsQuery)
@blp.response(200, Event(many=True))
def list_events(query: dict[str, Any]) -> list[dict[str, Any]]:
    """Up to ``limit`` events after position ``after``; ask again with the last position seen."""
    events = current_service().reader.feed(query["after"], query["limit"])
    return [{**event.as_json(), "entry": str(event.entry_id)} for event in events]
