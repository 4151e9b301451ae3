"""Two processes writing to one store at once: nothing lost, nothing duplicated, the chain
intact, every write visible to a read issued after it returned, and the read model equal to a
rebuild afterwards."""

from __future__ import annotations

import multiprocessing
import uuid

from register.application.audit import check_integrity
from register.application.service import RegisterApplication
from register.domain.commands import AmendEntry, RegisterEntry
from register.store.queries import Moment, entry_at, register_at

WRITES = 25


def worker(url: str, shared: str, name: str, failures) -> None:
    app = RegisterApplication(url)
    try:
        for index in range(WRITES):
            entry = app.register(
                RegisterEntry(
                    actor=name,
                    kind="activity",
                    content={"name": f"{name} {index}", "role": "controller"},
                )
            )
            app.amend(
                AmendEntry(
                    actor=name,
                    kind="activity",
                    entry_id=uuid.UUID(shared),
                    content={"owner": f"{name} {index}"},
                )
            )
            with app.connect() as connection:
                seen = entry_at(
                    connection, "activity", str(entry.id), Moment(app.today(), app.now())
                )
            if seen is None or seen["name"] != f"{name} {index}":
                failures.put(f"{name}: write {index} not visible after it returned")
    except Exception as error:  # the parent reports what went wrong in the child
        failures.put(f"{name}: {error!r}")
    finally:
        app.close()


def test_two_processes_write_at_once(database_url: str) -> None:
    app = RegisterApplication(database_url)
    shared = app.register(
        RegisterEntry(
            actor="setup", kind="activity", content={"name": "Shared", "role": "controller"}
        )
    )
    context = multiprocessing.get_context("spawn")
    failures = context.Queue()
    processes = [
        context.Process(target=worker, args=(database_url, str(shared.id), name, failures))
        for name in ("left", "right")
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=240)
        assert process.exitcode == 0
    problems = []
    while not failures.empty():
        problems.append(failures.get())
    assert problems == []

    verdict = check_integrity(app)
    assert verdict.intact
    assert verdict.count == 1 + 2 * 2 * WRITES
    assert app.entry("activity", shared.id).version == 1 + 2 * WRITES
    moments = [Moment(app.today(), app.now())]
    with app.connect() as connection:
        before = [register_at(connection, m) for m in moments]
    names = sorted(a["name"] for a in before[0]["activities"])
    assert len(names) == len(set(names)) == 1 + 2 * WRITES
    app.rebuild()
    with app.connect() as connection:
        after = [register_at(connection, m) for m in moments]
    assert after == before
    app.close()
