"""The DPO's mark on a follow-up (SPEC §6): done, not applicable, or open again.

A follow-up itself is not stored: it is computed from the history (``register.domain.worklist``).
What the DPO decides about one is, as an entry of its own, so that the mark is an ordinary event:
chained, in the history and the feed, exported and imported like any other. Its entries are not
part of the Article 30 register; no register, list or document shows them.
"""

from __future__ import annotations

from register.domain.catalogue.fields import FieldSpec, KindSpec, Labels
from register.domain.checks import OneOf, Optional, Text
from register.domain.kinds import EntryKind

OPEN = "open"
DONE = "done"
DISMISSED = "dismissed"
MARK_STATUSES = (OPEN, DONE, DISMISSED)
CLOSED_STATUSES = (DONE, DISMISSED)

FOLLOWUP_ID_LENGTH = 64  # room beyond today's 16 hex digits, should the id ever grow
MAX_EVIDENCE = 2000

FOLLOWUP = KindSpec(
    kind=EntryKind.FOLLOWUP,
    topic="ropa:FollowUp",
    plural="followups",
    labels=Labels("Opvolgactie", "Follow-up"),
    description="The DPO's marks on the follow-ups that register changes raise.",
    name_field="followup",
    facet="status",
    fields=(
        FieldSpec(
            "followup",
            Text(FOLLOWUP_ID_LENGTH),
            Labels("Opvolgactie", "Follow-up"),
            "the stable id of the follow-up the mark is about",
            required=True,
        ),
        FieldSpec(
            "status",
            OneOf(MARK_STATUSES),
            Labels("Status", "Status"),
            "done, dismissed (not applicable) or open (reopened)",
            required=True,
        ),
        FieldSpec(
            "evidence_ref",
            Optional(Text(MAX_EVIDENCE)),
            Labels("Bewijs", "Evidence"),
            "where the proof is kept: a link to the DPIA, the notice sent, the signed agreement",
        ),
        FieldSpec(
            "code",
            Optional(Text(100)),
            Labels("Regel", "Rule"),
            "the code of the rule that raised the follow-up, for people reading the history",
        ),
    ),
)
