"""What a user asks the register to do: imperative, small, and free of any transport.

The actor comes from authentication, never from the body; ``effective_from`` defaults to the
register's today when the command is recorded.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from register.domain.kinds import EntryKind


@dataclass(frozen=True, kw_only=True)
class Command:
    actor: str
    effective_from: date | None = None
    reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class RegisterEntry(Command):
    kind: EntryKind
    content: dict[str, Any] = field(default_factory=dict)
    entry_id: uuid.UUID | None = None


@dataclass(frozen=True, kw_only=True)
class AmendEntry(Command):
    kind: EntryKind
    entry_id: uuid.UUID
    content: dict[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


@dataclass(frozen=True, kw_only=True)
class Transition(Command):
    """A change of lifecycle only: retirement or reinstatement."""

    kind: EntryKind
    entry_id: uuid.UUID
    expected_version: int | None = None


class RetireEntry(Transition):
    """Take the entry out of the register from ``effective_from`` on."""


class ReinstateEntry(Transition):
    """Bring a retired entry back into the register from ``effective_from`` on."""


@dataclass(frozen=True, kw_only=True)
class ReviewEntry(Transition):
    """Record that the entry was reviewed on ``effective_from`` and still holds."""

    next_review_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class SetOrganisation(Command):
    """Replace the organisation's details as a whole (registering them the first time)."""

    content: dict[str, Any] = field(default_factory=dict)
    expected_version: int | None = None
