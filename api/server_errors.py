"""Serving with waitress, whose own error answers are problem documents too.

Waitress answers some requests itself, before the app runs: a malformed request line or header
(400), headers over its limit (431), a body over its own limit (413), an unsupported transfer
coding (501). It writes them in plain text, echoing parts of the request. Its channel names the
task class that writes those answers, so the server made here gives its channels one that writes
``application/problem+json`` in the API's shape, with the echo cut short.
"""

from __future__ import annotations

import json
from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask

from api.extensions.problems import PROBLEM_JSON, kind_for_status
from register.domain.quoting import shown

DETAIL_LENGTH = 200


class ProblemErrorTask(ErrorTask):
    """Waitress's error answer, as a problem document."""

    def execute(self) -> None:
        error = self.request.error
        kind = kind_for_status(error.code)
        body = json.dumps(
            {
                "type": kind.uri,
                "title": kind.title,
                "status": error.code,
                "detail": "The server could not read the request: "
                f"{shown(error.body, DETAIL_LENGTH)}.",
            }
        ).encode("utf-8")
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend(
            [("Content-Type", PROBLEM_JSON), ("X-Content-Type-Options", "nosniff")]
        )
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class ProblemChannel(HTTPChannel):
    error_task_class = ProblemErrorTask


def problem_server(app: Any, **adjustments: Any) -> BaseWSGIServer:
    """A waitress server for ``app`` on one address, as ``waitress.create_server`` makes it."""
    server = create_server(app, **adjustments)
    server.channel_class = ProblemChannel
    return server


def serve(app: Any, **adjustments: Any) -> None:
    """Serve ``app`` until interrupted, as ``waitress.serve`` does (logging is the caller's)."""
    server = problem_server(app, **adjustments)
    server.print_listen("Serving on http://{}:{}")
    server.run()
