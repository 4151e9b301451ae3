"""A two-dimensional index over the read model's segments.

Each segment row is a rectangle: valid time [valid_from, valid_to) by record time
[known_from, known_to). A register query at (as_of, known_at) asks for the rectangles that
contain one point, and for each entry exactly one does. B-tree indexes can only narrow one of
the two ranges and would scan every segment on one side of the point, a number that grows with
the history. A spatial index answers the point query in logarithmic time plus one row per
entry: an R*Tree virtual table on SQLite, a GiST expression index on PostgreSQL.

The SQLite R*Tree stores 32-bit floats rounded outwards, so it may offer a few extra
candidates near the point and never misses one; the exact predicates on ``ropa_segments``
decide. Days are day numbers; record time is in seconds (microseconds on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Integer,
    MetaData,
    Select,
    Table,
    literal,
    select,
    text,
)

from register.store.tables import segments

BOX_TABLE = "ropa_segments_box"
_UNIX_DAY = date(1970, 1, 1).toordinal()

boxes = Table(
    BOX_TABLE,
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("valid_lo", Float),
    Column("valid_hi", Float),
    Column("known_lo", Float),
    Column("known_hi", Float),
)

_POSTGRES_BOX = (
    "box(point((valid_from - DATE '1970-01-01')::float8, known_from::float8), "
    "point((valid_to - DATE '1970-01-01')::float8, known_to::float8))"
)


def _day(value: date) -> int:
    return value.toordinal() - _UNIX_DAY


def install(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        exists = connection.execute(text(f"SELECT to_regclass('{BOX_TABLE}')")).scalar()
        if exists is None:
            connection.execute(
                text(f"CREATE INDEX {BOX_TABLE} ON ropa_segments USING gist ({_POSTGRES_BOX})")
            )
    else:
        connection.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {BOX_TABLE} "
                "USING rtree(id, valid_lo, valid_hi, known_lo, known_hi)"
            )
        )


def drop(connection: Connection) -> None:
    """Remove the index with the read model (on PostgreSQL it goes with its table)."""
    if connection.dialect.name != "postgresql":
        connection.execute(text(f"DROP TABLE IF EXISTS {BOX_TABLE}"))


def fill(connection: Connection) -> None:
    """Index every row of ``ropa_segments`` at once, after a bulk load (SQLite; the GiST index
    on PostgreSQL is built by its ``CREATE INDEX``). Boxes inserted in record-time order split
    fewer nodes than in id order."""
    if connection.dialect.name == "postgresql":
        return
    unix_day = "julianday({}) - julianday('1970-01-01')"
    connection.execute(
        text(
            f"INSERT INTO {BOX_TABLE} (id, valid_lo, valid_hi, known_lo, known_hi) "
            f"SELECT id, {unix_day.format('valid_from')}, {unix_day.format('valid_to')}, "
            "known_from / 1e6, known_to / 1e6 FROM ropa_segments ORDER BY known_from"
        )
    )


# Built once: every write runs them.
_ADD = boxes.insert()
_CLOSE = text(f"UPDATE {BOX_TABLE} SET known_hi = :known_hi WHERE id = :row_id")


def add(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if connection.dialect.name == "postgresql" or not rows:
        return
    connection.execute(
        _ADD,
        [
            {
                "id": row["id"],
                "valid_lo": _day(row["valid_from"]),
                "valid_hi": _day(row["valid_to"]),
                "known_lo": row["known_from"] / 1e6,
                "known_hi": row["known_to"] / 1e6,
            }
            for row in rows
        ],
    )


def close(connection: Connection, closes: Sequence[dict[str, Any]]) -> None:
    if connection.dialect.name == "postgresql" or not closes:
        return
    connection.execute(
        _CLOSE,
        [{"row_id": c["row_id"], "known_hi": c["known_to"] / 1e6} for c in closes],
    )


def containing(query: Select[Any], dialect: str, as_of: date, known_micros: int) -> Select[Any]:
    """Narrow a query over ``ropa_segments`` to the rows whose rectangle holds the point."""
    day = _day(as_of)
    if dialect == "postgresql":
        return query.where(
            text(f"{_POSTGRES_BOX} @> box(point(:day, :known), point(:day, :known))").bindparams(
                day=float(day), known=float(known_micros)
            )
        )
    seconds = known_micros / 1e6
    candidates = select(boxes.c.id).where(
        boxes.c.valid_lo <= literal(day),
        boxes.c.valid_hi >= literal(day),
        boxes.c.known_lo <= literal(seconds),
        boxes.c.known_hi >= literal(seconds),
    )
    return query.where(segments.c.id.in_(candidates))
