"""Time a full-register diff against one register query on the same store, in one run.

A diff reads two registers and compares them entry by entry, with the follow-ups of every
change, so its floor is two register queries; the figure to watch is its ratio to one query
measured in the same run (the machine is noisy).

    python bench/diff_cost.py sqlite:///var/b100k.db --from 2023-10-24

With ``--stages`` it also times the diff's stages one by one, each as the diff runs it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from register.application.collector import collector_held_off
from register.application.diffs import EventsBetween, diff_document, register_diff
from register.application.facade import Reader
from register.bootstrap import bootstrap
from register.domain.diff.answer import DiffAnswer
from register.domain.diff.compare import compare
from register.domain.followups import findings
from register.domain.views import Moment
from register.settings import Settings


def median_ms(work: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--from", dest="from_", default="2023-10-24", help="the earlier as_of")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--stages", action="store_true", help="also time each stage of the diff")
    args = parser.parse_args()
    service = bootstrap(Settings(database_url=args.url))
    reader = service.reader
    now = reader.now()
    before, after = Moment(date.fromisoformat(args.from_), now), Moment(reader.today(), now)
    try:
        register = reader.register(after).as_json()
        answer = register_diff(reader, before, after)
        document = diff_document(answer, "en")
        followups = sum(len(e["followups"]) for e in document["entries"])
        query = median_ms(lambda: reader.register(after).as_json(), args.repeats)
        diff = median_ms(
            lambda: diff_document(register_diff(reader, before, after), "en"), args.repeats
        )
        stages = diff_stages(reader, before, after, args.repeats) if args.stages else {}
    finally:
        service.close()
    print(f"store: {args.url}")
    print(
        f"register at {after.as_of}: {len(register['activities'])} activities, "
        f"{len(register['recipients'])} recipients"
    )
    print(
        f"diff {before.as_of} -> {after.as_of}: {len(document['entries'])} entries changed, "
        f"{followups} follow-ups on entries"
    )
    print("| work | median | ratio |")
    print("|---|---|---|")
    print(f"| one register query (as_of today, JSON) | {query:.0f} ms | 1.00 |")
    print(f"| full-register diff with follow-ups (JSON) | {diff:.0f} ms | {diff / query:.2f} |")
    for stage, ms in stages.items():
        print(f"| - stage: {stage} | {ms:.0f} ms | {ms / query:.2f} |")
    return 0


def diff_stages(reader: Reader, before: Moment, after: Moment, repeats: int) -> dict[str, float]:
    """Each stage's median on its own, with the collector held off as in the diff."""
    earlier, later = reader.register(before), reader.register(after)
    diff = compare(earlier, later)
    found = tuple(findings(diff, EventsBetween(reader, diff)))
    work: dict[str, Callable[[], object]] = {
        "read the earlier register": lambda: reader.register(before),
        "read the later register": lambda: reader.register(after),
        "compare": lambda: compare(earlier, later),
        "follow-ups": lambda: findings(diff, EventsBetween(reader, diff)),
        "answer in JSON": lambda: DiffAnswer(diff, found).as_json("en"),
    }
    timed = {}
    for stage, run in work.items():
        with collector_held_off():
            timed[stage] = median_ms(run, repeats)
    return timed


if __name__ == "__main__":
    sys.exit(main())
