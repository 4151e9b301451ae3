"""The segment planner, without a database: applying its plans event by event leaves exactly the
timeline the reference fold computes from all the events at once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from register.domain.timeline import (
    AMENDED,
    REGISTERED,
    REINSTATED,
    RETIRED,
    Change,
    segments,
)
from register.store.segment_plan import OpenRow, plan, reopened, start_of

BASE = date(2024, 1, 1)
RECORDED = datetime(2024, 1, 8, tzinfo=UTC)

later_change = st.tuples(
    st.sampled_from([AMENDED, AMENDED, AMENDED, RETIRED, REINSTATED]),
    st.integers(-3, 10),
    st.sampled_from(["name", "owner"]),
)


def history(first_day: int, steps: list[tuple[str, int, str]]) -> list[Change]:
    changes = [Change(1, RECORDED, BASE + timedelta(days=first_day), REGISTERED, {"name": "a"})]
    for version, (kind, offset, field) in enumerate(steps, start=2):
        fields = {field: f"{field} {version}"} if kind == AMENDED else {}
        changes.append(
            Change(
                version,
                RECORDED + timedelta(seconds=version),
                BASE + timedelta(days=offset),
                kind,
                fields,
            )
        )
    return changes


def replay(changes: list[Change]) -> list[OpenRow]:
    """Open rows as the projection keeps them, each event planned against the rows before it."""
    rows: list[OpenRow] = []
    next_id = 0
    for index, change in enumerate(changes):
        start = start_of(rows, change.effective_from)
        since = [c for c in changes[:index] if c.effective_from >= start]
        decided = plan(rows, change, since)
        closed = set(decided.close)
        assert closed.isdisjoint(row.id for row in decided.keep)
        assert closed | {row.id for row in decided.keep} == {row.id for row in rows}
        inserted = []
        for segment in decided.insert:
            next_id += 1
            inserted.append(OpenRow(next_id, segment.valid_from, segment.valid_to, segment.state))
        rows = reopened(decided, inserted)
    return rows


@given(st.integers(0, 3), st.lists(later_change, max_size=12))
def test_plans_applied_in_turn_leave_the_reference_timeline(
    first_day: int, steps: list[tuple[str, int, str]]
) -> None:
    changes = history(first_day, steps)
    rows = sorted(replay(changes), key=lambda row: row.valid_from)
    expected = segments(changes)
    assert [(r.valid_from, r.valid_to, r.state) for r in rows] == [
        (s.valid_from, s.valid_to, s.state) for s in expected
    ]


def test_a_change_closes_only_the_rows_reaching_past_its_date() -> None:
    changes = history(0, [(AMENDED, 5, "owner")])
    rows = replay(changes[:1])
    (registered,) = rows
    assert start_of(rows, changes[1].effective_from) == BASE
    decided = plan(rows, changes[1], changes[:1])
    assert decided.close == [registered.id] and decided.keep == []
    assert [s.valid_from for s in decided.insert] == [BASE, BASE + timedelta(days=5)]
    assert decided.insert[1].state.fields == {"name": "a", "owner": "owner 2"}
