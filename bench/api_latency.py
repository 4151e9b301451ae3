"""Median and p95 latency of GET /api/v1/register (example register) and of a PATCH, through
``ropa serve`` on loopback, against a fresh SQLite file and a fresh PostgreSQL schema.

    .venv/bin/python bench/api_latency.py [--requests 200] [--seconds 60]

Every request goes to 127.0.0.1 only; each series stops after --requests or --seconds,
whichever comes first, and the server is stopped afterwards.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

POSTGRES_URL = os.environ.get(
    "ROPA_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
HOST = "127.0.0.1"
ACTIVITY = "/api/v1/activities/{id}"
Request = Callable[[http.client.HTTPConnection], int]


# The ``ropa`` console script's module: the register's commands and ``serve``, which lives in the
# web layer because ``register`` never imports ``api``.
ROPA = (sys.executable, "-m", "api.cli")


def ropa(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [*ROPA, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout


@contextmanager
def sqlite_store() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{folder}/bench.db"


@contextmanager
def postgres_store() -> Iterator[str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(env: dict[str, str]) -> Iterator[int]:
    port = free_port()
    server = subprocess.Popen(
        [*ROPA, "serve", "--host", HOST, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection(HOST, port, timeout=2)
                connection.request("GET", "/health")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("ropa serve did not come up") from None
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(port: int, request: Request, count: int, seconds: float) -> list[float]:
    """Milliseconds per request, after five warm-up requests."""
    timings: list[float] = []
    stop = time.monotonic() + seconds
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    for index in range(count + 5):
        if time.monotonic() > stop:
            break
        started = time.perf_counter()
        status = request(connection)
        elapsed = (time.perf_counter() - started) * 1000
        if status >= 300:
            raise RuntimeError(f"the server answered {status}")
        if index >= 5:
            timings.append(elapsed)
    connection.close()
    return timings


def call(
    connection: http.client.HTTPConnection, method: str, path: str, headers: dict, body=None
) -> http.client.HTTPResponse:
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response


def bench(engine: str, url: str, count: int, seconds: float) -> dict[str, list[float]]:
    env = {**os.environ, "ROPA_DATABASE_URL": url}
    ropa(env, "load-example")
    token = (
        ropa(env, "token", "create", "--role", "dpo", "--name", "Bench").strip().splitlines()[-1]
    )
    auth = {"Authorization": f"Bearer {token}"}
    with served(env) as port:
        probe = http.client.HTTPConnection(HOST, port, timeout=30)
        probe.request("GET", "/api/v1/activities?page_size=1", headers=auth)
        first = json.loads(probe.getresponse().read())[0]
        probe.close()
        path = ACTIVITY.format(id=first["id"])
        version = {"etag": f'"{first["version"]}"'}

        def get_register(connection: http.client.HTTPConnection) -> int:
            return call(connection, "GET", "/api/v1/register", auth).status

        def patch(connection: http.client.HTTPConnection) -> int:
            body = json.dumps({"owner": f"Owner {uuid.uuid4().hex[:8]}"})
            headers = {**auth, "If-Match": version["etag"], "Content-Type": "application/json"}
            response = call(connection, "PATCH", path, headers, body)
            version["etag"] = response.getheader("ETag", version["etag"])
            return response.status

        return {
            "GET /api/v1/register": measure(port, get_register, count, seconds),
            "PATCH /api/v1/activities/{id}": measure(port, patch, count, seconds),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    print(f"{'engine':<10} {'request':<32} {'n':>5} {'median ms':>10} {'p95 ms':>8}")
    for engine, store in (("sqlite", sqlite_store), ("postgresql", postgres_store)):
        with store() as url:
            for name, timings in bench(engine, url, args.requests, args.seconds).items():
                p95 = statistics.quantiles(timings, n=20)[-1]
                print(
                    f"{engine:<10} {name:<32} {len(timings):>5} "
                    f"{statistics.median(timings):>10.1f} {p95:>8.1f}"
                )


if __name__ == "__main__":
    main()
