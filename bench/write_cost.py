"""Time one amendment of an entry as its history grows: the write should cost the same on an
entry with a few events and on one with a thousand.

For each history length it grows one entry to that many events, then times amendments of it
(effective today, and backdated to the day of its last grown amendment), each in its own
transaction, as the API makes them.
Figures are medians; each ratio is against the shortest history, measured in the same run.

    python bench/write_cost.py sqlite:///var/write-cost.db
    python bench/write_cost.py postgresql://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

from register.application.service import Service
from register.bootstrap import bootstrap
from register.domain.commands import AmendEntry, RegisterEntry
from register.domain.kinds import EntryKind
from register.domain.views import EntryView
from register.settings import Settings

LENGTHS = (2, 100, 1000)
START = date(2020, 1, 1)


def new_entry(service: Service) -> EntryView:
    return service.commands.execute(
        RegisterEntry(
            actor="bench",
            kind=EntryKind.ACTIVITY,
            content={"name": "Grown", "role": "controller"},
            effective_from=START,
            reason="bench",
        )
    )


def amend(service: Service, entry: EntryView, value: str, day: date) -> EntryView:
    return service.commands.execute(
        AmendEntry(
            actor="bench",
            kind=EntryKind.ACTIVITY,
            entry_id=entry.id,
            content={"owner": value},
            effective_from=day,
            reason="bench",
        )
    )


def grow(service: Service, events: int) -> EntryView:
    """An entry with ``events`` events, each amendment on a day of its own."""
    entry = new_entry(service)
    for number in range(events - 1):
        entry = amend(service, entry, f"grown {number}", START + timedelta(days=number))
    return entry


def timed(service: Service, entry: EntryView, day: date, repeats: int) -> float:
    samples = []
    for number in range(repeats):
        began = time.perf_counter()
        entry = amend(service, entry, f"timed {day} {number}", day)
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument(
        "--lengths", default=",".join(map(str, LENGTHS)), help="history lengths, e.g. 2,100,1000"
    )
    args = parser.parse_args()
    service = bootstrap(Settings(database_url=args.url))
    today = service.reader.today()
    try:
        timed(service, new_entry(service), today, args.repeats)  # warm the caches up
        print("events  today ms  ratio  backdated ms  ratio")
        floor: tuple[float, float] | None = None
        for length in (int(n) for n in args.lengths.split(",")):
            entry = grow(service, length)
            now = timed(service, entry, today, args.repeats)
            back = timed(service, entry, START + timedelta(days=length - 2), args.repeats)
            floor = floor or (now, back)
            print(
                f"{length:>6}  {now * 1000:>8.1f}  {now / floor[0]:>5.2f}"
                f"  {back * 1000:>12.1f}  {back / floor[1]:>5.2f}"
            )
    finally:
        service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
