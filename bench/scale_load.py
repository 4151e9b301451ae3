"""Writes under load for the scale benchmark: clients that register and amend entries through
the API at once, and the floors they are measured against, bare ``Application.save`` calls of
``eventsourcing`` on the same database."""

from __future__ import annotations

import http.client
import json
import multiprocessing
import statistics
import time
import uuid
from dataclasses import dataclass
from typing import Any

from api_latency import HOST
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate
from scale_http import request
from sqlalchemy import create_engine, select

from register.store.database import Timeouts, sqlalchemy_url
from register.store.tables import ledger

NEW_ENTRY_EVERY = 20  # a client registers a new entry after this many amendments


@dataclass(frozen=True)
class Write:
    method: str
    status: int
    milliseconds: float
    entry: str | None
    version: int | None


def client(port: int, headers: dict[str, str], seconds: float, results: Any) -> None:
    """Register an entry, amend it with the ETag it was last given, now and then register
    another, until ``seconds`` have passed; put every write on ``results``."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    writes: list[Write] = []
    stop = time.monotonic() + seconds
    entry, etag = None, ""
    while time.monotonic() < stop:
        if entry is None or len(writes) % NEW_ENTRY_EVERY == 0:
            body = {"name": f"load {uuid.uuid4().hex}", "role": "controller"}
            method, path, sent = "POST", "/api/v1/activities", headers
        else:
            body = {"owner": f"owner {len(writes)}"}
            method, path = "PATCH", f"/api/v1/activities/{entry}"
            sent = {**headers, "If-Match": etag}
        started = time.perf_counter()
        status, head, answer = request(connection, method, path, sent, body)
        elapsed = (time.perf_counter() - started) * 1000
        written = json.loads(answer) if status in (200, 201) else {}
        if written:
            entry, etag = written["id"], head["ETag"]
        writes.append(Write(method, status, elapsed, written.get("id"), written.get("version")))
    results.put(writes)


def load(port: int, headers: dict[str, str], clients: int, seconds: float) -> list[Write]:
    """Every write of ``clients`` processes writing at once for ``seconds``."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [
        context.Process(target=client, args=(port, headers, seconds, results))
        for _ in range(clients)
    ]
    for process in processes:
        process.start()
    writes = [write for _ in processes for write in results.get(timeout=seconds + 120)]
    for process in processes:
        process.join(timeout=60)
    return writes


class _BareSaves(Application[uuid.UUID]):
    name = "barebench"


def _bare_app(url: str) -> _BareSaves:
    return _BareSaves(
        env={
            "PERSISTENCE_MODULE": "eventsourcing_sqlalchemy",
            "SQLALCHEMY_URL": sqlalchemy_url(url, Timeouts(3, 30)),
            "CREATE_TABLE": "y",
        }
    )


def bare_save_ms(url: str, count: int) -> float:
    """The median milliseconds of one ``Application.save`` of a new aggregate."""
    app = _bare_app(url)
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        app.save(Aggregate())
        timings.append((time.perf_counter() - started) * 1000)
    app.close()
    return statistics.median(timings)


def _bare_saver(url: str, seconds: float, results: Any) -> None:
    app = _bare_app(url)
    saved = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        app.save(Aggregate())
        saved += 1
    app.close()
    results.put(saved)


def bare_saves_per_second(url: str, processes: int, seconds: float) -> float:
    """Saves per second of ``processes`` processes saving new aggregates at once."""
    _bare_app(url).close()  # the table, created once before they race
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    savers = [
        context.Process(target=_bare_saver, args=(url, seconds, results)) for _ in range(processes)
    ]
    for saver in savers:
        saver.start()
    saved = sum(results.get(timeout=seconds + 120) for _ in savers)
    for saver in savers:
        saver.join(timeout=60)
    return saved / seconds


def recorded_once(url: str, writes: list[Write], actor: str) -> str:
    """ "yes" when the events ``actor`` recorded are exactly the acknowledged writes, each once;
    else what differs."""
    acked = {(w.entry, w.version) for w in writes if w.status in (200, 201)}
    engine = create_engine(sqlalchemy_url(url, Timeouts(3, 30)))
    with engine.connect() as connection:
        found = connection.execute(
            select(ledger.c.entry_id, ledger.c.version).where(ledger.c.actor == actor)
        ).all()
    engine.dispose()
    recorded = [(row.entry_id, row.version) for row in found]
    if len(recorded) != len(set(recorded)):
        return "doubled"
    if set(recorded) != acked:
        return f"{len(acked - set(recorded))} lost, {len(set(recorded) - acked)} unacknowledged"
    return "yes"
