"""The database goes down and hangs while `ropa serve` is under load (issue 7, faults).

A throwaway PostgreSQL instance (never the shared server) is stopped, started, frozen with
SIGSTOP and thawed while a few client threads write and read through HTTP on 127.0.0.1. While it
is away every request gets a 503 problem document with Retry-After within the configured
timeouts, /health keeps answering, /ready fails and the log has one line per failure; when it is
back service resumes by itself; and every acknowledged write is in the store exactly once.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from register.bootstrap import bootstrap
from register.domain.entries import Entry
from register.domain.kinds import EntryKind
from register.settings import Settings
from register.store.database import SILENCE_GRACE
from tests.throwaway_postgres import Instance, free_port, throwaway_postgres

TIMEOUT = 2  # the server's connect and statement timeouts, in seconds
ANSWER_BOUND = TIMEOUT + SILENCE_GRACE  # how long a thread waits on a silent database
SERVER_THREADS = 4
CLIENTS = 6  # more than the server's threads: a hung database must not starve /health
PAUSE = 0.05  # between one client's requests
CLIENT_TIMEOUT = 30
RECOVERY = 10  # seconds the service may take to resume once the database is back
LOG_LINES = re.compile(
    r".*(Database unavailable in (GET|POST) |Not ready: |Task queue depth is \d+$|Serving on )"
)


@dataclass(frozen=True)
class Answer:
    sent: float  # monotonic
    took: float
    path: str
    status: int  # 0: no answer within CLIENT_TIMEOUT
    content_type: str
    retry_after: str | None
    problem_type: str | None
    name: str | None = None  # the recipient a write registers

    @property
    def ended(self) -> float:
        return self.sent + self.took


def call(port: int, path: str, token: str | None = None, body: dict | None = None) -> Answer:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=None if body is None else json.dumps(body).encode(),
        method="GET" if body is None else "POST",
    )
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    sent = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=CLIENT_TIMEOUT) as reply:
            status, headers, content = reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        status, headers, content = error.code, error.headers, error.read()
    except OSError:
        return Answer(sent, time.monotonic() - sent, path, 0, "", None, None)
    kind = headers.get_content_type()
    problem = json.loads(content)["type"] if kind == "application/problem+json" else None
    return Answer(
        sent, time.monotonic() - sent, path, status, kind, headers.get("Retry-After"), problem
    )


class Load:
    """Client threads that register recipients with names of their own and read the list, and
    probers that ask /health and /ready; every answer is kept."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.token = token
        self.answers: list[Answer] = []
        self.probes: list[Answer] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(CLIENTS)
        ]
        self._threads += [
            threading.Thread(target=self._prober, args=(path,), daemon=True)
            for path in ("/health", "/ready")
        ]

    def _client(self, number: int) -> None:
        sent = 0
        while not self._stop.is_set():
            sent += 1
            name = f"Outage recipient {number}-{sent}"
            body = {"name": name, "category": "hosting", "legal_role": "processor"}
            write = call(self.port, "/api/v1/recipients", self.token, {**body, "country": "NL"})
            read = call(self.port, "/api/v1/recipients?page_size=5", self.token)
            with self._lock:
                self.answers += [Answer(**{**write.__dict__, "name": name}), read]
            self._stop.wait(PAUSE)

    def _prober(self, path: str) -> None:
        while not self._stop.is_set():
            answer = call(self.port, path)
            with self._lock:
                self.probes.append(answer)
            self._stop.wait(0.25)

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(CLIENT_TIMEOUT + 5)

    def since(self, moment: float) -> list[Answer]:
        with self._lock:
            return [a for a in self.answers if a.sent >= moment]

    def probes_since(self, moment: float, path: str) -> list[Answer]:
        with self._lock:
            return [a for a in self.probes if a.sent >= moment and a.path == path]

    def wait_for(self, moment: float, found, seconds: float) -> Answer | None:
        """The first answer given after ``moment`` that ``found`` accepts, waiting up to
        ``seconds`` for it."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self._lock:
                hits = sorted(
                    (a for a in self.answers if a.ended >= moment and found(a)),
                    key=lambda a: a.ended,
                )
            if hits:
                return hits[0]
            time.sleep(0.05)
        return None


@pytest.fixture
def postgres() -> Iterator[Instance]:
    with throwaway_postgres() as instance:
        yield instance


@pytest.fixture
def server(postgres: Instance, tmp_path: Path) -> Iterator[tuple[int, str, Path]]:
    """`ropa serve` on a free port against the throwaway instance: its port, a DPO token and
    its log."""
    ropa = str(Path(sys.executable).with_name("ropa"))
    environ = {
        **os.environ,
        "ROPA_DATABASE_URL": postgres.url,
        "ROPA_SERVER_THREADS": str(SERVER_THREADS),
        "ROPA_DATABASE_CONNECT_TIMEOUT": str(TIMEOUT),
        "ROPA_DATABASE_STATEMENT_TIMEOUT": str(TIMEOUT),
    }
    made = subprocess.run(
        [ropa, "token", "create", "--role", "dpo", "--name", "Outage DPO"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    token = made.stdout.strip().splitlines()[-1]
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [ropa, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=environ,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while call(port, "/ready").status != 200:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "ropa serve did not get ready in 30 s"
            time.sleep(0.1)
        yield port, token, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def is_unavailable(answer: Answer) -> bool:
    return answer.status == 503


def is_written(answer: Answer) -> bool:
    return answer.status == 201


def check_outage(
    load: Load, began: float, until: float, first_within: float
) -> tuple[float, float]:
    """What every outage must look like; the seconds from ``began`` to the first 503, and the
    longest /health took."""
    first = load.wait_for(began, is_unavailable, first_within + 2)
    assert first is not None, "no 503 while the database was away"
    assert first.ended - began <= first_within, f"first 503 after {first.ended - began:.1f} s"
    # once the first 503 is out, nothing succeeds and everything fails the same way
    during = [a for a in load.since(first.ended) if a.ended <= until]
    assert during, "no request was answered during the outage"
    assert {a.status for a in during} == {503}, {a.status for a in during}
    assert {a.content_type for a in during} == {"application/problem+json"}
    assert {a.problem_type for a in during} == {"urn:ropa:problem:database-unavailable"}
    assert all(a.retry_after and a.retry_after.isdigit() for a in during)
    # a request may wait for a thread that waits on the database, but not for longer
    assert max(a.took for a in during) <= 2 * ANSWER_BOUND + 1, max(a.took for a in during)
    health = [a for a in load.probes_since(began, "/health") if a.ended <= until]
    assert health and {a.status for a in health} == {200}
    assert max(a.took for a in health) <= ANSWER_BOUND + 1, max(a.took for a in health)
    ready = [a for a in load.probes if a.path == "/ready" and first.ended <= a.ended <= until]
    assert ready and {a.status for a in ready} == {503}
    return first.ended - began, max(a.took for a in health)


def check_recovery(load: Load, back: float) -> float:
    """Service resumes by itself; the seconds from ``back`` to the first acknowledged write."""
    first = load.wait_for(back, is_written, RECOVERY)
    assert first is not None, f"no write succeeded within {RECOVERY} s of the database's return"
    settled = time.monotonic()
    time.sleep(1.5)
    after = load.since(settled)
    assert after and {a.status for a in after} <= {200, 201}, {a.status for a in after}
    assert load.probes_since(settled, "/ready")[-1].status == 200
    return first.ended - back


def check_log(load: Load, log: Path) -> None:
    """One line per failure and nothing else of note: no traceback, no stray error."""
    lines = log.read_text().splitlines()
    strays = [line for line in lines if not LOG_LINES.match(line)]
    assert not strays, strays[:5]
    failures = [a for a in load.answers if a.status == 503]
    assert sum("Database unavailable in" in line for line in lines) == len(failures)
    not_ready = [a for a in load.probes if a.path == "/ready" and a.status == 503]
    assert sum("Not ready: " in line for line in lines) == len(not_ready)


def check_writes(load: Load, url: str) -> None:
    """Every acknowledged write is in the store's events exactly once, and in the register;
    every stored one was sent (a 503 may or may not have been recorded, as its answer says)."""
    writes = [a for a in load.answers if a.name is not None]
    acknowledged = {a.name for a in writes if a.status == 201}
    unanswered = {a.name for a in writes if a.status in (0, 503)}
    assert {a.status for a in writes} <= {0, 201, 503}
    service = bootstrap(Settings(database_url=url))
    try:
        registered = [
            event.fields["name"]
            for _, stored in service.store.everything()
            if isinstance(event := service.store.decode(stored), Entry.Registered)
        ]
        assert len(registered) == len(set(registered)), "a write was recorded twice"
        assert acknowledged <= set(registered), sorted(acknowledged - set(registered))[:5]
        assert set(registered) <= acknowledged | unanswered
        reader = service.reader
        listed = reader.entries(EntryKind.RECIPIENT, reader.moment()).entries
        assert sorted(e.fields["name"] for e in listed) == sorted(registered)
        assert reader.integrity().intact
    finally:
        service.close()


@pytest.mark.postgres
def test_stopped_then_frozen_database(postgres: Instance, server: tuple[int, str, Path]) -> None:
    port, token, log = server
    timings: dict[str, float] = {}
    with Load(port, token) as load:
        time.sleep(1.5)
        assert {a.status for a in load.since(0)} <= {200, 201}

        stopped = time.monotonic()
        postgres.stop()
        time.sleep(4)
        timings["first 503 after stop"], timings["slowest /health while stopped"] = check_outage(
            load, stopped, time.monotonic(), 2
        )
        started = time.monotonic()
        postgres.start()
        timings["resumed after start"] = check_recovery(load, started)

        frozen = time.monotonic()
        postgres.freeze()
        time.sleep(3 * ANSWER_BOUND)
        timings["first 503 after freeze"], timings["slowest /health while frozen"] = check_outage(
            load, frozen, time.monotonic(), ANSWER_BOUND + 1
        )
        thawed = time.monotonic()
        postgres.thaw()
        timings["resumed after thaw"] = check_recovery(load, thawed)
    statuses = [a.status for a in load.answers]
    print({k: round(v, 2) for k, v in timings.items()}, {s: statuses.count(s) for s in {*statuses}})
    assert all(a.status != 0 for a in load.answers + load.probes), "a request got no answer"
    check_log(load, log)
    check_writes(load, postgres.url)
