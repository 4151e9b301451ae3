"""SPEC §4: the history is append-only in the database and tamper-evident through its chain."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from register.application import RegisterApplication
from register.audit import check_integrity
from register.cli import main
from register.example import load_example
from tests.support import postgres_schema

ROW = "SELECT originator_id, originator_version, topic, state FROM ropa_events WHERE id = :id"
WRITE = (
    "UPDATE ropa_events SET originator_id = :originator_id, originator_version = "
    ":originator_version, topic = :topic, state = :state WHERE id = :id"
)


@pytest.fixture
def loaded(register_app: RegisterApplication) -> RegisterApplication:
    load_example(register_app, say=lambda _: None)
    return register_app


@pytest.mark.parametrize("statement", ["UPDATE {t} SET topic = 'x'", "DELETE FROM {t}"])
@pytest.mark.parametrize("table", ["ropa_events", "ropa_ledger"])
def test_history_tables_refuse_update_and_delete(
    loaded: RegisterApplication, statement: str, table: str
) -> None:
    column_safe = statement.replace("topic", "actor") if table == "ropa_ledger" else statement
    with pytest.raises(DBAPIError, match="append-only"), loaded.engine.begin() as connection:
        connection.execute(text(column_safe.format(t=table)))
    assert check_integrity(loaded).count == 19


@pytest.mark.postgres
def test_postgres_refuses_truncate() -> None:
    with postgres_schema() as url:
        app = RegisterApplication(url)
        try:
            load_example(app, say=lambda _: None)
            with pytest.raises(DBAPIError, match="append-only"), app.engine.begin() as connection:
                connection.execute(text("TRUNCATE ropa_events CASCADE"))
        finally:
            app.close()


def drop_guards(app: RegisterApplication) -> None:
    with app.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("DROP TRIGGER ropa_events_append_only ON ropa_events"))
        else:
            connection.execute(text("DROP TRIGGER ropa_events_no_update"))
            connection.execute(text("DROP TRIGGER ropa_events_no_delete"))


def read_row(app: RegisterApplication, position: int) -> dict:
    with app.engine.connect() as connection:
        return dict(connection.execute(text(ROW), {"id": position}).mappings().one())


def write_row(app: RegisterApplication, position: int, row: dict) -> None:
    with app.engine.begin() as connection:
        connection.execute(text(WRITE), {**row, "id": position})


def test_intact_history_verifies(loaded: RegisterApplication, capsys, monkeypatch) -> None:
    verdict = check_integrity(loaded)
    assert verdict.intact and verdict.count == 19
    monkeypatch.setenv("ROPA_DATABASE_URL", loaded.url)
    assert main(["verify"]) == 0
    assert verdict.head_digest in capsys.readouterr().out


def test_altered_payload_is_found(loaded: RegisterApplication, capsys, monkeypatch) -> None:
    drop_guards(loaded)
    row = read_row(loaded, 12)
    row["state"] = bytes(row["state"]).replace(b'"role":"controller"', b'"role":"processor"')
    write_row(loaded, 12, row)
    verdict = check_integrity(loaded)
    assert verdict.finding is not None
    assert verdict.finding.position == 12
    assert verdict.finding.problem.startswith("altered")
    monkeypatch.setenv("ROPA_DATABASE_URL", loaded.url)
    assert main(["verify"]) == 1
    assert "position 12 altered" in capsys.readouterr().out


def test_deleted_event_is_found(loaded: RegisterApplication) -> None:
    drop_guards(loaded)
    with loaded.engine.begin() as connection:
        connection.execute(text("DELETE FROM ropa_events WHERE id = 7"))
    verdict = check_integrity(loaded)
    assert verdict.finding is not None
    assert (verdict.finding.position, verdict.finding.problem.split(":")[0]) == (7, "removed")
    assert verdict.count == 6


def test_swapped_events_are_found(loaded: RegisterApplication) -> None:
    drop_guards(loaded)
    first, second = read_row(loaded, 10), read_row(loaded, 11)
    write_row(loaded, 10, {**first, "originator_version": -1})
    write_row(loaded, 11, first)
    write_row(loaded, 10, second)
    verdict = check_integrity(loaded)
    assert verdict.finding is not None
    assert verdict.finding.position == 10
    assert verdict.finding.problem.startswith("reordered")
    assert "position 11" in verdict.finding.problem
