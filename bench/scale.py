"""The scale benchmark (issue 10): from nothing, generate histories and print, per engine, what
the register costs as its history grows.

    .venv/bin/python bench/scale.py [--sizes 10000,100000,1000000] [--engines sqlite,postgres]
                                    [--folder /tmp/ropa-bench] [--requests 30] [--seconds 20]

For each history size (over 2,000 entries): ``ropa import-events`` and ``ropa rebuild`` (rate
of the work, and peak memory of the process), the room the read model takes beside the events,
and the register at three moments over HTTP (gunicorn, one worker: median and p95), against the
same rows read by an indexed SQL select on a plain connection in the same run, with the peak
memory of the worker. Then, on a fresh store: PATCH on a 2-event and a 1,000-event entry
against a bare ``Application.save`` on the same database, and writes per second of 4 clients
against 4 gunicorn workers against 4 processes of bare saves, with the check that every
acknowledged write was recorded exactly once and the chain verifies.

Histories are generated once into --folder and kept there. Traffic goes to 127.0.0.1 only, and
every series is bounded by --requests or --seconds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from scale_floor import floor_ms
from scale_http import gunicorn, median_p95, timed_gets, timed_patches, token
from scale_load import bare_save_ms, bare_saves_per_second, load, recorded_once
from scale_stores import ENGINES, fresh_store, ropa, sizes
from write_cost import grow

from register.bootstrap import bootstrap
from register.settings import Settings

BENCH = Path(__file__).resolve().parent
ENTRIES = 2_000
MOMENTS = {
    "as of 2023-10-24, known now": (date(2023, 10, 24), None),
    "as of 2025-04-01, known now": (date(2025, 4, 1), None),
    "as of 2024-06-01, known 2025-01-01": (date(2024, 6, 1), datetime(2025, 1, 1, tzinfo=UTC)),
}
LONG_ENTRY = 1_000
ACTOR = "bench load"  # the name of the token the writes under load go with


def history(folder: Path, size: int, entries: int = ENTRIES) -> Path:
    path = folder / f"history-{size}-{entries}.jsonl"
    if not path.exists():
        made = folder / f"history-{size}.partial"
        generator = str(BENCH / "generate_history.py")
        subprocess.run(
            [
                sys.executable,
                generator,
                "--events",
                str(size),
                "--entries",
                str(entries),
                "-o",
                str(made),
            ],
            check=True,
        )
        made.rename(path)
    return path


def mb(size: float) -> str:
    return f"{size / 1e6:,.0f} MB"


def history_rows(
    engine: str, folder: Path, size: int, entries: int, requests: int
) -> dict[str, object]:
    """Import, rebuild, room taken and the register over HTTP, on a store of ``size`` events."""
    with fresh_store(engine, folder) as url:
        imported = ropa(url, "import-events", str(history(folder, size, entries)))
        rebuilt = ropa(url, "rebuild")
        room = sizes(url)
        headers = token(url, "auditor", "bench auditor")
        queries = {}
        with gunicorn(url, 1) as server:
            for label, (as_of, known_at) in MOMENTS.items():
                known = known_at or datetime.now(UTC)
                path = f"/api/v1/register?as_of={as_of}&known_at={known.isoformat()}"
                path = path.replace("+00:00", "Z")
                median, p95 = median_p95(timed_gets(server.port, path, headers, requests))
                floor = floor_ms(url, as_of, known, requests)
                queries[label] = (median, p95, floor)
            peak = max(server.worker_peaks_mb())
    return {
        "size": size,
        "import": (size / (imported.work_seconds or imported.seconds), imported.peak_mb),
        "rebuild": (size / (rebuilt.work_seconds or rebuilt.seconds), rebuilt.peak_mb),
        "room": room,
        "queries": queries,
        "worker_peak": peak,
    }


def write_rows(engine: str, folder: Path, requests: int, seconds: float) -> dict[str, object]:
    """PATCH cost and writes under load, on a fresh store of ``engine``."""
    with fresh_store(engine, folder) as url:
        service = bootstrap(Settings(database_url=url))
        short = grow(service, 2)
        long = grow(service, LONG_ENTRY)
        service.close()
        bare = bare_save_ms(url, requests)
        headers = token(url, "dpo", "bench dpo")
        with gunicorn(url, 1) as server:
            patches = {
                events: median_p95(timed_patches(server.port, headers, str(entry.id), requests))[0]
                for events, entry in ((2, short), (LONG_ENTRY, long))
            }
        with gunicorn(url, 4) as server:
            writes = load(server.port, token(url, "dpo", ACTOR), 4, seconds)
        bare_rate = bare_saves_per_second(url, 4, seconds)
        verdict = recorded_once(url, writes, ACTOR)
        verified = "intact" in ropa(url, "verify", "--read-model").output
    acked = [w for w in writes if w.status in (200, 201)]
    latencies = sorted(w.milliseconds for w in writes)
    return {
        "patch": patches,
        "bare_ms": bare,
        "writes_per_second": len(acked) / seconds,
        "bare_per_second": bare_rate,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "max": latencies[-1],
        "refused": sorted({w.status for w in writes if w.status not in (200, 201)}),
        "recorded_once": verdict,
        "verified": verified,
    }


def print_tables(engine: str, rows: Sequence[dict], writes: dict | None) -> None:
    print(f"\n### {engine}\n")
    print(
        "| events | import (work) | import peak | rebuild (work) | rebuild peak "
        "| read model | events | ratio | events + ledger |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        room = row["room"]
        (imported, import_peak), (rebuilt, rebuild_peak) = row["import"], row["rebuild"]
        print(
            f"| {row['size']:,} | {imported:,.0f}/s | {import_peak:,.0f} MB | {rebuilt:,.0f}/s "
            f"| {rebuild_peak:,.0f} MB | {mb(room['read model'])} | {mb(room['events'])} "
            f"| {room['read model'] / room['events']:.2f}× "
            f"| {room['read model'] / (room['events'] + room['ledger']):.2f}× |"
        )
    print(
        "\n| register over HTTP | events | median | p95 | indexed SQL floor | ratio "
        "| per 10× history |"
    )
    print("|---|---|---|---|---|---|---|")
    for label in MOMENTS:
        previous = None
        for row in rows:
            median, p95, floor = row["queries"][label]
            growth = f"{median / previous:.2f}×" if previous else "–"
            print(
                f"| {label} | {row['size']:,} | {median:.0f} ms | {p95:.0f} ms | {floor:.1f} ms "
                f"| {median / floor:.1f}× | {growth} |"
            )
            previous = median
    if rows:
        print(
            f"\nPeak RSS of the worker serving the {rows[-1]['size']:,}-event register: "
            f"{rows[-1]['worker_peak']:.0f} MB"
        )
    if writes is None:
        return
    short, long = writes["patch"][2], writes["patch"][LONG_ENTRY]
    print("\n| writes | figure | ratio |")
    print("|---|---|---|")
    print(f"| bare Application.save (median) | {writes['bare_ms']:.1f} ms | |")
    print(
        f"| PATCH, 2-event entry (median, HTTP) | {short:.1f} ms "
        f"| {short / writes['bare_ms']:.1f}× bare save |"
    )
    print(
        f"| PATCH, {LONG_ENTRY:,}-event entry (median, HTTP) | {long:.1f} ms "
        f"| {long / short:.2f}× the 2-event entry |"
    )
    print(
        f"| writes/s, 4 gunicorn workers × 4 clients | {writes['writes_per_second']:.0f}/s "
        f"| {writes['writes_per_second'] / writes['bare_per_second']:.2f}× 4 processes of bare "
        f"saves ({writes['bare_per_second']:.0f}/s) |"
    )
    print(
        f"| write latency under that load, p99 (max) | {writes['p99']:.0f} ms "
        f"({writes['max']:.0f} ms) | |"
    )
    print(f"| statuses other than 200/201 | {writes['refused'] or 'none'} | |")
    print(
        f"| every acknowledged write recorded once | {writes['recorded_once']} "
        f"| chain and read model verify: {writes['verified']} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--folder", default="/tmp/ropa-bench")
    parser.add_argument("--entries", type=int, default=ENTRIES)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--no-writes", action="store_true", help="skip PATCH and load")
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    sizes_wanted = [int(size) for size in args.sizes.split(",")]
    for size in sizes_wanted:
        history(folder, size, args.entries)
    for engine in args.engines.split(","):
        rows = [
            history_rows(engine, folder, size, args.entries, args.requests) for size in sizes_wanted
        ]
        writes = None if args.no_writes else write_rows(engine, folder, args.requests, args.seconds)
        print_tables(engine, rows, writes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
