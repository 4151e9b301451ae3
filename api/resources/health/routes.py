"""/health and /ready: open to all, for load balancers and orchestrators."""

from __future__ import annotations

from api.extensions import Blueprint
from api.extensions.problems import NOT_READY, Problem
from api.extensions.register_app import current_service
from api.resources.health.schemas import Status

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
    except Exception as error:
        raise Problem(
            NOT_READY, f"The database does not answer ({type(error).__name__})."
        ) from None
    return {"status": "ready"}
