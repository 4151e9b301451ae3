"""The API under gunicorn for the scale benchmark: a server with N workers on loopback, tokens,
timed requests, and the peak memory of its workers."""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api_latency import HOST, free_port, ropa

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


@dataclass(frozen=True)
class Server:
    port: int
    pid: int  # gunicorn's master

    def worker_peaks_mb(self) -> list[float]:
        """The peak resident memory of each worker so far (VmHWM)."""
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        peaks = []
        for child in children:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return peaks


@contextmanager
def gunicorn(url: str, workers: int) -> Iterator[Server]:
    """The API on 127.0.0.1 with ``workers`` sync workers, stopped afterwards."""
    port = free_port()
    env = {**os.environ, "ROPA_DATABASE_URL": url, "ROPA_LOG_LEVEL": "WARNING"}
    command = [GUNICORN, "-w", str(workers), "-b", f"{HOST}:{port}", "--timeout", "120"]
    server = subprocess.Popen(
        [*command, "--no-control-socket", "api.wsgi:app"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not _ready(port):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("gunicorn did not come up")
            time.sleep(0.2)
        # Every worker opens the store on its first request; warm each up.
        for _ in range(workers * 3):
            _ready(port)
        yield Server(port, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _ready(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        connection.request("GET", "/ready")
        return connection.getresponse().status == 200
    except OSError:
        return False


def token(url: str, role: str, name: str) -> dict[str, str]:
    """Authorization headers with a new token of ``role``; ``name`` is the actor it writes as."""
    env = {**os.environ, "ROPA_DATABASE_URL": url}
    secret = ropa(env, "token", "create", "--role", role, "--name", name)
    return {"Authorization": f"Bearer {secret.strip().splitlines()[-1]}"}


def request(
    connection: http.client.HTTPConnection,
    method: str,
    path: str,
    headers: dict[str, str],
    body: Any = None,
) -> tuple[int, dict[str, str], bytes]:
    sent = {**headers, "Content-Type": "application/json"} if body is not None else headers
    connection.request(method, path, body=None if body is None else json.dumps(body), headers=sent)
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def timed_gets(port: int, path: str, headers: dict[str, str], count: int) -> list[float]:
    """Milliseconds of ``count`` GETs, after two to warm up."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    timings = []
    for index in range(count + 2):
        started = time.perf_counter()
        status, _, _ = request(connection, "GET", path, headers)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        if index >= 2:
            timings.append((time.perf_counter() - started) * 1000)
    connection.close()
    return timings


def median_p95(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def timed_patches(port: int, headers: dict[str, str], entry: str, count: int) -> list[float]:
    """Milliseconds of ``count`` PATCHes of one entry, each with the ETag the last one gave,
    after two to warm up."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    path = f"/api/v1/activities/{entry}"
    _, head, _ = request(connection, "GET", path, headers)
    etag = head["ETag"]
    timings = []
    for number in range(count + 2):
        started = time.perf_counter()
        sent = {**headers, "If-Match": etag}
        status, head, _ = request(connection, "PATCH", path, sent, {"owner": f"patch {number}"})
        if status != 200:
            raise RuntimeError(f"PATCH {path} answered {status}")
        etag = head["ETag"]
        if number >= 2:
            timings.append((time.perf_counter() - started) * 1000)
    connection.close()
    return timings
