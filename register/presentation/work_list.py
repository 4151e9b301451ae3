"""The work list as plain text for the terminal: one follow-up a line, open ones first to act
on, and for closed ones who closed it, when and why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from register.presentation.diff_changelog import plain


def render_work_list(document: Mapping[str, Any]) -> str:
    lines = []
    for item in document["followups"]:
        lines.append(
            f"{item['id']}  {item['status']:<9} {item['severity']:<5}  {item['code']}  "
            f"{plain(item['text'])}"
        )
        raised = f"raised {item['raised_at']} (effective {item['raised_effective_from']})"
        if item["closed_by"]:
            why = f": {plain(item['reason'])}" if item["reason"] else ""
            evidence = f" [{plain(item['evidence_ref'])}]" if item["evidence_ref"] else ""
            raised += f"; {item['status']} by {plain(item['closed_by'])} {item['closed_at']}{why}"
            raised += evidence
        lines.append(f"{'':18}{raised}")
    counts = document["counts"]
    history = document["history"]
    lines.append(", ".join(f"{n} {status}" for status, n in counts.items()))
    lines.append(
        f"as of {document['as_of']}, known at {document['known_at']}: position "
        f"{history['position']}, head {history['head_digest']}, digest {document['digest']}"
    )
    return "\n".join(lines) + "\n"
