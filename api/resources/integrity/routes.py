"""/api/v1/integrity: recompute the hash chain over the whole stored history."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from api.extensions import Blueprint
from api.extensions.register_app import current_register
from api.resources.integrity.schemas import Integrity
from register.audit import check_integrity

blp = Blueprint.v1("integrity", "Proof that nothing in the history was altered afterwards.")


@blp.route("")
@blp.query()
@blp.response(200, Integrity)
def get_integrity() -> dict[str, Any]:
    """The head digest and event count, or the first event that was altered, removed or moved."""
    verdict = check_integrity(current_register())
    return {
        "intact": verdict.intact,
        "count": verdict.count,
        "head_digest": verdict.head_digest,
        "finding": asdict(verdict.finding) if verdict.finding else None,
    }
