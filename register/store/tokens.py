"""Bearer tokens (SPEC §5): stored only as SHA-256 hashes, each with a role and a name.

The name is what the register records as the actor of every event the token writes.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, Date, DateTime, Row, String, Table, insert, select, update
from sqlalchemy.engine import Engine

from register.domain.clock import Clock
from register.domain.errors import EntryNotFound, InvalidCommand
from register.domain.instants import rfc3339
from register.store.tables import metadata

ROLES = ("dpo", "auditor", "admin")
PREFIX = "ropa_"

tokens = Table(
    "ropa_tokens",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_on", Date),
    Column("revoked_at", DateTime(timezone=True)),
)


@dataclass(frozen=True)
class TokenInfo:
    id: str
    name: str
    role: str
    created_at: datetime
    expires_on: date | None
    revoked_at: datetime | None

    def refusal(self, today: date) -> str | None:
        """Why this token may not be used today, or None when it may."""
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


def _info(row: Row[Any]) -> TokenInfo:
    return TokenInfo(
        id=row.id,
        name=row.name,
        role=row.role,
        created_at=_aware(row.created_at),
        expires_on=row.expires_on,
        revoked_at=_aware(row.revoked_at) if row.revoked_at else None,
    )


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class TokenStore:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def create(self, role: str, name: str, expires_on: date | None = None) -> tuple[TokenInfo, str]:
        """A new token: its record, and the secret itself, which is never stored."""
        problems: dict[str, list[str]] = {}
        if role not in ROLES:
            problems["role"] = ["must be one of: " + ", ".join(ROLES)]
        if not name.strip():
            problems["name"] = ["must not be empty"]
        if problems:
            raise InvalidCommand(problems)
        secret = PREFIX + secrets.token_urlsafe(32)
        token_id = str(uuid.uuid4())
        row = {
            "id": token_id,
            "name": name.strip(),
            "role": role,
            "token_hash": _hash(secret),
            "created_at": self.clock.now(),
            "expires_on": expires_on,
            "revoked_at": None,
        }
        with self.engine.begin() as connection:
            connection.execute(insert(tokens).values(**row))
        return self.get(token_id), secret

    def get(self, token_id: str) -> TokenInfo:
        with self.engine.connect() as connection:
            row = connection.execute(select(tokens).where(tokens.c.id == token_id)).first()
        if row is None:
            raise EntryNotFound(
                f"There is no token with id {token_id}: 'ropa token list' shows them."
            )
        return _info(row)

    def list(self) -> list[TokenInfo]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(tokens).order_by(tokens.c.created_at)).all()
        return [_info(row) for row in rows]

    def revoke(self, token_id: str) -> TokenInfo:
        with self.engine.begin() as connection:
            done = connection.execute(
                update(tokens)
                .where(tokens.c.id == token_id, tokens.c.revoked_at.is_(None))
                .values(revoked_at=self.clock.now())
            )
        info = self.get(token_id)
        if done.rowcount == 0 and info.revoked_at is None:
            raise EntryNotFound(f"There is no token with id {token_id}.")
        return info

    def find(self, secret: str) -> TokenInfo | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(tokens).where(tokens.c.token_hash == _hash(secret))
            ).first()
        return _info(row) if row else None
