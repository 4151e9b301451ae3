"""/health and /ready: open to all, for load balancers and orchestrators."""

from __future__ import annotations

from flask import current_app

from api.extensions import Blueprint
from api.extensions.problems import NOT_READY, RETRY_AFTER, Problem
from api.extensions.register_app import current_service
from api.resources.health.schemas import Status
from register.store.database import unavailable

blp = Blueprint("health", __name__, description="Liveness and readiness.", readers=None)


@blp.route("/health")
@blp.query()
@blp.response(200, Status)
def health() -> dict[str, str]:
    """The process is up (it does not touch the database)."""
    return {"status": "ok"}


@blp.route("/ready")
@blp.query()
@blp.response(200, Status)
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def ready() -> dict[str, str]:
    """The database answers a query: the process can serve requests."""
    try:
        current_service().reader.ping()
    except Exception as error:  # whatever stops the ping, the process cannot serve
        reason = unavailable(error) or type(error).__name__
        current_app.logger.warning("Not ready: %s", reason)
        raise Problem(
            NOT_READY, "The database is unavailable right now.", headers=RETRY_AFTER
        ) from None
    return {"status": "ready"}
