"""The ``ropa`` command line against a real store (SPEC §8)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from register.domain.kinds import EntryKind
from register.importers import example_source
from tests.support import database

# A fresh load records one event per entry of the example.
EXAMPLE = example_source.current().items
ENTRIES = len(EXAMPLE)
ACTIVITIES = sum(item.kind == EntryKind.ACTIVITY for item in EXAMPLE)


def test_load_example_twice_says_nothing_changed(ropa) -> None:
    status, out, _ = ropa("load-example")
    assert status == 0 and f"Added {ENTRIES} entries." in out
    status, out, _ = ropa("load-example")
    assert status == 0 and "already loaded; nothing changed" in out


def test_register_as_json_and_markdown(ropa, tmp_path) -> None:
    ropa("load-example")
    status, out, _ = ropa("register", "--as-of", "2023-10-24")
    register = json.loads(out)
    assert status == 0 and len(register["activities"]) == ACTIVITIES
    assert register["history"]["position"] == ENTRIES
    target = tmp_path / "register.md"
    status, out, _ = ropa(
        "register", "--as-of", "2023-10-24", "--format", "md", "--lang", "nl", "-o", str(target)
    )
    assert status == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert "Verwerkingen als verwerker" in text and "Werving en selectie" in text


def test_history_of_an_entry(ropa) -> None:
    ropa("load-example")
    _, out, _ = ropa("register", "--as-of", "2023-10-24")
    activity = json.loads(out)["activities"][0]
    status, out, _ = ropa("history", activity["id"])
    (item,) = json.loads(out)
    assert status == 0 and item["type"] == "registered" and item["actor"] == "example-loader"


def test_rebuild_reproduces_the_register(ropa) -> None:
    ropa("load-example")
    moment = ("--as-of", "2023-10-24", "--known-at", datetime.now(UTC).isoformat())
    _, before, _ = ropa("register", *moment)
    status, out, err = ropa("rebuild")
    assert status == 0 and f"rebuilt up to position {ENTRIES}." in out
    assert f"{ENTRIES} events" in err
    _, after, _ = ropa("register", *moment)
    assert after == before
    status, out, _ = ropa("rebuild", "register")
    assert status == 0 and f"rebuilt up to position {ENTRIES}." in out
    status, _, err = ropa("rebuild", "nosuch")
    assert status == 1 and "no read model nosuch" in err and "register" in err


def test_export_then_import_reproduces_register_and_head_digest(
    ropa, tmp_path, monkeypatch, request
) -> None:
    ropa("load-example")
    _, verified, _ = ropa("verify")
    moment = ("--as-of", "2023-10-24", "--known-at", datetime.now(UTC).isoformat())
    _, before, _ = ropa("register", *moment)
    export = tmp_path / "events.jsonl"
    assert ropa("export-events", str(export))[0] == 0
    assert len(export.read_text().splitlines()) == ENTRIES
    engine = "postgres" if "postgres" in request.node.name else "sqlite"
    with database(engine, str(tmp_path)) as other:
        monkeypatch.setenv("ROPA_DATABASE_URL", other)
        status, out, _ = ropa("import-events", str(export))
        assert status == 0 and verified.split("head digest ")[1].strip() in out
        _, after, _ = ropa("register", *moment)
        assert after == before
        status, _, err = ropa("import-events", str(export))
        assert status == 1 and "already holds events" in err


def test_import_refuses_an_altered_export(ropa, tmp_path, monkeypatch, request) -> None:
    ropa("load-example")
    export = tmp_path / "events.jsonl"
    ropa("export-events", str(export))
    lines = export.read_text(encoding="utf-8").splitlines()
    assert "Hostingpartij" in lines[2]
    lines[2] = lines[2].replace("Hostingpartij", "Hostingpartij B.V.")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    engine = "postgres" if "postgres" in request.node.name else "sqlite"
    with database(engine, str(tmp_path)) as other:
        monkeypatch.setenv("ROPA_DATABASE_URL", other)
        status, _, err = ropa("import-events", str(export))
        assert status == 1 and "ropa: line 3: " in err and "Nothing was imported" in err
        status, out, _ = ropa("verify")
        assert status == 0 and "intact: 0 events" in out


def test_token_create_prints_the_token_alone_on_its_last_line(ropa) -> None:
    status, out, _ = ropa("token", "create", "--role", "auditor", "--name", "Audit firm")
    token = out.strip().splitlines()[-1]
    assert status == 0 and token.startswith("ropa_") and " " not in token
    _, listed, _ = ropa("token", "list")
    assert "auditor" in listed and "Audit firm" in listed and token not in listed
    token_id = listed.split()[0]
    status, out, _ = ropa("token", "revoke", token_id)
    assert status == 0 and "Revoked" in out
    _, listed, _ = ropa("token", "list")
    assert "revoked" in listed


def test_failures_are_one_line_and_non_zero(ropa) -> None:
    status, _, err = ropa("history", "not-an-id")
    assert status == 1 and err.count("\n") == 1 and err.startswith("ropa: ")
    status, _, err = ropa("register", "--as-of", "24-10-2023")
    assert status == 1 and "YYYY-MM-DD" in err
    status, _, err = ropa("import-events", "/nonexistent/file.jsonl")
    assert status == 1 and err.count("\n") == 1
