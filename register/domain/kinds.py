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
