"""/api/v1/integrity: recompute the hash chains over the history and the token log, and on
request compare the read model with the events."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from api.extensions import Blueprint
from api.extensions.register_app import current_service
from api.resources.integrity.schemas import Integrity, IntegrityQuery
from register.domain.chain import Held, Verdict

blp = Blueprint.v1("integrity", "Proof that nothing in the history was altered afterwards.")


@blp.route("")
@blp.query(IntegrityQuery)
@blp.response(200, Integrity)
def get_integrity(query: dict[str, Any]) -> dict[str, Any]:
    """The head digest and event count, or the first event that was altered, removed or moved,
    or whose ledger row no longer says what the event says; and the same of the token log.

    With ``position`` and ``digest`` from an earlier answer, also whether the chain still
    passes through that digest: a history rewritten whole, chain and all, does not. With
    ``read_model=true`` (or a ``sample``), also the first entry whose rows in the read model
    disagree with its events.
    """
    held = Held(query["position"], query["digest"]) if "position" in query else None
    sample = query.get("sample")
    audit = current_service().reader.audit(held, query["read_model"] or sample is not None, sample)
    checked = audit.read_model
    return {
        **_chain(audit.history),
        "intact": audit.intact,
        "tokens": _chain(audit.tokens),
        "read_model": None
        if checked is None
        else {
            "intact": checked.intact,
            "checked": checked.checked,
            "finding": {"entry": checked.finding.entry_id, "problem": checked.finding.problem}
            if checked.finding
            else None,
        },
    }


def _chain(verdict: Verdict) -> dict[str, Any]:
    return {
        "intact": verdict.intact,
        "count": verdict.count,
        "head_digest": verdict.head_digest,
        "finding": asdict(verdict.finding) if verdict.finding else None,
    }
