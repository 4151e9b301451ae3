"""The try-it run (``ropa serve --example``) prints a DPO token, an auditor token and three
curl lines that work as printed: each line is replayed here against the app, word for word."""

from __future__ import annotations

import shlex
from urllib.parse import urlsplit

from flask import Flask

from api.serve import try_it_lines
from register.application.service import Service

BASE = "http://127.0.0.1:8000"


def replay(app: Flask, line: str):
    words = shlex.split(line)
    assert words[0] == "curl"
    method, headers, data, url = "GET", {}, None, None
    options = iter(words[1:])
    for word in options:
        if word == "-X":
            method = next(options)
        elif word == "-H":
            name, _, value = next(options).partition(": ")
            headers[name] = value
        elif word == "-d":
            data = next(options)
        elif word in ("-s", "-i"):
            continue
        else:
            url = urlsplit(word)
    assert url is not None and f"{url.scheme}://{url.netloc}" == BASE
    return app.test_client().open(
        url.path, method=method, query_string=url.query, headers=headers, data=data
    )


def test_the_printed_curl_lines_work_as_printed(app: Flask, service: Service):
    lines = try_it_lines(service, BASE)
    tokens = [line.split()[-1] for line in lines if " token:" in line]
    assert len(tokens) == 2 and all(token.startswith("ropa_") for token in tokens)
    curls = [line for line in lines if line.startswith("curl ")]
    assert len(curls) == 3
    for line in curls:
        response = replay(app, line)
        assert response.status_code == 200, (line, response.get_data(as_text=True))
    assert "Opgelucht" in replay(app, curls[0]).get_data(as_text=True)
