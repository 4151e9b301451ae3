"""The read-model check on plain data: an entry's rows against the fold of its events."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from register.application.read_model_check import disagreement
from register.domain.canonical import canonical_json
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE, AMENDED, END_OF_TIME, REGISTERED, Change
from register.store.segment_rows import SegmentRow
from register.store.tables import KNOWN_FOREVER, to_micros

D1, D2 = date(2023, 10, 24), date(2024, 3, 1)
R1, R2 = datetime(2024, 1, 2, 9, tzinfo=UTC), datetime(2024, 3, 5, 9, tzinfo=UTC)
HEAD = to_micros(R2)

CHANGES = [
    Change(1, R1, D1, REGISTERED, {"name": "Newsletter", "role": "controller"}),
    Change(2, R2, D2, AMENDED, {"name": "Mailing"}),
]


def row(valid_from: date, valid_to: date, known: tuple[datetime, datetime | None], name: str):
    fields = {"name": name, "role": "controller"}
    return SegmentRow(
        entry_kind="activity",
        valid_from=valid_from,
        valid_to=valid_to,
        registered_on=D1,
        known_from=to_micros(known[0]),
        known_to=KNOWN_FOREVER if known[1] is None else to_micros(known[1]),
        status=ACTIVE,
        name=name,
        facet="controller",
        content=canonical_json(fields),
    )


# What the projection writes for CHANGES: the first row closed by the amendment, which writes
# the stretch from D1 again.
ROWS = [
    row(D1, END_OF_TIME, (R1, R2), "Newsletter"),
    row(D1, D2, (R2, None), "Newsletter"),
    row(D2, END_OF_TIME, (R2, None), "Mailing"),
]


def found(rows: list[SegmentRow], head: int = HEAD) -> str | None:
    return disagreement(EntryKind.ACTIVITY, CHANGES, rows, head)


def test_rows_written_by_the_projection_agree() -> None:
    assert found(ROWS) is None


def test_an_open_row_edited_is_named_as_recorded_now() -> None:
    edited = [*ROWS[:2], replace(ROWS[2], status="retired")]
    assert found(edited) == (
        "as recorded now, its segment from 2024-03-01 differs from its events in status"
    )
    moved = [*ROWS[:2], replace(ROWS[2], valid_from=date(2024, 2, 1))]
    assert found(moved) == (
        "as recorded now, its segment from 2024-02-01 differs from its events in valid_from"
    )


def test_a_closed_row_edited_is_named_with_the_moment_it_answered_for() -> None:
    content = canonical_json({"name": "Newsletter", "role": "controller", "owner": "Sales"})
    edited = [replace(ROWS[0], content=content), *ROWS[1:]]
    assert found(edited) == (
        "as recorded at 2024-01-02T09:00:00Z, its segment from 2023-10-24 differs from its "
        "events in content"
    )


def test_a_missing_and_a_doubled_row() -> None:
    assert found(ROWS[:2]) == (
        "as recorded now, the segment from 2024-03-01 that its events give is missing"
    )
    assert found([*ROWS, ROWS[2]]) == (
        "as recorded now, its segment from 2024-03-01 is not one its events give"
    )


def test_a_row_on_record_at_a_moment_no_event_was_recorded() -> None:
    early = replace(ROWS[0], known_to=ROWS[0].known_from + 1)
    assert found([early, *ROWS[1:]]) == (
        "its segment from 2023-10-24 was on record from or until a moment when none of its "
        "events was recorded"
    )


def test_columns_derived_from_the_content_must_agree_with_it() -> None:
    assert found([*ROWS[:2], replace(ROWS[2], name="Other")]) == (
        "its segment from 2024-03-01 has a name that differs from its content"
    )
    assert found([*ROWS[:2], replace(ROWS[2], facet="processor")]) == (
        "its segment from 2024-03-01 has a role that differs from its content"
    )
    assert found([*ROWS[:2], replace(ROWS[2], content="{not json")]) == (
        "its segment from 2024-03-01 has content that is not a JSON object"
    )
    assert found([*ROWS[:2], replace(ROWS[2], entry_kind="recipient")]) == (
        "its segment from 2024-03-01 is filed under 'recipient', not 'activity'"
    )


def test_what_was_recorded_after_the_check_began_is_left_out() -> None:
    before_the_amendment = to_micros(R1)
    assert found(ROWS, before_the_amendment) is None
    assert found(ROWS[:1], before_the_amendment) is None
