"""The tables the register keeps beside the event store.

``ropa_ledger`` is the hash chain over the global order (SPEC §4): written once per event in the
event's own transaction and never rebuilt, because it is the evidence. ``ropa_projection`` holds
how far each read model has read the history; ``ropa_segments`` is the bitemporal read model,
with the states its segments hold in ``ropa_contents`` and the names of the fields each event set
in ``ropa_event_fields``: disposable, rebuilt from the events at will.

Instants are stored as integer microseconds since the epoch (UTC) so that both engines compare
them exactly and identically.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

EVENTS_TABLE_PREFIX = "ropa"
EVENTS_TABLE = f"{EVENTS_TABLE_PREFIX}_events"
KNOWN_FOREVER = 2**62
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# The actor is the name of the token that wrote the event; token names keep within it.
ACTOR_LENGTH = 200

metadata = MetaData()

_id = BigInteger().with_variant(Integer(), "sqlite")

ledger = Table(
    "ropa_ledger",
    metadata,
    Column("position", _id, primary_key=True, autoincrement=False),
    Column("entry_id", String(36), nullable=False),
    Column("entry_kind", String(20), nullable=False),
    Column("version", Integer, nullable=False),
    Column("event_type", String(100), nullable=False),
    Column("effective_from", Date, nullable=False),
    Column("recorded_at", BigInteger, nullable=False),
    Column("actor", String(ACTOR_LENGTH), nullable=False),
    Column("content_digest", String(64), nullable=False),
    Column("chain_digest", String(64), nullable=False),
    Index("ropa_ledger_entry_version", "entry_id", "version", unique=True),
    # With the version, the register's probe for each entry's version at a moment reads this
    # index alone. (A store made before keeps its old two-column index as well.)
    Index("ropa_ledger_entry_recorded_version", "entry_id", "recorded_at", "version"),
    Index("ropa_ledger_entry_effective", "entry_id", "effective_from"),
    Index("ropa_ledger_recorded", "recorded_at"),
)

projection_positions = Table(
    "ropa_projection",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("chain_digest", String(64)),  # the ledger's digest at that position
    Column("version", Integer),  # the READ_MODEL_VERSION that built the rows it tracks
)

segment_model = MetaData()

segments = Table(
    "ropa_segments",
    segment_model,
    Column("id", _id, primary_key=True, autoincrement=True),
    Column("entry_id", String(36), nullable=False),
    Column("entry_kind", String(20), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date, nullable=False),
    Column("registered_on", Date, nullable=False),
    Column("known_from", BigInteger, nullable=False),
    Column("known_to", BigInteger, nullable=False),
    Column("status", String(10), nullable=False),
    Column("name", Text, nullable=False),
    Column("facet", String(60)),
    Column("content_id", _id, nullable=False),
    Index("ropa_segments_entry", "entry_id", "known_to", "valid_to"),
)

# Each state an entry takes is kept once: the many segments that hold it refer to it.
contents = Table(
    "ropa_contents",
    segment_model,
    Column("id", _id, primary_key=True, autoincrement=False),
    Column("content", Text, nullable=False),
)

# The names of the fields each event set, by entry and version: "when was this field last
# set?" (a rule of the diff asks it of hundreds of entries) answered without decoding events.
# Not unique: like the segments, its rows are guarded by the projection's position, and an
# event replayed onto them is the read-model check's to name, not a write's to fail on.
event_fields = Table(
    "ropa_event_fields",
    segment_model,
    Column("entry_id", String(36), nullable=False),
    Column("field", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Index("ropa_event_fields_entry_field", "entry_id", "field", "version"),
)

segments_with_content = segments.join(contents, contents.c.id == segments.c.content_id)


def to_micros(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def from_micros(micros: int) -> datetime:
    return EPOCH + timedelta(microseconds=micros)
