"""Tampering by SQL with what the register serves beside its events (SPEC §4): the ledger's
columns, the read model's rows and position, and the token log. Each is found and named by
``ropa verify`` and ``GET /api/v1/integrity``, or refused before it can do harm."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import Column, Date, DateTime, MetaData, String, Table, insert, inspect, text
from sqlalchemy.exc import DBAPIError

from api import create_app
from register.application.service import Service
from register.bootstrap import bootstrap
from register.cli import main
from register.domain.chain import Finding, chain_digest
from register.domain.commands import AmendEntry
from register.domain.errors import IntegrityViolation
from register.domain.instants import rfc3339
from register.domain.kinds import EntryKind
from register.importers import example_source
from register.importers.example import load_example
from register.settings import Settings
from register.store import token_log
from register.store.tables import KNOWN_FOREVER
from tests.test_integrity import EVENTS, drop_guards

ACTIVITY_POSITION = 12  # an activity of the example register, a controller's
ENTRIES = len(example_source.current().items)  # of the example register

Verify = Callable[..., tuple[int, str]]


@pytest.fixture
def loaded(service: Service) -> Service:
    load_example(service, say=lambda _: None)
    return service


@pytest.fixture
def verify(loaded: Service, monkeypatch, capsys) -> Verify:
    """``ropa verify`` with the given arguments: its exit status and what it printed."""
    monkeypatch.setenv("ROPA_DATABASE_URL", loaded.settings.database_url)

    def run(*args: str) -> tuple[int, str]:
        status = main(["verify", *args])
        return status, capsys.readouterr().out

    return run


@pytest.fixture
def client(loaded: Service) -> FlaskClient:
    app = create_app(loaded)
    app.testing = True
    return app.test_client()


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def integrity(client: FlaskClient, secret: str, **query: Any) -> dict[str, Any]:
    response = client.get("/api/v1/integrity", query_string=query, headers=bearer(secret))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def execute(app: Service, statement: str, **params: Any) -> None:
    with app.store.engine.begin() as connection:
        connection.execute(text(statement), params)


def entry_at(app: Service, position: int) -> str:
    with app.store.engine.connect() as connection:
        return connection.execute(
            text("SELECT entry_id FROM ropa_ledger WHERE position = :p"), {"p": position}
        ).scalar_one()


def amend(app: Service, entry_id: str, owner: str = "Marketing") -> None:
    app.commands.execute(
        AmendEntry(
            actor="dpo",
            kind=EntryKind.ACTIVITY,
            entry_id=uuid.UUID(entry_id),
            content={"owner": owner},
        )
    )


# The ledger's served columns ------------------------------------------------------------------

SERVED_EDITS = {
    "actor": "actor = 'Mallory'",
    "recorded_at": "recorded_at = recorded_at + 1",
    "effective_from": "effective_from = '2020-01-01'",
    "event_type": "event_type = 'ropa:Activity.Retired'",
    "entry_kind": "entry_kind = 'recipient'",
    "version": "version = 2",
    "entry_id": f"entry_id = '{uuid.UUID(int=1)}'",
}


@pytest.mark.parametrize("column", list(SERVED_EDITS))
def test_each_served_ledger_column_altered_is_named(
    loaded: Service, verify: Verify, column: str
) -> None:
    drop_guards(loaded, ("ropa_ledger",))
    execute(
        loaded,
        f"UPDATE ropa_ledger SET {SERVED_EDITS[column]} WHERE position = {ACTIVITY_POSITION}",
    )
    problem = f"altered: its ledger row's {column} differs from its event"
    verdict = loaded.reader.integrity()
    assert verdict.finding == Finding(ACTIVITY_POSITION, problem)
    assert verdict.count == ACTIVITY_POSITION - 1
    status, out = verify()
    assert status == 1
    assert f"NOT intact: event at position {ACTIVITY_POSITION} {problem}" in out


def test_the_integrity_resource_names_an_altered_ledger_column(
    loaded: Service, client: FlaskClient
) -> None:
    auditor = loaded.tokens.create("auditor", "Otto Auditor")[1]
    drop_guards(loaded, ("ropa_ledger",))
    execute(
        loaded, f"UPDATE ropa_ledger SET actor = 'Mallory' WHERE position = {ACTIVITY_POSITION}"
    )
    verdict = integrity(client, auditor)
    assert verdict["intact"] is False
    assert verdict["finding"] == {
        "position": ACTIVITY_POSITION,
        "problem": "altered: its ledger row's actor differs from its event",
    }
    assert verdict["tokens"]["intact"] is True and verdict["read_model"] is None


# The read model's rows ------------------------------------------------------------------------

SEGMENT_EDITS = {
    "content": "content_id = (SELECT max(id) FROM ropa_contents), facet = 'processor'",
    "status": "status = 'retired'",
    "valid_from": "valid_from = '2020-01-01'",
}


def forge_content(app: Service, rows: str, made_by: str, **params: Any) -> None:
    """Add a content row made from that of the segment rows ``rows`` (a condition on
    ``ropa_segments s``) by the SQL expression ``made_by`` over ``c.content``."""
    execute(
        app,
        "INSERT INTO ropa_contents (id, content) SELECT (SELECT max(id) + 1 FROM ropa_contents), "
        f"{made_by} FROM ropa_segments s JOIN ropa_contents c ON c.id = s.content_id "
        f"WHERE {rows}",
        **params,
    )


@pytest.mark.parametrize("column", list(SEGMENT_EDITS))
def test_segment_rows_edited_are_found_by_the_read_model_check(
    loaded: Service, verify: Verify, client: FlaskClient, column: str
) -> None:
    entry = entry_at(loaded, ACTIVITY_POSITION)
    if column == "content":
        forge_content(
            loaded,
            "s.entry_id = :entry AND s.known_to = :open",
            "replace(c.content, '\"controller\"', '\"processor\"')",
            entry=entry,
            open=KNOWN_FOREVER,
        )
    execute(
        loaded,
        f"UPDATE ropa_segments SET {SEGMENT_EDITS[column]} "
        "WHERE entry_id = :entry AND known_to = :open",
        entry=entry,
        open=KNOWN_FOREVER,
    )
    assert verify()[0] == 0, "the chain does not cover the read model"
    status, out = verify("--read-model")
    assert status == 1
    assert f"NOT intact: entry {entry} in the read model: as recorded now, its segment" in out
    assert f"differs from its events in {column}" in out
    assert "'ropa rebuild'" in out

    auditor = loaded.tokens.create("auditor", "Otto Auditor")[1]
    verdict = integrity(client, auditor, read_model="true")
    assert verdict["intact"] is False and verdict["finding"] is None
    assert verdict["read_model"]["finding"]["entry"] == entry
    assert verdict["read_model"]["finding"]["problem"].endswith(f"in {column}")

    assert main(["rebuild"]) == 0
    assert verify("--read-model")[0] == 0


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ("DELETE FROM ropa_event_fields WHERE entry_id = :entry AND field = 'name'", "did not set"),
        (
            "INSERT INTO ropa_event_fields (entry_id, field, version) VALUES (:entry, 'zz', 1)",
            "set",
        ),
    ],
)
def test_the_fields_an_event_set_edited_are_found_by_the_read_model_check(
    loaded: Service, verify: Verify, edit: str, said: str
) -> None:
    entry = entry_at(loaded, ACTIVITY_POSITION)
    execute(loaded, edit, entry=entry)
    assert verify()[0] == 0, "the chain does not cover the read model"
    status, out = verify("--read-model")
    assert status == 1
    assert f"NOT intact: entry {entry} in the read model: its read model says its version" in out
    assert f"{said} the field" in out
    assert main(["rebuild"]) == 0
    assert verify("--read-model")[0] == 0


def test_a_closed_row_edited_is_named_with_the_moment_it_answered_for(
    loaded: Service, verify: Verify, clock
) -> None:
    entry = entry_at(loaded, ACTIVITY_POSITION)
    registered = loaded.reader.changes(EntryKind.ACTIVITY, uuid.UUID(entry))[0].recorded_at
    clock.advance(days=1)
    amend(loaded, entry)
    closed = "entry_id = :entry AND known_to < :open"
    forge_content(
        loaded,
        f"s.{closed} ORDER BY s.valid_from LIMIT 1",
        ":forged || substr(c.content, 2)",
        forged='{"forged":true,',
        entry=entry,
        open=KNOWN_FOREVER,
    )
    execute(
        loaded,
        f"UPDATE ropa_segments SET content_id = (SELECT max(id) FROM ropa_contents) WHERE {closed}",
        entry=entry,
        open=KNOWN_FOREVER,
    )
    status, out = verify("--read-model")
    assert status == 1
    assert f"as recorded at {rfc3339(registered)}" in out
    assert "differs from its events in content" in out


def test_a_sample_checks_that_many_entries(loaded: Service, verify: Verify) -> None:
    status, out = verify("--sample", "5")
    assert status == 0
    assert "intact: the read model agrees with the events of 5 entries" in out
    everything = f"intact: the read model agrees with the events of {ENTRIES} entries"
    assert ENTRIES < 99 and everything in verify("--sample", "99")[1]
    assert verify()[1].count("read model") == 0, "without --read-model, as before"
    assert verify("--sample", "0")[0] == 1


def test_the_integrity_resource_checks_the_read_model_only_when_asked(
    loaded: Service, client: FlaskClient
) -> None:
    auditor = loaded.tokens.create("auditor", "Otto Auditor")[1]
    assert integrity(client, auditor)["read_model"] is None
    checked = integrity(client, auditor, read_model="true")["read_model"]
    assert checked == {"intact": True, "checked": ENTRIES, "finding": None}
    assert integrity(client, auditor, sample=3)["read_model"]["checked"] == 3
    refused = client.get("/api/v1/integrity?sample=0", headers=bearer(auditor))
    assert refused.status_code == 422


def test_rows_of_an_entry_that_has_no_events_are_found(loaded: Service, verify: Verify) -> None:
    stray = str(uuid.UUID(int=5))
    execute(
        loaded,
        "INSERT INTO ropa_segments (id, entry_id, entry_kind, valid_from, valid_to, registered_on, "
        "known_from, known_to, status, name, facet, content_id) SELECT "
        "(SELECT max(id) + 1 FROM ropa_segments), :stray, entry_kind, "
        "valid_from, valid_to, registered_on, known_from, known_to, status, name, facet, "
        "content_id "
        "FROM ropa_segments WHERE entry_id = :entry",
        stray=stray,
        entry=entry_at(loaded, ACTIVITY_POSITION),
    )
    status, out = verify("--read-model")
    assert status == 1
    assert f"entry {stray} in the read model: has rows but no events" in out


# The read model's position --------------------------------------------------------------------

POSITION_EDITS = {
    "rewound": "position = 10",
    "set ahead": "position = 1000",
    "rewound, digest cleared": "position = 10, chain_digest = NULL",
}


@pytest.mark.parametrize("edit", list(POSITION_EDITS))
def test_a_projection_position_moved_is_refused_never_replayed(
    loaded: Service, verify: Verify, edit: str
) -> None:
    entry = entry_at(loaded, ACTIVITY_POSITION)
    execute(loaded, f"UPDATE ropa_projection SET {POSITION_EDITS[edit]}")
    with pytest.raises(IntegrityViolation, match="Run 'ropa rebuild'"):
        amend(loaded, entry)
    assert loaded.reader.integrity().count == EVENTS, "nothing was recorded"
    assert verify("--read-model")[0] == 0, "no entry was doubled"
    activities = len(loaded.reader.register(loaded.reader.moment()).activities)

    assert main(["rebuild"]) == 0
    amend(loaded, entry)
    assert loaded.reader.integrity().count == EVENTS + 1
    assert len(loaded.reader.register(loaded.reader.moment()).activities) == activities
    assert verify("--read-model")[0] == 0


def test_a_write_refused_for_a_moved_position_answers_with_what_to_do(
    loaded: Service, client: FlaskClient
) -> None:
    dpo = loaded.tokens.create("dpo", "Dana DPO")[1]
    entry = entry_at(loaded, ACTIVITY_POSITION)
    execute(loaded, "UPDATE ropa_projection SET position = 10")
    response = client.patch(
        f"/api/v1/activities/{entry}",
        json={"owner": "Marketing"},
        headers={**bearer(dpo), "If-Match": '"1"'},
    )
    assert response.status_code == 409, response.get_json()
    assert "ropa rebuild" in response.get_json()["detail"]


def test_a_position_rewound_with_its_digest_forged_too_shows_in_the_read_model_check(
    loaded: Service, verify: Verify
) -> None:
    """The digest stops a position moved alone; a forger who also copies the ledger's digest at
    the earlier position gets events replayed, and the read-model check names the result."""
    execute(
        loaded,
        "UPDATE ropa_projection SET position = 10, chain_digest = "
        "(SELECT chain_digest FROM ropa_ledger WHERE position = 10)",
    )
    amend(loaded, entry_at(loaded, ACTIVITY_POSITION))
    status, out = verify("--read-model")
    assert status == 1
    assert "is not one its events give" in out


def test_a_store_made_before_positions_carried_a_digest_gains_them(loaded: Service) -> None:
    execute(loaded, "ALTER TABLE ropa_projection DROP COLUMN chain_digest")
    reopened = bootstrap(Settings(database_url=loaded.settings.database_url), loaded.reader.clock)
    try:
        with reopened.store.engine.connect() as connection:
            position, digest = connection.execute(
                text("SELECT position, chain_digest FROM ropa_projection")
            ).one()
        assert (position, digest) == (EVENTS, loaded.reader.integrity().head_digest)
        execute(reopened, "UPDATE ropa_projection SET position = 10")
        with pytest.raises(IntegrityViolation):
            amend(reopened, entry_at(reopened, ACTIVITY_POSITION))
    finally:
        reopened.close()


# The token log --------------------------------------------------------------------------------


@pytest.fixture
def secrets(loaded: Service) -> dict[str, str]:
    """Tokens issued in this order, so the auditor's issue is the fourth record of the log."""
    made = {}
    for role, name in [("dpo", "Dana DPO"), ("admin", "Ada Admin"), ("dpo", "Deputy DPO")]:
        made[name] = loaded.tokens.create(role, name)[1]
    made["Otto Auditor"] = loaded.tokens.create("auditor", "Otto Auditor")[1]
    made["Later DPO"] = loaded.tokens.create("dpo", "Later DPO")[1]
    return made


def test_the_token_log_refuses_update_and_delete(loaded: Service, secrets) -> None:
    for statement in ("UPDATE ropa_token_log SET role = 'admin'", "DELETE FROM ropa_token_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            execute(loaded, statement)
    assert loaded.tokens.find(secrets["Otto Auditor"]).role == "auditor"


def test_a_token_role_changed_by_sql_is_found_and_refused(
    loaded: Service, secrets, verify: Verify, client: FlaskClient
) -> None:
    auditor = secrets["Otto Auditor"]
    assert client.get("/api/v1/tokens", headers=bearer(auditor)).status_code == 403
    drop_guards(loaded, ("ropa_token_log",))
    execute(loaded, "UPDATE ropa_token_log SET role = 'admin' WHERE name = 'Otto Auditor'")

    status, out = verify()
    assert status == 1
    assert "NOT intact: token record at position 4 altered" in out
    for path in ("/api/v1/tokens", "/api/v1/register"):
        refused = client.get(path, headers=bearer(auditor))
        assert refused.status_code == 401
        assert "altered" in refused.get_json()["detail"]
    assert client.get("/api/v1/register", headers=bearer(secrets["Dana DPO"])).status_code == 200
    verdict = integrity(client, secrets["Dana DPO"])
    assert verdict["intact"] is False and verdict["finding"] is None
    assert verdict["tokens"]["finding"]["position"] == 4


def test_a_token_role_changed_with_its_digest_recomputed_is_still_refused(
    loaded: Service, secrets, verify: Verify, client: FlaskClient
) -> None:
    drop_guards(loaded, ("ropa_token_log",))
    with loaded.store.engine.connect() as connection:
        stored = token_log.read(connection)
    forged = replace(stored[3].record, role="admin")
    digest = chain_digest(stored[2].chain_digest, forged.content_digest())
    execute(
        loaded,
        "UPDATE ropa_token_log SET role = 'admin', chain_digest = :d WHERE position = 4",
        d=digest,
    )
    status, out = verify()
    assert status == 1 and "token record at position 5 altered" in out
    assert client.get("/api/v1/tokens", headers=bearer(secrets["Otto Auditor"])).status_code == 401


def test_a_revocation_removed_by_sql_is_found(loaded: Service, secrets, verify: Verify) -> None:
    deputy = loaded.tokens.find(secrets["Deputy DPO"])
    loaded.tokens.revoke(deputy.id)
    loaded.tokens.create("auditor", "Last one")
    drop_guards(loaded, ("ropa_token_log",))
    execute(loaded, "DELETE FROM ropa_token_log WHERE action = 'revoked'")
    status, out = verify()
    assert status == 1 and "token record at position 6 removed" in out


# The table tokens were kept in before the token log, as that code defined it.
LEGACY_TOKENS = Table(
    "ropa_tokens",
    MetaData(),
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_on", Date),
    Column("revoked_at", DateTime(timezone=True)),
)


def test_tokens_of_a_store_made_before_the_token_log_are_moved_into_it(
    loaded: Service, clock
) -> None:
    issued = {"kept": "ropa_kept-secret", "gone": "ropa_revoked-secret"}
    with loaded.store.engine.begin() as connection:
        LEGACY_TOKENS.create(connection)
        for name, secret in issued.items():
            connection.execute(
                insert(LEGACY_TOKENS).values(
                    id=str(uuid.uuid4()),
                    name=name,
                    role="auditor",
                    token_hash=hashlib.sha256(secret.encode()).hexdigest(),
                    created_at=clock.now(),
                    expires_on=date(2030, 1, 1),
                    revoked_at=clock.advance(seconds=1) if name == "gone" else None,
                )
            )
    reopened = bootstrap(Settings(database_url=loaded.settings.database_url), clock)
    try:
        kept = reopened.tokens.find(issued["kept"])
        assert kept is not None and kept.refusal(date(2026, 3, 2)) is None
        assert kept.expires_on == date(2030, 1, 1) and kept.name == "kept"
        gone = reopened.tokens.find(issued["gone"])
        assert gone is not None and gone.refusal(date(2026, 3, 2)) == "the token was revoked"
        with reopened.store.engine.connect() as connection:
            assert token_log.verify(connection).count == 3
            assert not inspect(connection).has_table("ropa_tokens")
    finally:
        reopened.close()
