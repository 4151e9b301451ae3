"""A store written by commit aa56131 keeps its meaning: it imports with the same head digest and
answers every past (as_of, known_at) and every entry's history exactly as that commit did.

The fixture was made by ``tests/fixtures/make_old_store.py`` with that commit's code. The test
drives only the ``ropa`` command line (import-events, verify, register, history), as a user
would, so that it holds whatever becomes of the code behind it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from register.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED: dict[str, Any] = json.loads(
    (FIXTURES / "old-store-aa56131.expected.json").read_text(encoding="utf-8")
)


def canonical_sha256(document: Any) -> str:
    """The hash of the one spelling of a value: sorted keys, no spaces, UTF-8 as is.

    Spelled out here rather than imported, so that a change to the register's own canonical form
    shows up as a failure instead of moving both sides at once.
    """
    spelled = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(spelled.encode("utf-8")).hexdigest()


@pytest.fixture
def ropa(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., str]:
    """Run ``ropa`` against a fresh database as a user would; return what it printed."""
    monkeypatch.setenv("ROPA_DATABASE_URL", database_url)

    def run(*args: str) -> str:
        status = main(list(args))
        captured = capsys.readouterr()
        assert status == 0, f"ropa {' '.join(args)} failed: {captured.err}"
        return captured.out

    return run


def test_a_store_written_by_aa56131_answers_as_it_did(ropa: Callable[..., str]) -> None:
    integrity = EXPECTED["integrity"]
    imported = ropa("import-events", str(FIXTURES / EXPECTED["events_file"]))
    assert f"{integrity['count']} events" in imported
    assert integrity["head_digest"] in imported
    verified = ropa("verify")
    assert f"{integrity['count']} events" in verified
    assert integrity["head_digest"] in verified

    def register(as_of: str, known_at: str) -> dict[str, Any]:
        return json.loads(ropa("register", "--as-of", as_of, "--known-at", known_at))

    # The whole registers first: when one differs, pytest shows where.
    for stored in EXPECTED["documents"]:
        assert register(stored["as_of"], stored["known_at"]) == stored["document"]

    changed = []
    for moment in EXPECTED["moments"]:
        answer = register(moment["as_of"], moment["known_at"])
        if (answer["digest"], canonical_sha256(answer)) != (moment["digest"], moment["sha256"]):
            changed.append((moment["as_of"], moment["known_at"]))
    assert changed == [], "the register answers differently at these (as_of, known_at)"

    for entry_id, stored in EXPECTED["histories"].items():
        assert json.loads(ropa("history", entry_id)) == stored["history"], stored["kind"]
