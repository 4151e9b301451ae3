"""An import file is hostile input: a chain consistent with itself proves only that nobody changed
the file after it was written, not that the register wrote it.

Each tampered file here carries a recomputed chain, so only the register's own rules can refuse
it. Every refusal must be one line on standard error naming the file's line, and must leave the
store empty: the import is all or nothing. Everything runs through the ``ropa`` command line, on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.persistence import StoredEvent

from register.bootstrap import bootstrap
from register.domain.chain import GENESIS, chain_digest, content_digest
from register.importers.example import load_example
from register.settings import Settings
from tests.support import FakeClock

FIXTURES = Path(__file__).parent / "fixtures"
OLD_STORE = FIXTURES / "old-store-aa56131.jsonl"
OLD_HEAD = json.loads((FIXTURES / "old-store-aa56131.expected.json").read_text("utf-8"))[
    "integrity"
]["head_digest"]

Event = dict[str, Any]
Ropa = Callable[..., tuple[int, str, str]]

# The fixture: run ``ropa`` on a fresh, empty database; its status, output and errors.


def events_of(path: Path) -> list[Event]:
    """The events of an export, each with its state parsed, to be edited."""
    events = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for event in events:
        event["state"] = json.loads(event["state"])
    return events


def rechained(events: list[Event], path: Path) -> Path:
    """Write the events as an export whose content and chain digests agree with them, as a
    forger who recomputes the chain would. A state given as text is written as it is."""
    previous = GENESIS
    with path.open("w", encoding="utf-8") as out:
        for position, event in enumerate(events, start=1):
            state = event["state"]
            text = state if isinstance(state, str) else json.dumps(state, separators=(",", ":"))
            stored = StoredEvent(
                uuid.UUID(event["originator_id"]),
                event["originator_version"],
                event["topic"],
                text.encode("utf-8"),
            )
            content = content_digest(stored)
            previous = chain_digest(previous, content)
            line = {
                **event,
                "position": position,
                "state": text,
                "content_digest": content,
                "chain_digest": previous,
            }
            out.write(json.dumps(line) + "\n")
    return path


def change(
    topic: str,
    entry_id: str,
    version: int,
    recorded: str,
    effective: str,
    fields: dict[str, Any] | None = None,
) -> Event:
    """A change to an entry, as the register stores one."""
    state: dict[str, Any] = {
        "timestamp": {"_type_": "datetime_iso", "_data_": recorded},
        "effective_from": {"_type_": "date_iso", "_data_": effective},
        "actor": "dpo",
        "reason": None,
    }
    if fields is not None:
        state["fields"] = fields
    return {
        "originator_id": entry_id,
        "originator_version": version,
        "topic": topic,
        "state": state,
    }


def assert_refused(ropa: Ropa, path: Path, line: int, words: str, *options: str) -> None:
    """Refused on one line naming ``line``, and nothing of the file is in the store."""
    status, out, err = ropa("import-events", str(path), *options)
    assert status == 1 and out == ""
    assert err.count("\n") == 1, err
    assert err.startswith(f"ropa: line {line}: ") and err.endswith(". Nothing was imported.\n")
    assert words in err, err
    assert "intact: 0 events" in ropa("verify")[1]


# The old store's lines: 1 the organisation, 2-9 recipients, 10-18 activities, 19 the privacy
# statement, 20 a recipient added later, 21-22 amendments of two activities (22 backdated),
# 23 the retirement of an activity, 24 an amendment of the organisation.


def _fields(line: int) -> Callable[[list[Event]], dict[str, Any]]:
    return lambda events: events[line - 1]["state"]["fields"]


def _set(line: int, **values: Any) -> Callable[[list[Event]], None]:
    """Set top-level keys of a line (``topic``, ``originator_version``, ``originator_id``)."""
    return lambda events: events[line - 1].update(values)


def _state(line: int, **values: Any) -> Callable[[list[Event]], None]:
    return lambda events: events[line - 1]["state"].update(values)


def _field(line: int, name: str, value: Any) -> Callable[[list[Event]], None]:
    return lambda events: _fields(line)(events).update({name: value})


def _append(make: Callable[[list[Event]], Event]) -> Callable[[list[Event]], None]:
    return lambda events: events.append(make(events))


def _same_id(line: int, other: int) -> Callable[[list[Event]], None]:
    return lambda events: events[line - 1].update(originator_id=events[other - 1]["originator_id"])


def _retired_amended(events: list[Event]) -> Event:
    retired = events[22]["originator_id"]
    fields = {"name": "Live demo"}
    return change(
        "ropa:Activity.Amended", retired, 3, "2024-09-03T10:00:00+00:00", "2024-09-03", fields
    )


def _active_reinstated(events: list[Event]) -> Event:
    active = events[9]["originator_id"]
    return change("ropa:Activity.Reinstated", active, 2, "2024-10-01T10:00:00+00:00", "2024-10-01")


TAMPERED = {
    "unknown role": (_field(10, "role", "overlord"), 10, "role: must be one of"),
    "200,000-character name": (_field(10, "name", "x" * 200_000), 10, "name: must be at most"),
    "unknown field": (_field(2, "colour", "blue"), 2, "colour: is not a field of this entry"),
    "dangling recipient": (
        _field(10, "recipients", [str(uuid.uuid4())]),
        10,
        "which is no recipient registered before it",
    ),
    "recipient registered later": (
        lambda events: _fields(10)(events).update(recipients=[events[19]["originator_id"]]),
        10,
        "which is no recipient registered before it",
    ),
    "amended while retired": (_append(_retired_amended), 25, "The entry is retired on 2024-09-03"),
    "reinstated while active": (_append(_active_reinstated), 25, "is not retired on 2024-10-01"),
    "amended before registration": (
        _state(21, effective_from={"_type_": "date_iso", "_data_": "2023-01-01"}),
        21,
        "cannot be amended with effect from 2023-01-01, before that",
    ),
    "starts at version 7": (_set(20, originator_version=7), 20, "starts at version 7"),
    "starts with a change": (
        _set(20, topic="ropa:Recipient.Amended"),
        20,
        "starts with a change (amended)",
    ),
    "version gap": (_set(24, originator_version=3), 24, "versions run without gaps"),
    "kind change": (
        _set(23, topic="ropa:Recipient.Retired"),
        23,
        "registered as kind activity, and this change is to kind recipient",
    ),
    "kind of the registration": (
        _state(2, originator_topic="ropa:Activity"),
        2,
        "it differs in originator_topic",
    ),
    "registered twice": (_same_id(20, 2), 20, "is registered a second time"),
    "organisation under another id": (
        _set(1, originator_id=str(uuid.uuid4())),
        1,
        "the organisation's details are entry 00000000-0000-4000-8000-000000000001",
    ),
    "backdated without a reason": (
        _state(22, reason=None),
        22,
        "reason: is required when effective_from lies before today",
    ),
    "recorded before the line before": (
        _state(24, timestamp={"_type_": "datetime_iso", "_data_": "2024-01-01T00:00:00+00:00"}),
        24,
        "before the event on the line before it",
    ),
    "not in its checked form": (_field(2, "country", "nl"), 2, "it differs in fields"),
    "amendment naming an unchanged field": (
        _field(24, "name", "Cinnux B.V."),
        24,
        "an amendment names only the fields it changes",
    ),
    "wrong content hash": (
        _field(19, "content_hash", "sha256:" + "0" * 64),
        19,
        "it differs in fields",
    ),
    "NUL in a name": (_field(2, "name", "Hosting\x00partij"), 2, "name: must not contain NUL"),
    "lone surrogate in a reason": (
        _state(2, reason="why \ud800"),
        2,
        "reason: must not contain lone surrogates",
    ),
    "actor of 201 characters": (_state(2, actor="a" * 201), 2, "its actor is not a token's name"),
    "effective at the end of time": (
        _state(20, effective_from={"_type_": "date_iso", "_data_": "9999-12-31"}),
        20,
        "effective_from: must lie between",
    ),
    "timestamp without offset": (
        _state(20, timestamp={"_type_": "datetime_iso", "_data_": "2023-11-14T09:30:00"}),
        20,
        "its timestamp is not a moment with its offset from UTC",
    ),
    "effective_from as plain text": (
        _state(20, effective_from="2023-11-14"),
        20,
        "its effective_from is not a date",
    ),
    "unknown encoded type": (
        _state(20, effective_from={"_type_": "pickle", "_data_": "x"}),
        20,
        "its state cannot be decoded",
    ),
    "state not JSON": (_set(20, state="not json"), 20, "its state cannot be decoded"),
    "state a list": (_set(20, state="[]"), 20, "its state cannot be decoded"),
    "state empty": (_set(20, state="{}"), 20, "its timestamp is not a moment"),
    "state with an extra key": (_state(21, extra=1), 21, "it differs in extra"),
}


@pytest.mark.parametrize("name", list(TAMPERED))
def test_content_the_register_would_refuse_is_refused_whole_despite_its_chain(
    ropa: Ropa, tmp_path: Path, name: str
) -> None:
    edit, line, words = TAMPERED[name]
    events = events_of(OLD_STORE)
    edit(events)
    assert_refused(ropa, rechained(events, tmp_path / "tampered.jsonl"), line, words)


def test_a_rechained_file_left_as_it_was_imports(ropa: Ropa, tmp_path: Path) -> None:
    """The helper above rewrites only what a test edits: unedited, its file imports."""
    status, out, err = ropa(
        "import-events", str(rechained(events_of(OLD_STORE), tmp_path / "rechained.jsonl"))
    )
    assert status == 0 and "Imported 24 events" in out, err


def test_a_refusal_after_the_first_batch_still_leaves_nothing(ropa: Ropa, tmp_path: Path) -> None:
    """Events are inserted in batches of 1,000; a refusal after one leaves none of it behind."""
    events = events_of(OLD_STORE)
    recipient = events[19]["originator_id"]
    for version in range(2, 1103):
        recorded = f"2025-01-01T10:{version // 60 % 60:02d}:{version % 60:02d}+00:00"
        fields = {"name": f"Recipient {version}"}
        events.append(
            change("ropa:Recipient.Amended", recipient, version, recorded, "2025-01-01", fields)
        )
    events.append(
        change("ropa:Recipient.Retired", recipient, 1104, "2025-01-02T10:00:00+00:00", "2025-01-02")
    )
    assert_refused(
        ropa, rechained(events, tmp_path / "long.jsonl"), 1126, "versions run without gaps"
    )


def _trap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A module that says so when it is imported, on the import path: a topic may name it."""
    name = f"ropa_trap_{uuid.uuid4().hex[:8]}"
    (tmp_path / f"{name}.py").write_text(
        "import pathlib\n"
        "pathlib.Path(__file__).with_suffix('.imported').touch()\n"
        "raise RuntimeError('an import file made the register import this module')\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return name


@pytest.mark.parametrize(
    "topic",
    [
        "{trap}:Event",
        "{trap}",
        "os:system",
        "eventsourcing.domain:Aggregate.Created",
        "ropa:Recipient",
        "ropa:Recipient.Registered\nropa: line 1: fine",
    ],
)
def test_a_foreign_topic_is_refused_before_any_module_is_imported(
    ropa: Ropa, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, topic: str
) -> None:
    trap = _trap(tmp_path, monkeypatch)
    events = events_of(OLD_STORE)
    events[19]["topic"] = topic.format(trap=trap)
    assert_refused(ropa, rechained(events, tmp_path / "foreign.jsonl"), 20, "its topic '")
    assert trap not in sys.modules
    assert not (tmp_path / f"{trap}.imported").exists()


def _line_3(edit: Callable[[dict[str, Any]], Any]) -> Callable[[bytes], bytes]:
    """Replace line 3 by what ``edit`` makes of its JSON object."""

    def replaced(line: bytes) -> bytes:
        item = json.loads(line)
        edit(item)
        return json.dumps(item).encode()

    return replaced


MALFORMED: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "not JSON": (lambda _: b"not json", "it is not JSON"),
    "cut mid-line": (lambda line: line[:100], "it is not JSON"),
    "not an object": (lambda _: b"[1, 2]", "it is not a JSON object"),
    "nested too deeply": (lambda _: b"[" * 100_000, "nested too deeply"),
    "not UTF-8": (lambda _: b'{"\xff\xfe": 1}', "it is not UTF-8 text"),
    "missing key": (_line_3(lambda item: item.pop("state")), "it has no state"),
    "unknown key": (_line_3(lambda item: item.update(extra=1)), "keys no export writes: extra"),
    "version as text": (
        _line_3(lambda item: item.update(originator_version="1")),
        "its originator_version is not a whole number",
    ),
    "version true": (
        _line_3(lambda item: item.update(originator_version=True)),
        "its originator_version is not a whole number",
    ),
    "bad UUID": (
        _line_3(lambda item: item.update(originator_id="not-a-uuid")),
        "its originator_id is not an entry id",
    ),
    "topic a number": (_line_3(lambda item: item.update(topic=5)), "its topic is not text"),
    "state an object": (_line_3(lambda item: item.update(state={})), "its state is not text"),
    "lone surrogate in the state": (
        _line_3(lambda item: item.update(state="\ud800")),
        "its state is not text UTF-8 can encode",
    ),
    "digest altered": (
        _line_3(lambda item: item.update(content_digest="0" * 64)),
        "does not match its digests",
    ),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_line_is_refused_on_one_line(ropa: Ropa, tmp_path: Path, name: str) -> None:
    edit, words = MALFORMED[name]
    lines = OLD_STORE.read_bytes().splitlines()
    lines[2] = edit(lines[2])
    path = tmp_path / "malformed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert_refused(ropa, path, 3, words)


def test_a_file_cut_at_a_line_boundary_is_refused_with_the_expected_head(
    ropa: Ropa, tmp_path: Path
) -> None:
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"".join(OLD_STORE.read_bytes().splitlines(keepends=True)[:20]))
    words = f"not at the expected {OLD_HEAD}: it was cut short"
    assert_refused(ropa, cut, 20, words, "--expect-head", OLD_HEAD)
    status, _, err = ropa("import-events", str(OLD_STORE), "--expect-head", "not-a-digest")
    assert status == 1 and err.count("\n") == 1 and "64 hexadecimal digits" in err
    status, out, err = ropa("import-events", str(OLD_STORE), "--expect-head", OLD_HEAD)
    assert status == 0 and f"Imported 24 events; head digest {OLD_HEAD}." in out, err


def test_the_example_register_imports_with_its_head(ropa: Ropa, tmp_path: Path) -> None:
    """The old store's import is checked whole in test_old_store.py; the example here."""
    source = bootstrap(Settings(database_url=f"sqlite:///{tmp_path}/source.db"), FakeClock())
    try:
        load_example(source, say=lambda _: None)
        example = tmp_path / "example.jsonl"
        example.write_text(
            "".join(f"{line}\n" for line in source.maintenance.export_lines()), "utf-8"
        )
        head = source.reader.integrity().head_digest
    finally:
        source.close()
    status, out, err = ropa("import-events", str(example), "--expect-head", head)
    count = len(example.read_text("utf-8").splitlines())
    assert status == 0 and f"Imported {count} events; head digest {head}." in out, err
