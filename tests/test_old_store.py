"""A store written by commit aa56131 keeps its meaning: it imports with the same head digest and
answers every past (as_of, known_at) and every entry's history as that commit did.

Since then the Article 30 model changed the shape of entries (``register.domain.upcasting``).
So what aa56131 answered is read in today's shape before it is compared: folding the old events
read through the upcaster must give what aa56131's fold gave, read the same way. What the old
shape says literally is checked too, in ``test_old_events_read_in_the_new_shape``.

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
from register.domain.catalogue import spec
from register.domain.commands import AmendEntry, ReinstateEntry, RetireEntry
from register.domain.kinds import EntryKind
from register.domain.upcasting import fields_v1_to_v2
from register.importers.example import example_id, load_example
from register.settings import Settings
from tests.api.client import ApiClient
from tests.old_shape import OLD_FIELDS, in_aa56131_shape

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


NEW_FIELDS = {
    name
    for kind, plural in ((EntryKind.ACTIVITY, "activities"), (EntryKind.RECIPIENT, "recipients"))
    for name in spec(kind).by_name
    if name not in OLD_FIELDS[plural]
} | {"notes", "audience", "covers", "source_sha256"}
KINDS = {"organisation": EntryKind.ORGANISATION, "policy": EntryKind.POLICY}
PLURALS = {"activities": EntryKind.ACTIVITY, "recipients": EntryKind.RECIPIENT}


def in_todays_shape(document: dict[str, Any]) -> dict[str, Any]:
    """A register aa56131 answered, with each entry read as an event of today would be."""
    result = dict(document)
    for plural, kind in PLURALS.items():
        result[plural] = [fields_v1_to_v2(kind, e, whole=True) for e in document[plural]]
    for key, kind in KINDS.items():
        if document.get(key) is not None:
            result[key] = fields_v1_to_v2(kind, document[key], whole=True)
    return result


def upcast_changes(kind: EntryKind, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A history item's field changes as aa56131 gave them, with both sides in today's shape;
    a change that reads as none in today's shape (an empty list, now not recorded) drops out."""
    result = []
    for change in changes:
        name = change["field"]
        before, after = (
            fields_v1_to_v2(kind, {name: change[side]}, whole=False)[name]
            for side in ("before", "after")
        )
        if before != after:
            result.append({"field": name, "before": before, "after": after})
    return result


def old_changes(kind: EntryKind, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A history item's field changes today, less the fields aa56131 did not have that a
    registration set to their default."""
    fields = spec(kind).by_name
    return [
        c
        for c in changes
        if not (
            c["field"] in NEW_FIELDS
            and c["before"] is None
            and c["after"] == fields[c["field"]].initial()
        )
    ]


def history_as(
    shape: Callable[[EntryKind, list[dict[str, Any]]], list[dict[str, Any]]],
    kind: EntryKind,
    history: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    return [{**item, "changes": shape(kind, item["changes"])} for item in history]


def without_digest(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "digest"}


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
        answer = register(stored["as_of"], stored["known_at"])
        assert without_digest(answer) == without_digest(in_todays_shape(stored["document"]))
        assert answer["digest"] == canonical_sha256(without_digest(answer))

    changed = []
    for moment in EXPECTED["moments"]:
        old = without_digest(in_aa56131_shape(register(moment["as_of"], moment["known_at"])))
        old_digest = canonical_sha256(old)
        old_sha256 = canonical_sha256({**old, "digest": old_digest})
        if (old_digest, old_sha256) != (moment["digest"], moment["sha256"]):
            changed.append((moment["as_of"], moment["known_at"]))
    assert changed == [], "the register answers differently at these (as_of, known_at)"

    for entry_id, stored in EXPECTED["histories"].items():
        kind = EntryKind(stored["kind"])
        answer = json.loads(ropa("history", entry_id))
        assert history_as(old_changes, kind, answer) == history_as(
            upcast_changes, kind, stored["history"]
        ), stored["kind"]


def test_a_store_written_by_aa56131_answers_as_it_did_and_after_a_rebuild(ropa: Ropa) -> None:
    integrity = EXPECTED["integrity"]
    imported = ropa("import-events", str(FIXTURES / EXPECTED["events_file"]))
    assert f"{integrity['count']} events" in imported
    assert integrity["head_digest"] in imported
    assert_answers_as_it_did(ropa)
    assert "rebuilt" in ropa("rebuild")
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


def test_events_written_now_differ_from_the_old_stores_only_by_their_class_version(
    service: Service,
) -> None:
    """Every event type is stored with the keys aa56131 stored it with; registrations and
    amendments add only ``class_version``, which tells the upcaster to leave them alone."""
    old: dict[str, list[str]] = {}
    for line in (FIXTURES / EXPECTED["events_file"]).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        old.setdefault(item["topic"], sorted(json.loads(item["state"])))
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
        new.setdefault(item["topic"], sorted(json.loads(item["state"])))
    assert {"ropa:Activity.Retired", "ropa:Activity.Reinstated"} <= set(new)
    shared = set(old) & set(new)
    assert shared >= {"ropa:Activity.Registered", "ropa:Activity.Amended", "ropa:Activity.Retired"}
    expected = {
        topic: sorted(old[topic] + ["class_version"])
        if topic.endswith((".Registered", ".Amended", ".Published"))
        else old[topic]
        for topic in shared
    }
    assert {topic: new[topic] for topic in shared} == expected
    versions = {
        json.loads(item)["topic"]: json.loads(json.loads(item)["state"]).get("class_version")
        for item in service.maintenance.export_lines()
    }
    assert versions["ropa:Activity.Registered"] == 2
    assert versions["ropa:Activity.Retired"] is None
