"""Processes starting at once on a fresh PostgreSQL database all open it (issue 7, faults).

Everything a store needs, the event store's own table included, is created under one advisory
lock; before, the event table was created outside it and all but one starter failed with a
duplicate table or type.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from register.application.service import Service
from register.bootstrap import bootstrap
from register.domain.commands import RegisterEntry
from register.domain.kinds import EntryKind
from register.settings import Settings
from tests.support import postgres_schema

STARTERS = 6
ROUNDS = 3  # a fresh schema each: one round raced and failed more often than not before


def start_together(barrier: threading.Barrier, url: str) -> Service:
    barrier.wait()
    return bootstrap(Settings(database_url=url))


@pytest.mark.postgres
def test_starters_racing_on_a_fresh_database_all_open_it() -> None:
    for _ in range(ROUNDS):
        with postgres_schema() as url:
            barrier = threading.Barrier(STARTERS, timeout=30)
            with ThreadPoolExecutor(STARTERS) as pool:
                started = [pool.submit(start_together, barrier, url) for _ in range(STARTERS)]
                services = [future.result(timeout=60) for future in started]
            try:
                first, *others = services
                entry = first.commands.execute(
                    RegisterEntry(
                        actor="racer",
                        kind=EntryKind.RECIPIENT,
                        content={
                            "name": "Racing host",
                            "category": "hosting",
                            "legal_role": "processor",
                            "country": "NL",
                        },
                    )
                )
                for service in others:
                    assert service.reader.has_entry(entry.id)
                    assert service.reader.integrity().count == 1
            finally:
                for service in services:
                    service.close()
