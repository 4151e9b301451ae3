"""The floor the register query is measured against: the rows it reads (one per entry in
effect at the moment) fetched by an indexed SQL select on a plain DB-API connection, with
nothing decoded and nothing composed."""

from __future__ import annotations

import sqlite3
import statistics
import time
from datetime import date, datetime

import psycopg

from register.store.tables import to_micros

_WANTED = (
    "SELECT s.entry_id, s.entry_kind, s.status, c.content FROM ropa_segments s "
    "JOIN ropa_contents c ON c.id = s.content_id WHERE "
)
_EXACT = (
    "AND s.valid_from <= {as_of} AND s.valid_to > {as_of} "
    "AND s.known_from <= {known} AND s.known_to > {known}"
)
SQLITE = (
    _WANTED
    + "s.id IN (SELECT id FROM ropa_segments_box WHERE valid_lo <= :day AND valid_hi >= :day "
    "AND known_lo <= :seconds AND known_hi >= :seconds) "
    + _EXACT.format(as_of=":as_of", known=":known")
)
POSTGRES = (
    _WANTED + "box(point((s.valid_from - DATE '1970-01-01')::float8, s.known_from::float8), "
    "point((s.valid_to - DATE '1970-01-01')::float8, s.known_to::float8)) "
    "@> box(point(%(day)s, %(known)s), point(%(day)s, %(known)s)) "
    + _EXACT.format(as_of="%(as_of)s", known="%(known)s")
)


def floor_ms(url: str, as_of: date, known_at: datetime, count: int) -> float:
    """The median milliseconds of the select, fetching every row, after one to warm up."""
    known = to_micros(known_at)
    day = float((as_of - date(1970, 1, 1)).days)
    if url.startswith("sqlite:///"):
        connection: sqlite3.Connection | psycopg.Connection = sqlite3.connect(
            url.removeprefix("sqlite:///")
        )
        statement = SQLITE
        values = {"day": day, "seconds": known / 1e6, "as_of": as_of.isoformat(), "known": known}
    else:
        connection = psycopg.connect(url)
        statement = POSTGRES
        values = {"day": day, "known": known, "as_of": as_of}
    timings = []
    try:
        for index in range(count + 1):
            started = time.perf_counter()
            connection.execute(statement, values).fetchall()
            if index:
                timings.append((time.perf_counter() - started) * 1000)
    finally:
        connection.close()
    return statistics.median(timings)
