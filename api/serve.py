"""Serving the API, and the try-it run: the example register loaded, a DPO and an auditor
token made, and three curl lines printed that work as they stand."""

from __future__ import annotations

import logging
import shlex
from collections.abc import Callable

from api import server_errors
from api.app import create_app
from register.application.service import Service
from register.domain.kinds import EntryKind
from register.importers.example import example_id, load_example

TRY_ACTIVITY = "contact_feedback"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def serve(register: Service, host: str, port: int, threads: int) -> None:
    """Serve the API on host:port with waitress until interrupted.

    Waitress is a production WSGI server in pure Python: the same command serves a laptop and
    a small installation, with none of the development server's caveats. Its own error answers
    are problem documents too (``server_errors``).

    Logging is set up before the app exists, so that Flask adds no handler of its own beside the
    one waitress would add: each message is written once.
    """
    logging.basicConfig(format=LOG_FORMAT)
    server_errors.serve(create_app(register), host=host, port=port, threads=threads, ident="ropa")


def try_it_lines(register: Service, base_url: str) -> list[str]:
    """Load the example if missing, make a DPO and an auditor token, and say how to use them."""
    load_example(register, say=lambda line: None)
    _, dpo = register.tokens.create("dpo", "Try-it DPO")
    _, auditor = register.tokens.create("auditor", "Try-it auditor")
    activity = example_id(EntryKind.ACTIVITY, TRY_ACTIVITY)
    reader = register.reader
    current = reader.entry(EntryKind.ACTIVITY, activity, reader.moment())
    version = current.version if current else 1

    def curl(token: str, *args: str) -> str:
        return shlex.join(["curl", "-s", "-H", f"Authorization: Bearer {token}", *args])

    return [
        f"The example register is loaded. API docs: {base_url}/docs",
        f"DPO token:     {dpo}",
        f"Auditor token: {auditor}",
        "",
        "Try it:",
        curl(auditor, f"{base_url}/api/v1/register?as_of=2023-10-24&format=md"),
        curl(dpo, "-i", f"{base_url}/api/v1/activities/{activity}"),
        curl(
            dpo,
            "-X",
            "PATCH",
            "-H",
            f'If-Match: "{version}"',
            "-H",
            "Content-Type: application/json",
            "-d",
            '{"owner": "Customer service", "reason": "Tried the API"}',
            f"{base_url}/api/v1/activities/{activity}",
        ),
        "",
    ]


def serve_example(
    register: Service, host: str, port: int, threads: int, say: Callable[[str], None] = print
) -> None:
    for line in try_it_lines(register, f"http://{host}:{port}"):
        say(line)
    serve(register, host, port, threads)
