"""A request id on every response, so that a logged error and a user's report meet."""

from __future__ import annotations

import re
import uuid

from flask import Flask, Response, g, request

HEADER = "X-Request-ID"
_ACCEPTABLE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def _assign() -> None:
    given = request.headers.get(HEADER, "")
    g.request_id = given if _ACCEPTABLE.match(given) else uuid.uuid4().hex


def _echo(response: Response) -> Response:
    response.headers[HEADER] = g.get("request_id", "")
    return response


def install(app: Flask) -> None:
    app.before_request(_assign)
    app.after_request(_echo)
