"""SPEC §4: the history is append-only in the database and tamper-evident through its chain."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from register.application.service import Service
from register.bootstrap import bootstrap
from register.cli import main
from register.domain.chain import Held, chain_digest, content_digest
from register.importers import example_source
from register.importers.example import load_example
from register.settings import Settings
from register.store.ledger import head_at
from tests.support import postgres_schema

ROW = "SELECT originator_id, originator_version, topic, state FROM ropa_events WHERE id = :id"
WRITE = (
    "UPDATE ropa_events SET originator_id = :originator_id, originator_version = "
    ":originator_version, topic = :topic, state = :state WHERE id = :id"
)
# Loading the example into an empty store records one event per entry: the last is the head.
EVENTS = len(example_source.current().items)


@pytest.fixture
def loaded(service: Service) -> Service:
    load_example(service, say=lambda _: None)
    return service


@pytest.mark.parametrize("statement", ["UPDATE {t} SET {c} = 'x'", "DELETE FROM {t}"])
@pytest.mark.parametrize(
    ("table", "column"),
    [("ropa_events", "topic"), ("ropa_ledger", "actor"), ("ropa_token_log", "role")],
)
def test_history_tables_refuse_update_and_delete(
    loaded: Service, statement: str, table: str, column: str
) -> None:
    loaded.tokens.create("auditor", "Otto Auditor")
    with pytest.raises(DBAPIError, match="append-only"), loaded.store.engine.begin() as connection:
        connection.execute(text(statement.format(t=table, c=column)))
    assert loaded.reader.integrity().count == EVENTS
    assert [token.role for token in loaded.tokens.list()] == ["auditor"]


@pytest.mark.postgres
@pytest.mark.parametrize("table", ["ropa_events", "ropa_token_log"])
def test_postgres_refuses_truncate(table: str) -> None:
    with postgres_schema() as url:
        app = bootstrap(Settings(database_url=url))
        try:
            load_example(app, say=lambda _: None)
            with (
                pytest.raises(DBAPIError, match="append-only"),
                app.store.engine.begin() as connection,
            ):
                connection.execute(text(f"TRUNCATE {table} CASCADE"))
        finally:
            app.close()


def drop_guards(app: Service, tables: tuple[str, ...] = ("ropa_events",)) -> None:
    with app.store.engine.begin() as connection:
        for table in tables:
            if connection.dialect.name == "postgresql":
                connection.execute(text(f"DROP TRIGGER {table}_append_only ON {table}"))
            else:
                connection.execute(text(f"DROP TRIGGER {table}_no_update"))
                connection.execute(text(f"DROP TRIGGER {table}_no_delete"))


def read_row(app: Service, position: int) -> dict:
    with app.store.engine.connect() as connection:
        return dict(connection.execute(text(ROW), {"id": position}).mappings().one())


def write_row(app: Service, position: int, row: dict) -> None:
    with app.store.engine.begin() as connection:
        connection.execute(text(WRITE), {**row, "id": position})


def test_intact_history_verifies(loaded: Service, capsys, monkeypatch) -> None:
    verdict = loaded.reader.integrity()
    assert verdict.intact and verdict.count == EVENTS
    monkeypatch.setenv("ROPA_DATABASE_URL", loaded.settings.database_url)
    assert main(["verify"]) == 0
    assert verdict.head_digest in capsys.readouterr().out


def test_altered_payload_is_found(loaded: Service, capsys, monkeypatch) -> None:
    drop_guards(loaded)
    row = read_row(loaded, 12)
    row["state"] = bytes(row["state"]).replace(b'"role":"controller"', b'"role":"processor"')
    write_row(loaded, 12, row)
    verdict = loaded.reader.integrity()
    assert verdict.finding is not None
    assert verdict.finding.position == 12
    assert verdict.finding.problem.startswith("altered")
    monkeypatch.setenv("ROPA_DATABASE_URL", loaded.settings.database_url)
    assert main(["verify"]) == 1
    assert "position 12 altered" in capsys.readouterr().out


def test_deleted_event_is_found(loaded: Service) -> None:
    drop_guards(loaded)
    with loaded.store.engine.begin() as connection:
        connection.execute(text("DELETE FROM ropa_events WHERE id = 7"))
    verdict = loaded.reader.integrity()
    assert verdict.finding is not None
    assert (verdict.finding.position, verdict.finding.problem.split(":")[0]) == (7, "removed")
    assert verdict.count == 6


def test_swapped_events_are_found(loaded: Service) -> None:
    drop_guards(loaded)
    first, second = read_row(loaded, 10), read_row(loaded, 11)
    write_row(loaded, 10, {**first, "originator_version": -1})
    write_row(loaded, 11, first)
    write_row(loaded, 10, second)
    verdict = loaded.reader.integrity()
    assert verdict.finding is not None
    assert verdict.finding.position == 10
    assert verdict.finding.problem.startswith("reordered")
    assert "position 11" in verdict.finding.problem


def test_a_history_rewritten_whole_is_caught_by_a_digest_held_from_before(
    loaded: Service, capsys, monkeypatch
) -> None:
    with loaded.store.engine.connect() as connection:
        held = head_at(connection, loaded.reader.now())
    assert held.head_digest is not None
    drop_guards(loaded, ("ropa_events", "ropa_ledger"))
    row = read_row(loaded, 12)
    row["state"] = bytes(row["state"]).replace(b'"role":"controller"', b'"role":"processor"')
    write_row(loaded, 12, row)
    rewrite_chain_from(loaded, 12)
    assert loaded.reader.integrity().intact
    verdict = loaded.reader.integrity(Held(held.position, held.head_digest))
    assert verdict.finding is not None
    assert (verdict.finding.position, verdict.finding.problem.split(":")[0]) == (
        EVENTS,
        "rewritten",
    )
    monkeypatch.setenv("ROPA_DATABASE_URL", loaded.settings.database_url)
    assert held.position == EVENTS
    assert main(["verify", "--position", str(EVENTS), "--digest", held.head_digest]) == 1
    assert f"position {EVENTS} rewritten" in capsys.readouterr().out


def rewrite_chain_from(app: Service, start: int) -> None:
    """What a careful forger does: recompute every digest from the altered event on."""
    events = app.store.after(start - 1, 1000)
    with app.store.engine.begin() as connection:
        previous = connection.execute(
            text("SELECT chain_digest FROM ropa_ledger WHERE position = :p"), {"p": start - 1}
        ).scalar()
        for position, event in events:
            digest = content_digest(event)
            previous = chain_digest(previous, digest)
            connection.execute(
                text(
                    "UPDATE ropa_ledger SET content_digest = :c, chain_digest = :d "
                    "WHERE position = :p"
                ),
                {"c": digest, "d": previous, "p": position},
            )
