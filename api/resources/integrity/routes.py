"""/api/v1/integrity: recompute the hash chain over the whole stored history."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from api.extensions import Blueprint
from api.extensions.register_app import current_service
from api.resources.integrity.schemas import Integrity, IntegrityQuery
from register.domain.chain import Held

blp = Blueprint.v1("integrity", "Proof that nothing in the history was altered afterwards.")


@blp.route("")
@blp.query(IntegrityQuery)
@blp.response(200, Integrity)
def get_integrity(query: dict[str, Any]) -> dict[str, Any]:
    """The head digest and event count, or the first event that was altered, removed or moved.

    With ``position`` and ``digest`` from an earlier answer, also whether the chain still
    passes through that digest: a history rewritten whole, chain and all, does not.
    """
    held = Held(query["position"], query["digest"]) if "position" in query else None
    verdict = current_service().reader.integrity(held)
    return {
        "intact": verdict.intact,
        "count": verdict.count,
        "head_digest": verdict.head_digest,
        "finding": asdict(verdict.finding) if verdict.finding else None,
    }
