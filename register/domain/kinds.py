"""The kinds of entry a register holds. A ``StrEnum``, so a kind is stored and sent as its plain
name ("activity") and compares equal to it, while code names it by member."""

from __future__ import annotations

from enum import StrEnum


class EntryKind(StrEnum):
    ORGANISATION = "organisation"
    ACTIVITY = "activity"
    RECIPIENT = "recipient"
    POLICY = "policy"
    FOLLOWUP = "followup"


# What the Article 30 register holds: a follow-up mark is the DPO's work on it, not part of it.
REGISTER_KINDS = (EntryKind.ORGANISATION, EntryKind.ACTIVITY, EntryKind.RECIPIENT, EntryKind.POLICY)
