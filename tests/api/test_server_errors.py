"""The WSGI server's own errors (issue 7, HTTP): waitress answers a request it cannot read before
the app runs, and those answers are problem documents like the app's."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest
from flask import Flask

from api.server_errors import problem_server
from tests.api.client import PROBLEM_JSON

HEADER_LIMIT = 2_048
BODY_LIMIT = 1_024


@pytest.fixture
def address(app: Flask) -> Iterator[tuple[str, int]]:
    """The app served by waitress on a free port of the loopback, with small limits."""
    server = problem_server(
        app,
        host="127.0.0.1",
        port=0,
        threads=1,
        max_request_header_size=HEADER_LIMIT,
        max_request_body_size=BODY_LIMIT,
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield "127.0.0.1", server.effective_port
    finally:
        server.close()
        server.task_dispatcher.shutdown()
        thread.join(timeout=5)


def exchange(address: tuple[str, int], request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes; the status, headers and body of the answer."""
    with socket.create_connection(address, timeout=5) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65_536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return int(status_line.split()[1]), {k.lower(): v for k, v in headers.items()}, body


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GARBAGE\x01 / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"x" * (2 * HEADER_LIMIT) + b"\r\n\r\n", 431),
        (
            b"POST /api/v1/activities HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"
            + b"x" * 5_000,
            413,
        ),
        (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
    ],
    ids=["request line", "header line", "headers too large", "body too large", "coding"],
)
def test_the_servers_own_errors_are_problem_documents(
    address: tuple[str, int], request_bytes: bytes, status: int
) -> None:
    answered, headers, body = exchange(address, request_bytes)
    assert answered == status
    assert headers["content-type"] == PROBLEM_JSON
    assert headers["x-content-type-options"] == "nosniff"
    problem = json.loads(body)
    assert problem["status"] == status and problem["type"].startswith("urn:ropa:problem:")
    assert problem["title"] and len(problem["detail"]) < 300


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_requests_it_can_read_still_reach_the_app(address: tuple[str, int]) -> None:
    status, _, body = exchange(
        address, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert status == 200 and json.loads(body) == {"status": "ok"}
