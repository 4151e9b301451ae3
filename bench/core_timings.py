"""Time the core on a generated history, on SQLite and on PostgreSQL.

For each engine: import the history into an empty store, rebuild the read model, and ask for
the register as of 2023-10-24 several times, each through the real ``ropa`` command (so the
figures include process start-up). Prints a Markdown table.

    python bench/generate_history.py --events 100000 -o var/bench-100k.jsonl
    python bench/core_timings.py var/bench-100k.jsonl
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg

POSTGRES = os.environ.get("ROPA_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
ROPA = str(Path(sys.executable).with_name("ropa"))


def timed(url: str, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [ROPA, *args],
        env={**os.environ, "ROPA_DATABASE_URL": url},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def measure(url: str, history: str, repeats: int) -> dict[str, float]:
    figures = {"import-events": timed(url, "import-events", history)}
    figures["rebuild"] = timed(url, "rebuild")
    register = [
        timed(url, "register", "--as-of", "2023-10-24", "-o", os.devnull) for _ in range(repeats)
    ]
    figures["register --as-of 2023-10-24 (median)"] = statistics.median(register)
    figures["register, current (median)"] = statistics.median(
        timed(url, "register", "-o", os.devnull) for _ in range(repeats)
    )
    figures["verify"] = timed(url, "verify")
    figures["ropa --help (start-up floor)"] = timed(url, "--help")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("history", help="an export file, e.g. from bench/generate_history.py")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--engines", default="sqlite,postgres")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    for engine in args.engines.split(","):
        if engine == "sqlite":
            path = Path("var") / f"bench-{uuid.uuid4().hex[:8]}.db"
            path.parent.mkdir(exist_ok=True)
            results[engine] = measure(f"sqlite:///{path}", args.history, args.repeats)
            path.unlink()
            continue
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(POSTGRES, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {schema}")
        try:
            url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
            results[engine] = measure(url, args.history, args.repeats)
        finally:
            with psycopg.connect(POSTGRES, autocommit=True) as connection:
                connection.execute(f"DROP SCHEMA {schema} CASCADE")
    engines = list(results)
    print("| step | " + " | ".join(engines) + " |")
    print("|---|" + "---|" * len(engines))
    for step in results[engines[0]]:
        print(f"| {step} | " + " | ".join(f"{results[e][step]:.2f} s" for e in engines) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
