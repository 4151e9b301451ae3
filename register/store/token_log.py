"""The token log (SPEC §4, §5): every issue and revocation of an API token, append-only, chained.

A token's role, name and state are read from this log, never from a row that can be updated in
place: the database refuses UPDATE and DELETE on it (``guards``), and each record carries a
chain digest over the one before, so a record altered with the guard dropped no longer follows
from its chain. ``ropa verify`` checks the whole chain; authentication refuses a token whose own
records, or the records right after them, do not follow.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    inspect,
    select,
)

from register.domain.canonical import canonical_json
from register.domain.chain import GENESIS, Link, Verdict, chain_digest, follows, verify_records
from register.store.tables import ACTOR_LENGTH, metadata, to_micros

ISSUED = "issued"
REVOKED = "revoked"

log = Table(
    "ropa_token_log",
    metadata,
    Column(
        "position",
        BigInteger().with_variant(Integer(), "sqlite"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("token_id", String(36), nullable=False),
    Column("action", String(10), nullable=False),
    Column("name", String(ACTOR_LENGTH)),
    Column("role", String(20)),
    Column("token_hash", String(64)),
    Column("expires_on", Date),
    Column("recorded_at", BigInteger, nullable=False),
    Column("chain_digest", String(64), nullable=False),
    Index("ropa_token_log_hash", "token_hash", unique=True),
)


@dataclass(frozen=True)
class Record:
    """One issue (with the token's name, role, hash and expiry) or one revocation."""

    token_id: str
    action: str
    recorded_at: int  # microseconds since the epoch, UTC
    name: str | None = None
    role: str | None = None
    token_hash: str | None = None
    expires_on: date | None = None

    def content_digest(self) -> str:
        """A digest of every column the record holds besides its position and chain digest."""
        content = {
            **vars(self),
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
        }
        return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Stored:
    position: int
    record: Record
    chain_digest: str

    @property
    def link(self) -> Link:
        return Link(self.position, self.record.content_digest(), self.chain_digest)


def append(connection: Connection, records: Sequence[Record]) -> None:
    """Chain the records onto the log's head; the caller holds the write lock."""
    head = connection.execute(
        select(log.c.position, log.c.chain_digest).order_by(log.c.position.desc()).limit(1)
    ).first()
    position, previous = (head.position, head.chain_digest) if head else (0, GENESIS)
    rows = []
    for record in records:
        position += 1
        previous = chain_digest(previous, record.content_digest())
        rows.append({**vars(record), "position": position, "chain_digest": previous})
    if rows:
        connection.execute(insert(log), rows)


_READ = select(log).order_by(log.c.position)  # built once: every request reads the log


def read(connection: Connection) -> list[Stored]:
    """The whole log in position order (tokens are few)."""
    rows = connection.execute(_READ)
    return [
        Stored(
            row.position,
            Record(**{name: getattr(row, name) for name in _RECORDED}),
            row.chain_digest,
        )
        for row in rows
    ]


_RECORDED = [field.name for field in fields(Record)]


def verify(connection: Connection) -> Verdict:
    """Recompute the log's chain: its head digest and count, or the first record at fault."""
    return verify_records(stored.link for stored in read(connection))


def unsound(stored: Sequence[Stored]) -> set[int]:
    """The positions of the records that do not follow from the record before them.

    A record altered in place does not follow; one altered and given a recomputed digest makes
    the record after it not follow instead, so a token is to be trusted only when neither its
    records nor the ones after them are unsound.
    """
    digests = {item.position: item.chain_digest for item in stored}
    found = set()
    for item in stored:
        previous = GENESIS if item.position == 1 else digests.get(item.position - 1)
        if previous is None or not follows(previous, item.link):
            found.add(item.position)
    return found


# The table tokens were kept in before the log: its rows could be updated in place.
_legacy = Table(
    "ropa_tokens",
    MetaData(),
    Column("id", String(36)),
    Column("name", String(200)),
    Column("role", String(20)),
    Column("token_hash", String(64)),
    Column("created_at", DateTime(timezone=True)),
    Column("expires_on", Date),
    Column("revoked_at", DateTime(timezone=True)),
)


def adopt_legacy(connection: Connection) -> None:
    """Move the tokens of a store made before the log into it, in the order they were issued
    and revoked, and drop their old table; run under the schema lock."""
    if not inspect(connection).has_table(_legacy.name):
        return
    happened: list[tuple[int, int, Record]] = []
    for row in connection.execute(select(_legacy)):
        issued = to_micros(_aware(row.created_at))
        happened.append(
            (
                issued,
                0,
                Record(row.id, ISSUED, issued, row.name, row.role, row.token_hash, row.expires_on),
            )
        )
        if row.revoked_at is not None:
            revoked = to_micros(_aware(row.revoked_at))
            happened.append((revoked, 1, Record(row.id, REVOKED, revoked)))
    append(connection, [record for _, _, record in sorted(happened, key=lambda h: h[:2])])
    _legacy.drop(connection)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
