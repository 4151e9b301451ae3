"""The benchmark scripts still run against the code as it is, on a history small enough to take
seconds. They time nothing here: a benchmark that no longer runs would only be found when the
figures are needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def run(*args: str, url: str | None = None) -> str:
    env = {**os.environ, "ROPA_DATABASE_URL": url} if url else None
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, check=False, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout + done.stderr


def test_the_history_generator_and_the_query_and_write_benchmarks_run(
    database_url: str, tmp_path: Path
) -> None:
    history = tmp_path / "history.jsonl"
    generator = str(BENCH / "generate_history.py")
    made = run(generator, "--events", "400", "--entries", "40", "-o", str(history))
    assert "Wrote 400 events" in made
    assert "Imported 400 events" in run(
        "-m", "api.cli", "import-events", str(history), url=database_url
    )
    query = run(str(BENCH / "register_query.py"), database_url, "--repeats", "1")
    assert "as_of 2023-10-24" in query
    costs = run(str(BENCH / "write_cost.py"), database_url, "--repeats", "2", "--lengths", "2,5")
    assert costs.count("\n") >= 3
    diff = run(str(BENCH / "diff_cost.py"), database_url, "--repeats", "1", "--stages")
    assert "full-register diff with follow-ups" in diff and "stage: follow-ups" in diff


def test_the_scale_runner_runs(database_url: str, tmp_path: Path) -> None:
    engine = "postgres" if database_url.startswith("postgresql") else "sqlite"
    printed = run(
        str(BENCH / "scale.py"),
        *("--sizes", "300", "--entries", "30", "--engines", engine),
        *("--folder", str(tmp_path), "--requests", "2", "--seconds", "1"),
    )
    assert f"### {engine}" in printed
    assert "every acknowledged write recorded once | yes" in printed
