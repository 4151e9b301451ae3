"""A store written by commit aa56131 keeps its meaning: it imports with the same head digest and
answers every past (as_of, known_at) and every entry's history exactly as that commit did.

The fixture was made by ``tests/fixtures/make_old_store.py`` with that commit's code. The test
drives only the ``ropa`` command line (import-events, verify, register, history), as a user
would, so that it holds whatever becomes of the code behind it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from register.application.service import Service
from register.bootstrap import bootstrap
from register.cli import main
from register.domain.commands import AmendEntry, ReinstateEntry, RetireEntry
from register.domain.kinds import EntryKind
from register.importers.example import example_id, load_example
from register.settings import Settings
from tests.api.client import ApiClient

FIXTURES = Path(__file__).parent / "fixtures"
NEWSLETTER = example_id(EntryKind.ACTIVITY, "newsletter")
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


Ropa = Callable[..., str]

# A token the aa56131 store issued (``ropa token create --role dpo --name "Old DPO"``).
OLD_DPO_TOKEN = "ropa_fzsuriMJrsvdyMB8EM_I78zimgmQ59DLw_4VdXgW8Go"


def runner(url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Ropa:
    """Run ``ropa`` against ``url`` as a user would; return what it printed."""
    monkeypatch.setenv("ROPA_DATABASE_URL", url)

    def run(*args: str) -> str:
        status = main(list(args))
        captured = capsys.readouterr()
        assert status == 0, f"ropa {' '.join(args)} failed: {captured.err}"
        return captured.out

    return run


@pytest.fixture
def ropa(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Ropa:
    return runner(database_url, monkeypatch, capsys)


def assert_answers_as_it_did(ropa: Ropa) -> None:
    """The head digest, every register at the grid of moments, and every entry's history."""
    integrity = EXPECTED["integrity"]
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


def test_a_store_written_by_aa56131_answers_as_it_did(ropa: Ropa) -> None:
    integrity = EXPECTED["integrity"]
    imported = ropa("import-events", str(FIXTURES / EXPECTED["events_file"]))
    assert f"{integrity['count']} events" in imported
    assert integrity["head_digest"] in imported
    assert_answers_as_it_did(ropa)


def test_a_database_file_written_by_aa56131_opens_in_place_and_answers_as_it_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The SQLite file itself, as aa56131 left it (the events imported, one token issued): the
    tables added since (the token log, the projection's digest, a ledger index) are added on
    opening, and nothing it answered changes."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "old-store-aa56131.sqlite", path)
    url = f"sqlite:///{path}"
    ropa = runner(url, monkeypatch, capsys)
    assert_answers_as_it_did(ropa)
    assert "intact" in ropa("verify", "--read-model")

    service = bootstrap(Settings(database_url=url))
    try:
        client = ApiClient(create_app(service).test_client(), OLD_DPO_TOKEN)
        current = client.get(f"/api/v1/activities/{NEWSLETTER}")
        assert current.status_code == 200
        amended = client.patch(
            f"/api/v1/activities/{NEWSLETTER}",
            {"owner": "Marketing"},
            version=current.get_json()["version"],
        )
        assert amended.status_code == 200, amended.get_json()
        assert amended.get_json()["owner"] == "Marketing"
    finally:
        service.close()
    assert f"{EXPECTED['integrity']['count'] + 1} events" in ropa("verify", "--read-model")


def test_events_written_now_keep_the_shape_of_the_old_stores(service: Service) -> None:
    """Every event type is stored with the same keys as aa56131 stored it, so its exports stay
    readable there and here without an upcaster."""
    old: dict[str, list[str]] = {}
    for line in (FIXTURES / EXPECTED["events_file"]).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        old.setdefault(item["topic"], list(json.loads(item["state"])))
    load_example(service, say=lambda _: None)
    activity = example_id(EntryKind.ACTIVITY, "live_demo")
    commands = (
        AmendEntry(actor="dpo", kind=EntryKind.ACTIVITY, entry_id=activity, content={"owner": "x"}),
        RetireEntry(actor="dpo", kind=EntryKind.ACTIVITY, entry_id=activity),
        ReinstateEntry(actor="dpo", kind=EntryKind.ACTIVITY, entry_id=activity),
    )
    service.commands.execute_all(commands)
    new: dict[str, list[str]] = {}
    for line in service.maintenance.export_lines():
        item = json.loads(line)
        new.setdefault(item["topic"], list(json.loads(item["state"])))
    assert {"ropa:Activity.Retired", "ropa:Activity.Reinstated"} <= set(new)
    shared = set(old) & set(new)
    assert shared >= {"ropa:Activity.Registered", "ropa:Activity.Amended", "ropa:Activity.Retired"}
    assert {topic: new[topic] for topic in shared} == {topic: old[topic] for topic in shared}
