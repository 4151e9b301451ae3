"""Stores for the scale benchmark: a fresh SQLite file or PostgreSQL schema, the ``ropa``
command timed with its peak memory, and the room the read model and the events take."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from api_latency import ROPA, postgres_store

ENGINES = ("sqlite", "postgres")
# Which tables hold what: the events (with their index), the chain, the read model.
PARTS = {
    "events": ("ropa_events",),
    "ledger": ("ropa_ledger",),
    "read model": ("ropa_segments", "ropa_contents"),
}


@contextmanager
def fresh_store(engine: str, folder: Path) -> Iterator[str]:
    """An empty store of ``engine``, removed afterwards."""
    if engine == "postgres":
        with postgres_store() as url:
            yield url
        return
    path = folder / f"scale-{uuid.uuid4().hex[:8]}.db"
    try:
        yield f"sqlite:///{path}"
    finally:
        for leftover in folder.glob(f"{path.name}*"):
            leftover.unlink()


@dataclass(frozen=True)
class Ran:
    seconds: float  # the whole command, start-up included
    work_seconds: float | None  # the work alone, as its progress line reports it
    peak_mb: float
    output: str


def ropa(url: str, *args: str) -> Ran:
    """Run ``ropa`` against ``url``; its time and the peak resident memory of its process."""
    env = {**os.environ, "ROPA_DATABASE_URL": url}
    started = time.perf_counter()
    process = subprocess.Popen(
        [*ROPA, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"ropa {' '.join(args)} failed:\n{output[-2000:]}")
    found = re.search(r": [\d,]+ events in ([\d.]+) s", output)
    work = float(found.group(1)) if found else None
    return Ran(seconds, work, usage.ru_maxrss / 1024, output)


def sizes(url: str) -> dict[str, int]:
    """Bytes on disk of each part of the store, indexes included."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
            rows = connection.execute(
                "SELECT name, sum(pgsize) FROM dbstat GROUP BY name"
            ).fetchall()
            indexed = dict(
                connection.execute("SELECT name, tbl_name FROM sqlite_master").fetchall()
            )
        by_table = [(indexed.get(name, name), size) for name, size in rows]
    else:
        with psycopg.connect(url) as connection:
            by_table = connection.execute(
                "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind = 'r' AND n.nspname = current_schema()"
            ).fetchall()
    found = dict.fromkeys(PARTS, 0)
    for table, size in by_table:
        for part, prefixes in PARTS.items():
            if table.startswith(prefixes):
                found[part] += int(size)
    return found
