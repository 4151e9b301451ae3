"""``ropa diff`` against a real store (SPEC §8): the same answer as the API, to standard output
or a file, and a one-line refusal of a moment that has not passed."""

from __future__ import annotations

import json


def test_the_first_day_is_a_baseline_of_every_entry(ropa, tmp_path) -> None:
    ropa("load-example")
    status, out, _ = ropa("diff", "--from", "2023-10-23", "--to", "2023-10-24")
    answer = json.loads(out)
    assert status == 0 and answer["baseline"] is True
    register = json.loads(ropa("register", "--as-of", "2023-10-24")[1])
    listed = [register["organisation"], *register["activities"], *register["recipients"]]
    shown = [*listed, register["policy"]]
    assert {e["how"] for e in answer["entries"]} == {"added"}
    assert {e["id"] for e in answer["entries"]} == {e["id"] for e in shown if e}
    target = tmp_path / "diff.md"
    status, _, _ = ropa(
        "diff",
        "--from",
        "2023-10-23",
        "--to",
        "2023-10-24",
        "--format",
        "md",
        "--lang",
        "nl",
        "-o",
        str(target),
    )
    assert status == 0 and "**Nulmeting**" in target.read_text(encoding="utf-8")


def test_a_moment_that_has_not_passed_is_refused_in_one_line(ropa) -> None:
    status, out, err = ropa(
        "diff", "--from", "2023-10-23", "--to", "2023-10-24", "--to-known-at", "2999-01-01"
    )
    assert status == 1 and out == ""
    assert err.startswith("ropa: to_known_at 2999-01-01") and err.count("\n") == 1
