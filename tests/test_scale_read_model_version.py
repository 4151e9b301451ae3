"""A read model built by another version of the register is rebuilt when the store is opened,
and never extended before that: its rows may not mean what this code takes them to mean."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from register.application.service import Service
from register.bootstrap import bootstrap
from register.domain.commands import AmendEntry, RegisterEntry
from register.domain.errors import IntegrityViolation
from register.domain.kinds import EntryKind
from register.settings import Settings
from register.store.read_model_version import READ_MODEL_VERSION


def register_one(service: Service) -> None:
    service.commands.execute(
        RegisterEntry(
            actor="dpo", kind=EntryKind.ACTIVITY, content={"name": "Webshop", "role": "controller"}
        )
    )


def built_with(service: Service, version: int | None) -> None:
    with service.store.engine.begin() as connection:
        connection.execute(text("UPDATE ropa_projection SET version = :v"), {"v": version})
        connection.execute(text("UPDATE ropa_segments SET name = 'shape of another version'"))


@pytest.mark.parametrize("version", [None, READ_MODEL_VERSION - 1])
def test_a_read_model_of_another_version_is_rebuilt_on_opening(
    database_url: str, version: int | None
) -> None:
    service = bootstrap(Settings(database_url=database_url))
    register_one(service)
    moment = service.reader.moment()
    before = service.reader.register(moment).as_json()
    built_with(service, version)
    entry = before["activities"][0]
    with pytest.raises(IntegrityViolation, match="Run 'ropa rebuild'"):
        service.commands.execute(
            AmendEntry(
                actor="dpo",
                kind=EntryKind.ACTIVITY,
                entry_id=uuid.UUID(entry["id"]),
                content={"owner": "x"},
            )
        )
    service.close()

    reopened = bootstrap(Settings(database_url=database_url))
    try:
        assert reopened.reader.register(moment).as_json() == before
        with reopened.store.engine.connect() as connection:
            found = connection.execute(text("SELECT version FROM ropa_projection")).scalar()
        assert found == READ_MODEL_VERSION
        assert reopened.maintenance.rebuild_outdated() == []
    finally:
        reopened.close()
