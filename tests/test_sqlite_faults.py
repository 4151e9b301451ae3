"""The SQLite store's file is deleted, replaced or made read-only while the API serves (issue 7,
faults).

SQLite keeps a deleted or replaced file open and goes on writing into it, so without a check
such writes were acknowledged and lost on restart, and /ready said 200. Now every write first
checks that the path still names the file the store opened and that it and its folder can be
written, and checks the path again after the commit: writes get 503 with Retry-After, /ready
503, /health 200, and everything acknowledged is in the store the next start opens.

Root ignores file modes, so as root "read-only" is the immutable attribute (``chattr +i``),
which stops root too; as another user it is ``chmod a-w``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from werkzeug.test import TestResponse

from api.app import create_app
from register.bootstrap import bootstrap
from register.domain.entries import Entry
from register.settings import DEFAULT_STATEMENT_TIMEOUT, Settings
from tests.api.client import ApiClient, problem, recipient_body


class Served:
    """The API over a SQLite store in ``folder``, and every write it was sent, by answer."""

    def __init__(self, folder: Path, statement_timeout: int = DEFAULT_STATEMENT_TIMEOUT) -> None:
        self.folder = folder
        self.path = folder / "ropa.db"
        self.settings = Settings(
            database_url=f"sqlite:///{self.path}", statement_timeout=statement_timeout
        )
        self.service = bootstrap(self.settings)
        token = self.service.tokens.create("dpo", "Faults DPO")[1]
        self.api = ApiClient(create_app(self.service).test_client(), token)
        self.acknowledged: list[str] = []
        self.refused: list[str] = []

    def write(self) -> TestResponse:
        name = f"Recipient {len(self.acknowledged) + len(self.refused) + 1}"
        response = self.api.post("/api/v1/recipients", recipient_body(name=name))
        (self.acknowledged if response.status_code == 201 else self.refused).append(name)
        return response

    def check_refused(self) -> None:
        """Writes and readiness fail as unavailable; liveness holds."""
        body = problem(self.write(), 503)
        assert body["type"] == "urn:ropa:problem:database-unavailable"
        ready = self.api.get("/ready")
        assert problem(ready, 503)["type"] == "urn:ropa:problem:not-ready"
        assert ready.headers["Retry-After"].isdigit()
        assert self.api.get("/health").status_code == 200

    def check_served(self) -> None:
        assert self.write().status_code == 201
        assert self.api.get("/ready").status_code == 200

    def check_kept_after_restart(self) -> None:
        """The store the next start opens holds each acknowledged write once, and no refused
        one."""
        self.service.close()
        self.service = bootstrap(self.settings)
        names = [
            event.fields["name"]
            for _, stored in self.service.store.everything()
            if isinstance(event := self.service.store.decode(stored), Entry.Registered)
        ]
        assert sorted(names) == sorted(self.acknowledged)
        assert self.service.reader.integrity().intact


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    served = Served(tmp_path / "var")
    try:
        for _ in range(3):
            served.check_served()
        yield served
    finally:
        served.service.close()


@contextmanager
def read_only(place: Path) -> Iterator[None]:
    """``place`` cannot be written, even by root, until the block ends."""
    if os.geteuid() != 0:
        mode = place.stat().st_mode
        place.chmod(mode & ~0o222)
        try:
            yield
        finally:
            place.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root, which ignores file modes, and there is no chattr")
    made = subprocess.run(["chattr", "+i", str(place)], capture_output=True, text=True, timeout=10)
    if made.returncode != 0:
        pytest.skip(f"running as root, which ignores file modes, and {made.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(place)], check=True, timeout=10)


def another_store(folder: Path) -> Path:
    """The file of a second, closed store: what an operator might copy over the first."""
    other = bootstrap(Settings(database_url=f"sqlite:///{folder}/other.db"))
    other.close()
    return folder / "other.db"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_folder_deleted_while_serving(served: Served) -> None:
    shutil.rmtree(served.folder)
    served.check_refused()
    served.acknowledged.clear()  # deleted with the folder, by the operator
    served.check_kept_after_restart()


def test_the_folder_moved_away_and_back_while_serving(served: Served, tmp_path: Path) -> None:
    served.folder.rename(tmp_path / "moved")
    served.check_refused()
    (tmp_path / "moved").rename(served.folder)
    served.check_served()
    served.check_kept_after_restart()


def test_the_file_replaced_by_another_store_while_serving(served: Served, tmp_path: Path) -> None:
    kept = tmp_path / "kept.db"
    os.link(served.path, kept)
    other = another_store(tmp_path)
    before = digest(other)
    os.replace(other, served.path)
    served.check_refused()
    assert digest(served.path) == before, "the service wrote into a file it did not open"
    os.replace(kept, served.path)
    served.check_served()
    served.check_kept_after_restart()


@pytest.mark.parametrize("place", [lambda s: s.path, lambda s: s.folder], ids=["file", "folder"])
def test_made_read_only_while_serving(served: Served, place: Callable[[Served], Path]) -> None:
    with read_only(place(served)):
        served.check_refused()
        assert served.api.get("/api/v1/recipients").status_code == 200  # reads go on
    served.check_served()
    served.check_kept_after_restart()


def test_a_write_whose_file_is_replaced_before_it_commits_is_not_acknowledged(
    served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "kept.db"
    os.link(served.path, kept)
    other = another_store(tmp_path)
    append = served.service.store.append

    def append_then_replace(*args, **kwargs):
        positions = append(*args, **kwargs)
        os.replace(other, served.path)
        return positions

    monkeypatch.setattr(served.service.store, "append", append_then_replace)
    assert problem(served.write(), 503)["type"] == "urn:ropa:problem:database-unavailable"
    monkeypatch.undo()
    os.replace(kept, served.path)
    served.check_served()
    # the refused write did reach the kept file: the 503 says it may have, and it is there
    served.acknowledged.append(served.refused.pop())
    served.check_kept_after_restart()


def test_every_commit_is_synced_and_a_locked_store_is_waited_for_in_bounds(
    served: Served,
) -> None:
    with served.service.store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        busy = connection.execute(text("PRAGMA busy_timeout")).scalar()
    assert busy == served.settings.statement_timeout * 1000


def test_a_store_another_process_keeps_locked_answers_503_within_the_busy_timeout(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    served = Served(tmp_path / "var", statement_timeout=1)
    try:
        served.check_served()
        other = sqlite3.connect(served.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            began = time.monotonic()
            caplog.clear()
            response = served.write()
            waited = time.monotonic() - began
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert problem(response, 503)["type"] == "urn:ropa:problem:database-unavailable"
        assert response.headers["Retry-After"].isdigit()
        assert 1 <= waited < 3, waited
        assert [(r.levelname, r.exc_info) for r in caplog.records] == [("WARNING", None)]
        assert "database is locked" in caplog.records[0].getMessage()
        served.check_served()
        served.check_kept_after_restart()
    finally:
        served.service.close()
