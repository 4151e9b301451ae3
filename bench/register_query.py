"""Time the register query itself (no process start-up) at a few points in time.

Run it against stores whose histories differ in length but not in register size, to see that
the query costs what the register at that date holds, not what the history holds.

    python bench/register_query.py sqlite:///var/b100k.db
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, date, datetime

from register.bootstrap import bootstrap
from register.domain.views import Moment
from register.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    service = bootstrap(Settings(database_url=args.url))
    reader = service.reader
    now = reader.now()
    points = {
        "as_of 2023-10-24, known now": Moment(date(2023, 10, 24), now),
        "as_of 2025-04-01, known now": Moment(date(2025, 4, 1), now),
        "as_of today, known now": Moment(reader.today(), now),
        "as_of 2024-06-01, known 2025-01-01": Moment(
            date(2024, 6, 1), datetime(2025, 1, 1, tzinfo=UTC)
        ),
    }
    print(f"| query ({args.url.split(':')[0]}) | activities | recipients | median |")
    print("|---|---|---|---|")
    try:
        for label, moment in points.items():
            timings = []
            for _ in range(args.repeats):
                started = time.perf_counter()
                register = reader.register(moment).as_json()  # the answer, digest and all
                timings.append(time.perf_counter() - started)
            print(
                f"| {label} | {len(register['activities'])} | {len(register['recipients'])} "
                f"| {statistics.median(timings) * 1000:.0f} ms |"
            )
    finally:
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
