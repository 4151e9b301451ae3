"""Bearer tokens (SPEC §5): stored only as SHA-256 hashes, each with a role and a name.

The name is what the register records as the actor of every event the token writes. Tokens
are kept as the chained, append-only record of their issue and revocation (``token_log``), so
that changing a token's role or un-revoking it in the database is refused or shows.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, tzinfo

from sqlalchemy import Connection
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from register.domain.checks import Problem, Text
from register.domain.clock import Clock
from register.domain.errors import EntryNotFound, InvalidCommand
from register.domain.instants import calendar_day, rfc3339
from register.domain.quoting import shown
from register.store import token_log
from register.store.database import AUTOCOMMIT, lock_for_writing
from register.store.tables import ACTOR_LENGTH, from_micros, to_micros

ROLES = ("dpo", "auditor", "admin")
PREFIX = "ropa_"
NAME = Text(ACTOR_LENGTH)  # the actor of the events the token writes


@dataclass(frozen=True)
class TokenInfo:
    id: str
    name: str
    role: str
    created_at: datetime
    expires_on: date | None
    revoked_at: datetime | None
    altered: bool = False  # its records do not follow from the token log's chain

    def refusal(self, today: date) -> str | None:
        """Why this token may not be used today, or None when it may."""
        if self.altered:
            return "its record was altered in the database ('ropa verify' shows where)"
        if self.revoked_at is not None:
            return "the token was revoked"
        if self.expires_on is not None and today > self.expires_on:
            return f"the token expired on {self.expires_on.isoformat()}"
        return None

    def as_dict(self) -> dict[str, str | bool | None]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "created_at": rfc3339(self.created_at),
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
            "revoked": self.revoked_at is not None,
        }


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _tokens(records: Sequence[token_log.Stored]) -> dict[str, TokenInfo]:
    """Every token as its records in the log say, in the order issued; a token whose records,
    or the records right after them, do not follow from the chain is marked altered."""
    unsound = token_log.unsound(records)
    found: dict[str, TokenInfo] = {}
    for stored in records:
        record = stored.record
        altered = bool({stored.position, stored.position + 1} & unsound)
        if record.action == token_log.ISSUED and record.token_id not in found:
            found[record.token_id] = TokenInfo(
                id=record.token_id,
                name=record.name or "",
                role=record.role or "",
                created_at=from_micros(record.recorded_at),
                expires_on=record.expires_on,
                revoked_at=None,
                altered=altered,
            )
        elif record.token_id in found:
            known = found[record.token_id]
            revoked = record.action == token_log.REVOKED and known.revoked_at is None
            found[record.token_id] = replace(
                known,
                revoked_at=from_micros(record.recorded_at) if revoked else known.revoked_at,
                altered=known.altered or altered,
            )
    return found


class TokenStore:
    """The tokens; ``zone`` is the register's, in whose calendar an expiry date is a day."""

    def __init__(self, engine: Engine, clock: Clock, zone: tzinfo = UTC) -> None:
        self.engine = engine
        self.clock = clock
        self.zone = zone
        self._derived: (
            tuple[tuple[token_log.Stored, ...], dict[str, TokenInfo], dict[str | None, str]] | None
        ) = None

    def create(self, role: str, name: str, expires_on: date | None = None) -> tuple[TokenInfo, str]:
        """A new token: its record, and the secret itself, which is never stored.

        It must be usable at least today: a token born expired is a mistake, not a token.
        """
        problems: dict[str, list[str]] = {}
        if role not in ROLES:
            problems["role"] = ["must be one of: " + ", ".join(ROLES)]
        try:
            name = NAME(name, "name")
        except Problem as problem:
            problems["name"] = [problem.message]
        today = calendar_day(self.clock.now(), self.zone)
        if expires_on is not None and expires_on < today:
            problems["expires_on"] = [f"must be today ({today.isoformat()}) or later"]
        if problems:
            said = "; ".join(f"{field} {messages[0]}" for field, messages in problems.items())
            raise InvalidCommand(problems, detail=f"The token was not created: {said}.")
        secret = PREFIX + secrets.token_urlsafe(32)
        token_id = str(uuid.uuid4())
        issue = token_log.Record(
            token_id=token_id,
            action=token_log.ISSUED,
            recorded_at=to_micros(self.clock.now()),
            name=name,
            role=role,
            token_hash=_hash(secret),
            expires_on=expires_on,
        )
        with self._writing() as connection:
            token_log.append(connection, [issue])
        return self.get(token_id), secret

    def get(self, token_id: str) -> TokenInfo:
        info = _tokens(self._records()).get(token_id)
        if info is None:
            raise EntryNotFound(
                f"There is no token with id {shown(token_id)}: 'ropa token list' shows them."
            )
        return info

    def list(self) -> list[TokenInfo]:
        return list(_tokens(self._records()).values())

    def revoke(self, token_id: str) -> TokenInfo:
        with self._writing() as connection:
            info = _tokens(token_log.read(connection)).get(token_id)
            if info is None:
                raise EntryNotFound(f"There is no token with id {shown(token_id)}.")
            if info.revoked_at is None:
                revocation = token_log.Record(
                    token_id, token_log.REVOKED, to_micros(self.clock.now())
                )
                token_log.append(connection, [revocation])
        return self.get(token_id)

    def find(self, secret: str) -> TokenInfo | None:
        """The token whose secret this is, from the log as it reads now. Every request asks, so
        the tokens derived from the log are kept until the log reads otherwise: re-deriving
        them digests every record again."""
        hashed = _hash(secret)
        records = tuple(self._records())
        if self._derived is None or self._derived[0] != records:
            by_hash = {s.record.token_hash: s.record.token_id for s in reversed(records)}
            self._derived = (records, _tokens(records), by_hash)
        _, tokens, by_hash = self._derived
        issued = by_hash.get(hashed)
        return None if issued is None else tokens.get(issued)

    def _records(self) -> Sequence[token_log.Stored]:
        """The log in one statement outside a transaction: on PostgreSQL a transaction would
        cost every request two more round trips (begin, roll back)."""
        with self.engine.connect().execution_options(isolation_level=AUTOCOMMIT) as connection:
            return token_log.read(connection)

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A transaction holding the register's write lock, which orders the token log too."""
        with Session(self.engine) as session, session.begin():
            lock_for_writing(session)
            yield session.connection()
