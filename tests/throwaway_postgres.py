"""A PostgreSQL instance of a test's own, on a free port of 127.0.0.1, to stop, freeze and restart.

Outage tests must never touch the shared server: this one lives in a temporary folder, is run
as the ``postgres`` user when the tests run as root (``initdb`` refuses root), and is stopped
and removed however the test ends. Every command it runs is bounded in time.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from tests.support import POSTGRES_REQUIRED

BIN = Path("/usr/lib/postgresql/15/bin")
COMMAND_SECONDS = 60


def unavailable_reason() -> str | None:
    """Why no throwaway instance can be made here, or None when one can."""
    if not (BIN / "initdb").exists():
        return f"no {BIN / 'initdb'}: install PostgreSQL 15's server binaries"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run initdb as"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Instance:
    """One PostgreSQL server: its data folder, its port, and the means to upset it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(
            [*as_postgres, *command],
            check=True,
            timeout=COMMAND_SECONDS,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )

    def create(self) -> None:
        self._run(
            str(BIN / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            "postgres",
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-sync",
            "--no-instructions",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c max_connections=40"
        )
        self._run(
            str(BIN / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--log",
            str(self.folder / "server.log"),
            "--wait",
            "--timeout",
            str(COMMAND_SECONDS // 2),
            "--options",
            options,
            "start",
        )

    def stop(self) -> None:
        """Stop at once, as a crash would: committed work survives through the WAL."""
        self._run(
            str(BIN / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--mode",
            "immediate",
            "--wait",
            "--timeout",
            str(COMMAND_SECONDS // 2),
            "stop",
        )

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def _postmaster(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def _children(self, postmaster: int) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                stat = (entry / "stat").read_text() if entry.name.isdigit() else ""
            except OSError:  # it ended meanwhile
                continue
            if stat and int(stat.rsplit(")", 1)[1].split()[1]) == postmaster:
                found.append(int(entry.name))
        return found

    def freeze(self) -> None:
        """SIGSTOP the whole server: it accepts connections and data but never answers. The
        postmaster first, so that it starts no process that would escape."""
        postmaster = self._postmaster()
        os.kill(postmaster, signal.SIGSTOP)
        for pid in self._children(postmaster):
            _signal(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        postmaster = self._postmaster()
        for pid in self._children(postmaster):
            _signal(pid, signal.SIGCONT)
        os.kill(postmaster, signal.SIGCONT)


def _signal(pid: int, number: signal.Signals) -> None:
    with suppress(ProcessLookupError):  # it ended meanwhile: nothing to stop or resume
        os.kill(pid, number)


@contextmanager
def throwaway_postgres() -> Iterator[Instance]:
    """A fresh instance, started; skipped with the reason when none can be made here (failed
    under ROPA_REQUIRE_POSTGRES=1), stopped and removed afterwards."""
    reason = unavailable_reason()
    if reason:
        if POSTGRES_REQUIRED:
            pytest.fail(f"{reason}; ROPA_REQUIRE_POSTGRES=1 forbids skipping")
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="ropa-outage-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    instance = Instance(folder)
    try:
        instance.create()
        instance.start()
        yield instance
    finally:
        try:
            if instance.running():
                with suppress(OSError, ValueError):  # a pid file half written or gone
                    instance.thaw()
                instance.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
