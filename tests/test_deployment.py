"""docker-compose.yml cannot be run here (no container engine), so it is checked by reading:
the API runs under a production WSGI server with several workers against PostgreSQL, waits
for the database's health check, and has a health check of its own."""

from __future__ import annotations

import importlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_api_runs_gunicorn_workers_against_postgres() -> None:
    api = compose()["services"]["api"]
    command = api["command"]
    assert command[0] == "gunicorn" and int(command[command.index("--workers") + 1]) > 1
    assert api["environment"]["ROPA_DATABASE_URL"].startswith("postgresql://")
    assert api["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/ready" in " ".join(api["healthcheck"]["test"])


def test_database_has_a_health_check_and_matching_credentials() -> None:
    services = compose()["services"]
    db = services["db"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    env = db["environment"]
    expected = (
        f"postgresql://{env['POSTGRES_USER']}:{env['POSTGRES_PASSWORD']}@db:5432/"
        f"{env['POSTGRES_DB']}"
    )
    assert services["api"]["environment"]["ROPA_DATABASE_URL"] == expected


def test_the_wsgi_target_and_server_are_what_the_image_installs() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    target = re.search(r'"(api\.wsgi):(app)"', dockerfile)
    assert target is not None
    assert target.group(1) in " ".join(compose()["services"]["api"]["command"])
    assert importlib.util.find_spec(target.group(1)) is not None
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'server = \["gunicorn', pyproject) and "'.[server]'" in dockerfile


def test_gunicorn_serves_the_app_with_several_workers(tmp_path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    env = {**os.environ, "ROPA_DATABASE_URL": f"sqlite:///{tmp_path}/ropa.db"}
    server = subprocess.Popen(
        [gunicorn, "--workers", "2", "--bind", f"127.0.0.1:{port}", "api.wsgi:app"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=2) as reply:
                    assert reply.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not answer /ready in 30 s"
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=10)
