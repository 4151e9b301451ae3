"""Four gunicorn workers taking writes from four clients at once, on each engine: every
acknowledged write is recorded exactly once, nothing else is, the chain verifies, the read model
equals a rebuild, and no write is refused without cause (no 5xx, no 409 or 412: each client
writes its own entries with the ETag it was last given). Bounded in count; loopback only."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from register.application.read_model_check import check_read_model
from register.bootstrap import bootstrap
from register.settings import Settings
from register.store.tables import ledger

HOST = "127.0.0.1"
CLIENTS = 4
WRITES = 24  # per client: a registration, then amendments, a new entry every eighth write
ACTOR = "load"


@contextmanager
def gunicorn(url: str, workers: int, log: Any) -> Iterator[int]:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = int(probe.getsockname()[1])
    command = [str(Path(sys.executable).with_name("gunicorn")), "--workers", str(workers)]
    server = subprocess.Popen(
        [*command, "--bind", f"{HOST}:{port}", "--no-control-socket", "api.wsgi:app"],
        env={**os.environ, "ROPA_DATABASE_URL": url},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while not answers_ready(port):
            assert time.monotonic() < deadline and server.poll() is None, "gunicorn is not up"
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def answers_ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/ready", timeout=10) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


def client(port: int, token: str, answers: list[tuple[int, dict[str, Any]]]) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    entry, etag = None, ""
    for number in range(WRITES):
        if entry is None or number % 8 == 0:
            method, path = "POST", "/api/v1/activities"
            body: dict[str, Any] = {
                "name": f"{threading.get_ident()} {number}",
                "role": "processor",
            }
            headers = auth
        else:
            method, path = "PATCH", f"/api/v1/activities/{entry}"
            body, headers = {"owner": f"owner {number}"}, {**auth, "If-Match": etag}
        connection.request(method, path, body=json.dumps(body), headers=headers)
        response = connection.getresponse()
        answer = json.loads(response.read() or b"{}")
        answers.append((response.status, answer))
        if response.status in (200, 201):
            entry, etag = answer["id"], response.getheader("ETag")


def test_four_workers_take_concurrent_writes_each_once(database_url: str, tmp_path: Path) -> None:
    service = bootstrap(Settings(database_url=database_url))
    try:
        token = service.tokens.create("dpo", ACTOR)[1]
        answers: list[tuple[int, dict[str, Any]]] = []
        log = (tmp_path / "gunicorn.log").open("w")
        with gunicorn(database_url, 4, log) as port:
            clients = [
                threading.Thread(target=client, args=(port, token, answers)) for _ in range(CLIENTS)
            ]
            for thread in clients:
                thread.start()
            for thread in clients:
                thread.join(timeout=300)
        statuses = sorted({status for status, _ in answers})
        assert statuses in ([200, 201], [201]), statuses
        acknowledged = {(answer["id"], answer["version"]) for _, answer in answers}
        assert len(acknowledged) == len(answers) == CLIENTS * WRITES
        with service.store.engine.connect() as connection:
            recorded = connection.execute(
                select(ledger.c.entry_id, ledger.c.version).where(ledger.c.actor == ACTOR)
            ).all()
        assert sorted(map(tuple, recorded)) == sorted(acknowledged)

        reader = service.reader
        assert reader.integrity().intact
        assert check_read_model(service.store).intact
        moment = reader.moment()
        before = reader.register(moment).as_json()
        service.maintenance.rebuild()
        assert reader.register(moment).as_json() == before
    finally:
        service.close()
