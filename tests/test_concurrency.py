"""Two processes writing to one store at once: nothing lost, nothing duplicated, the chain
intact, every write visible to a read issued after it returned, and the read model equal to a
rebuild afterwards."""

from __future__ import annotations

import multiprocessing
import uuid

from register.bootstrap import bootstrap
from register.domain.commands import AmendEntry, RegisterEntry
from register.domain.kinds import EntryKind
from register.settings import Settings

WRITES = 25


def worker(url: str, shared: str, name: str, failures) -> None:
    service = bootstrap(Settings(database_url=url))
    try:
        for index in range(WRITES):
            entry = service.commands.execute(
                RegisterEntry(
                    actor=name,
                    kind=EntryKind.ACTIVITY,
                    content={"name": f"{name} {index}", "role": "controller"},
                )
            )
            service.commands.execute(
                AmendEntry(
                    actor=name,
                    kind=EntryKind.ACTIVITY,
                    entry_id=uuid.UUID(shared),
                    content={"owner": f"{name} {index}"},
                )
            )
            reader = service.reader
            seen = reader.entry(EntryKind.ACTIVITY, entry.id, reader.moment())
            if seen is None or seen.fields["name"] != f"{name} {index}":
                failures.put(f"{name}: write {index} not visible after it returned")
    except Exception as error:  # the parent reports what went wrong in the child
        failures.put(f"{name}: {error!r}")
    finally:
        service.close()


def test_two_processes_write_at_once(database_url: str) -> None:
    service = bootstrap(Settings(database_url=database_url))
    shared = service.commands.execute(
        RegisterEntry(
            actor="setup", kind=EntryKind.ACTIVITY, content={"name": "Shared", "role": "controller"}
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

    reader = service.reader
    verdict = reader.integrity()
    assert verdict.intact
    assert verdict.count == 1 + 2 * 2 * WRITES
    assert len(reader.changes(EntryKind.ACTIVITY, shared.id)) == 1 + 2 * WRITES
    current = reader.entry(EntryKind.ACTIVITY, shared.id, reader.moment())
    assert current is not None and current.version == 1 + 2 * WRITES
    moments = [reader.moment()]
    before = [reader.register(m).as_json() for m in moments]
    names = sorted(a["name"] for a in before[0]["activities"])
    assert len(names) == len(set(names)) == 1 + 2 * WRITES
    service.maintenance.rebuild()
    after = [reader.register(m).as_json() for m in moments]
    assert after == before
    service.close()
