"""What changed, and what it requires, on a realistic history (issue 9), through the API on
SQLite and PostgreSQL: the diff from the statement of 24 October 2023 to today with its
follow-ups and the statement's changed sentences, the checks, the work list before and after
marks, and the sub-processor letter."""

from __future__ import annotations

from typing import Any

import pytest

from register.application.service import Service
from tests.api.client import ApiClient
from tests.api.realistic_history import (
    CLIENT,
    DEMO,
    STATEMENT_DAY,
    SUBPROCESSOR,
    History,
    record_history,
)
from tests.support import FakeClock

EVIDENCE = "https://dms.example/notices/2026-03-02-chatcloud"


@pytest.fixture
def history(api: ApiClient, service: Service, clock: FakeClock) -> History:
    return record_history(api, service, clock)


def diff(api: ApiClient, history: History, **query: Any) -> Any:
    asked = {"from": STATEMENT_DAY, "from_known_at": history.published_at, "to": history.today}
    answer = api.get("/api/v1/register/diff", **asked, **query)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer


def codes(followups: list[dict[str, Any]]) -> set[str]:
    return {f["code"] for f in followups}


def test_the_diff_since_the_statement_shows_each_change_with_what_it_requires(
    auditor: ApiClient, history: History
) -> None:
    answer = diff(auditor, history, lang="nl", include="statement").get_json()
    entries = {e["name"]: e for e in answer["entries"]}
    app = entries["App voor ondersteuning bij ongewenst gedrag (in opdracht van klantorganisaties)"]
    fields = {f["field"]: f for f in app["fields"]}
    (added,) = [i for i in fields["recipients"]["items"] if i["how"] == "added"]
    assert added["after"]["recipient"] == history.subprocessor_id
    assert {"SUBPROC-ADDED", "TRANSFER-SAFEGUARD-MISSING"} <= codes(
        fields["recipients"]["followups"]
    )
    chat = entries[SUBPROCESSOR]
    assert (chat["how"], codes(chat["followups"])) == ("added", {"PROCESSOR-NO-DPA"})
    (client,) = fields["controllers"]["items"]
    assert (client["how"], client["after"]["name"]) == ("added", CLIENT)
    assert "CONTROLLERS-ADDED" in codes(fields["controllers"]["followups"])

    newsletter = {f["field"]: f for f in entries["Verzenden van nieuwsbrieven"]["fields"]}
    assert "NOTICE-RETENTION" in codes(newsletter["retention"]["followups"])

    advertising = entries["Reclame"]
    assert advertising["how"] == "removed"
    assert {"NOTICE-ACTIVITY-RETIRED", "ACTIVITY-RETIRED-ERASE"} <= codes(advertising["followups"])

    demo = {f["field"]: f for f in entries["Een live demo boeken"]["fields"]}
    (rule,) = demo["retention"]["items"]
    assert (rule["before"]["period"], rule["after"]["period"]) == ("P2Y", "P1Y")
    assert {"NOTICE-RETENTION", "RETENTION-SHORTENED"} <= codes(demo["retention"]["followups"])
    assert answer["baseline"] is False

    statement = answer["statement"]
    removed = {c["text"] for c in statement["changes"] if c["how"] == "removed"}
    added_lines = {c["text"] for c in statement["changes"] if c["how"] == "added"}
    assert "- Bewaartermijn: uiterlijk 2 jaar na ontvangst van de gegevens." in removed
    assert "- Bewaartermijn: uiterlijk 1 jaar na ontvangst van de gegevens." in added_lines
    demo_lines = [c for c in statement["changes"] if c["entry_id"] == str(DEMO)]
    assert {c["field"] for c in demo_lines} == {"retention[0].period"}

    markdown = diff(auditor, history, lang="nl", format="md", include="statement")
    text = markdown.get_data(as_text=True)
    assert "Een live demo boeken" in text and "2 jaar → 1 jaar" in text
    assert "-- Bewaartermijn: uiterlijk 2 jaar na ontvangst van de gegevens." in text
    page = diff(auditor, history, lang="nl", format="html", include="statement")
    assert "<del>-- Bewaartermijn: uiterlijk 2 jaar" in page.get_data(as_text=True)


def test_a_backdated_correction_makes_the_statement_of_its_day_stale(
    auditor: ApiClient, history: History
) -> None:
    """The demo correction takes effect on the statement's own date, but was recorded after
    the statement was published: the statement does not reflect it."""
    answer = auditor.get(
        "/api/v1/register/diff",
        **{"from": STATEMENT_DAY, "from_known_at": history.published_at, "to": STATEMENT_DAY},
    ).get_json()
    assert [e["id"] for e in answer["entries"]] == [str(DEMO)]
    (stale,) = [f for f in answer["followups"] if f["code"] == "POLICY-STALE"]
    assert stale["text"].startswith("The privacy statement of 2023-10-24 does not yet reflect 1")


def test_the_checks_report_what_the_new_sub_processor_lacks(
    auditor: ApiClient, history: History
) -> None:
    answer = auditor.get("/api/v1/checks", lang="nl").get_json()
    about_chat = {f["code"] for f in answer["findings"] if SUBPROCESSOR in f["text"]}
    assert "CHK-PROCESSOR-NO-DPA" in about_chat
    assert about_chat & {"CHK-TRANSFER-UNRECORDED", "CHK-TRANSFER-NO-SAFEGUARD"}
    assert "CHK-POLICY-STALE" not in {f["code"] for f in answer["findings"]}


def test_the_work_list_is_read_before_and_after_its_marks(
    api: ApiClient, auditor: ApiClient, history: History, clock: FakeClock
) -> None:
    opened = auditor.get("/api/v1/followups", status="open", lang="nl").get_json()
    by_code = {f["code"]: f for f in opened["followups"]}
    assert {"SUBPROC-ADDED", "RETENTION-SHORTENED", "CONTROLLERS-ADDED"} <= set(by_code)
    before_marks = opened["known_at"]
    clock.advance(hours=1)
    for code in ("SUBPROC-ADDED", "RETENTION-SHORTENED"):
        marked = api.post(
            f"/api/v1/followups/{by_code[code]['id']}/mark",
            {"status": "done", "reason": f"{code} handled", "evidence_ref": EVIDENCE},
        )
        assert marked.status_code == 200, marked.get_json()
    then = auditor.get("/api/v1/followups", known_at=before_marks).get_json()
    now = auditor.get("/api/v1/followups").get_json()
    for code in ("SUBPROC-ADDED", "RETENTION-SHORTENED"):
        followup_id = by_code[code]["id"]
        (old,) = [f for f in then["followups"] if f["id"] == followup_id]
        (new,) = [f for f in now["followups"] if f["id"] == followup_id]
        assert (old["status"], old["closed_by"]) == ("open", None)
        assert (new["status"], new["closed_by"], new["reason"]) == (
            "done",
            "Dana DPO",
            f"{code} handled",
        )
        assert new["evidence_ref"] == EVIDENCE
    assert auditor.get("/api/v1/integrity").get_json()["intact"] is True


def test_the_sub_processor_letter_names_the_change_and_the_right_to_object(
    auditor: ApiClient, history: History
) -> None:
    asked = {"from": STATEMENT_DAY, "from_known_at": history.published_at, "to": history.today}
    letter = auditor.get("/api/v1/notices/subprocessors", **asked, format="md", lang="nl")
    text = letter.get_data(as_text=True)
    assert letter.status_code == 200, text
    assert SUBPROCESSOR in text and CLIENT in text
    assert "bezwaar" in text and "art. 28, lid 2" in text.lower()
