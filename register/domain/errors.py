"""Domain errors: each names what was wrong and, where it helps, what to do next.

The web layer maps them to HTTP statuses; the CLI prints them on one line.
"""

from __future__ import annotations


class RegisterError(Exception):
    """Base of every refusal the register gives."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class InvalidCommand(RegisterError):
    """The command's content breaks a rule; ``errors`` maps each field at fault to its messages."""

    def __init__(self, errors: dict[str, list[str]], detail: str | None = None) -> None:
        super().__init__(detail or "The request has invalid fields: " + ", ".join(sorted(errors)))
        self.errors = errors


class EntryNotFound(RegisterError):
    """No entry of that kind with that id, or none in the register at the asked time."""


class LifecycleConflict(RegisterError):
    """The change cannot take effect on that date given the entry's lifecycle (SPEC §3)."""


class VersionMismatch(RegisterError):
    """The writer's If-Match names a version other than the entry's current one."""

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(
            f"The entry is at version {actual}, not {expected}: read it again and reapply "
            "your change."
        )
        self.expected = expected
        self.actual = actual


class StoreNotEmpty(RegisterError):
    """An import was asked of a store that already holds events."""


class IntegrityViolation(RegisterError):
    """The stored history does not match its hash chain."""


class ConfigurationError(RegisterError):
    """A setting read from the environment has a value the register cannot run with."""


class StoreUnavailable(RegisterError):
    """The store cannot take a write now without the risk of losing it (its file is gone,
    replaced or read-only), or the database does not answer: try again once it is back."""
