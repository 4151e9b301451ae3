"""Append-only at the database level (SPEC §4): UPDATE and DELETE on the history, its chain and
the token log fail.

A guard in the application alone would not stop a script or a console session; triggers stop
both. On PostgreSQL TRUNCATE is refused too, since it bypasses row triggers. Triggers that are
already there are left alone: creating one locks its table, and a process starting up must not
queue behind, or deadlock with, another process's write.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from register.store.tables import EVENTS_TABLE, ledger
from register.store.token_log import log as token_log

GUARDED = (EVENTS_TABLE, ledger.name, token_log.name)


def install(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        _install_postgres(connection)
    else:
        _install_sqlite(connection)


def _install_sqlite(connection: Connection) -> None:
    for table in GUARDED:
        for action in ("UPDATE", "DELETE"):
            connection.execute(
                text(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{action.lower()} "
                    f"BEFORE {action} ON {table} BEGIN "
                    f"SELECT RAISE(ABORT, '{table} is append-only: {action} is refused'); END"
                )
            )


def _install_postgres(connection: Connection) -> None:
    connection.execute(
        text(
            "CREATE OR REPLACE FUNCTION ropa_refuse_change() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION "
            "'% is append-only: % is refused', TG_TABLE_NAME, TG_OP; END $$"
        )
    )
    for table in GUARDED:
        present = set(
            connection.execute(
                text("SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(:table)"),
                {"table": table},
            ).scalars()
        )
        for name, timing in (
            (f"{table}_append_only", "BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW"),
            (f"{table}_no_truncate", "BEFORE TRUNCATE ON {t} FOR EACH STATEMENT"),
        ):
            if name not in present:
                connection.execute(
                    text(
                        f"CREATE TRIGGER {name} {timing.format(t=table)} "
                        "EXECUTE FUNCTION ropa_refuse_change()"
                    )
                )
