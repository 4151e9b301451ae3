"""Headers every answer carries so that browsers and caches keep to what the API means.

An answer to an authenticated request holds register content for one role, or a token's secret:
no cache may keep it (``Cache-Control: no-store``). And no answer, an error's included, may be
read by a browser as anything but the content type it declares (``nosniff``).
"""

from __future__ import annotations

from flask import Flask, Response, g, request

NO_STORE = "no-store"


def _secure(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    if "Authorization" in request.headers or g.get("token") is not None:
        response.headers["Cache-Control"] = NO_STORE
    return response


def install(app: Flask) -> None:
    app.after_request(_secure)
