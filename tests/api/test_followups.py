"""The DPO's work list (SPEC §6) on each engine: the follow-ups the story's changes raise, marked
done or dismissed by the DPO with a reason and evidence, as events in the chained history; the
list as it stood before and after the marks; the same ids on every call; and the marks kept
through an export and import."""

from __future__ import annotations

from typing import Any

import pytest

from register.application.followups import FollowUps
from register.application.maintenance import read_export
from register.application.service import Service
from register.bootstrap import bootstrap
from register.domain.worklist.identity import marks_entry_id
from register.settings import Settings
from tests.api.client import ApiClient, problem
from tests.api.subprocessor_story import APP, CLIENT, SUBPROCESSOR, Story, record_story
from tests.support import FakeClock, database

FOLLOWUPS = "/api/v1/followups"
EVIDENCE = "https://intranet.example/notices/2026-03-chatcloud.pdf"


@pytest.fixture
def story(api: ApiClient, service: Service, clock: FakeClock) -> Story:
    return record_story(api, service, clock)


def work_list(api: ApiClient, **query: Any) -> dict[str, Any]:
    response = api.get(FOLLOWUPS, **query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def the(found: list[dict[str, Any]], code: str, name: str | None = None) -> dict[str, Any]:
    """The one follow-up with ``code`` (about ``name``) among those the story's changes raised."""
    hits = [f for f in found if f["code"] == code and (name is None or name in f["text"])]
    assert len(hits) == 1, (code, name, [(f["code"], f["text"]) for f in found])
    return hits[0]


def raised_by_story(listed: dict[str, Any], story: Story) -> list[dict[str, Any]]:
    return [
        f for f in listed["followups"] if f["raised_at"] > story.loaded_at.replace("+00:00", "Z")
    ]


def test_the_changes_raise_open_follow_ups_with_stable_ids(api: ApiClient, story: Story) -> None:
    listed = work_list(api, status="open", lang="en")
    found = raised_by_story(listed, story)
    assert {f["status"] for f in found} == {"open"}
    new_subprocessor = the(found, "SUBPROC-ADDED", SUBPROCESSOR)
    assert new_subprocessor["entry_id"] == str(APP)
    assert new_subprocessor["raised_effective_from"] == "2026-04-15"
    assert new_subprocessor["closed_by"] is None and new_subprocessor["version"] == 0
    the(found, "CONTROLLERS-ADDED", CLIENT)
    the(found, "NOTICE-ACTIVITY-RETIRED", "Reclame")
    the(found, "ACTIVITY-RETIRED-ERASE", "Reclame")
    assert any(f["code"].startswith("RETENTION-") and "nieuwsbrieven" in f["text"] for f in found)
    again = work_list(api, status="open", lang="en", known_at=listed["known_at"])
    assert again == listed  # the same ids, the same bytes, the same digest
    assert listed["digest"].startswith("sha256:")
    integrity = api.get("/api/v1/integrity").get_json()
    assert listed["history"] == {
        "position": integrity["count"],
        "head_digest": integrity["head_digest"],
    }
    dutch = work_list(api, status="open", lang="nl", known_at=listed["known_at"])
    assert [f["id"] for f in dutch["followups"]] == [f["id"] for f in listed["followups"]]
    assert "Nieuwe subverwerker" in the(raised_by_story(dutch, story), "SUBPROC-ADDED")["text"]


def test_marks_close_follow_ups_as_events_seen_at_any_moment(
    api: ApiClient, auditor: ApiClient, story: Story, clock: FakeClock
) -> None:
    found = raised_by_story(work_list(api, status="open"), story)
    subprocessor = the(found, "SUBPROC-ADDED", SUBPROCESSOR)
    retired = the(found, "NOTICE-ACTIVITY-RETIRED", "Reclame")
    mark = f"{FOLLOWUPS}/{subprocessor['id']}/mark"
    done = {"status": "done", "reason": "Clients informed by email", "evidence_ref": EVIDENCE}

    problem(auditor.post(mark, done), 403)
    refused = problem(api.post(mark, {"status": "done"}), 422)
    assert [e["field"] for e in refused["errors"]] == ["reason"]
    assert (
        problem(api.post(mark, {**done, "status": "finished"}), 422)["errors"][0]["field"]
        == "status"
    )
    problem(api.post(f"{FOLLOWUPS}/0123456789abcdef/mark", done), 404)
    problem(api.post(mark, {"status": "open", "reason": "not yet"}), 422)

    clock.advance(hours=1)
    answer = api.post(mark, done)
    assert answer.status_code == 200, answer.get_json()
    assert answer.headers["ETag"] == '"1"'
    marked = answer.get_json()
    assert (marked["status"], marked["closed_by"], marked["reason"]) == (
        "done",
        "Dana DPO",
        "Clients informed by email",
    )
    assert marked["evidence_ref"] == EVIDENCE
    problem(api.post(mark, done), 422)  # marking it done again changes nothing
    problem(api.post(mark, {**done, "status": "dismissed"}, version=7), 412)
    dismissed = api.post(
        f"{FOLLOWUPS}/{retired['id']}/mark",
        {"status": "dismissed", "reason": "The statement never described Reclame separately"},
    )
    assert dismissed.status_code == 200, dismissed.get_json()
    clock.advance(hours=1)

    before = work_list(auditor, known_at=story.changed_at)
    after = work_list(auditor)
    assert the(before["followups"], "SUBPROC-ADDED", SUBPROCESSOR)["status"] == "open"
    closed = {f["id"]: f for f in after["followups"]}
    assert closed[subprocessor["id"]]["status"] == "done"
    assert closed[subprocessor["id"]]["closed_at"] == marked["closed_at"]
    assert closed[subprocessor["id"]]["raised_at"] == subprocessor["raised_at"]
    assert closed[retired["id"]]["status"] == "dismissed"
    assert after["counts"]["done"] == 1 and after["counts"]["dismissed"] == 1
    assert after["counts"]["open"] == before["counts"]["open"] - 2
    assert {f["id"] for f in work_list(auditor, status="done")["followups"]} == {subprocessor["id"]}
    assert [f["id"] for f in before["followups"]] == [f["id"] for f in after["followups"]]

    integrity = api.get("/api/v1/integrity").get_json()
    assert integrity["intact"] is True
    feed = api.get("/api/v1/events", after=after["history"]["position"] - 2).get_json()
    assert [e["type"] for e in feed] == ["ropa:FollowUp.Marked", "ropa:FollowUp.Marked"]
    assert feed[0]["reason"] == "Clients informed by email"
    register = api.get("/api/v1/register").get_data(as_text=True)
    assert str(marks_entry_id(subprocessor["id"])) not in register

    reopened = api.post(mark, {"status": "open", "reason": "A client asked again"}, version=1)
    assert reopened.status_code == 200
    assert (reopened.get_json()["status"], reopened.headers["ETag"]) == ("open", '"2"')


def test_the_first_load_of_a_register_raises_no_follow_up(api: ApiClient, story: Story) -> None:
    listed = work_list(api)
    assert len(raised_by_story(listed, story)) == len(listed["followups"])


def test_marks_survive_an_export_and_an_import(
    api: ApiClient, service: Service, story: Story, database_url: str, tmp_path
) -> None:
    found = raised_by_story(work_list(api, status="open"), story)
    subprocessor = the(found, "SUBPROC-ADDED", SUBPROCESSOR)
    marked = api.post(
        f"{FOLLOWUPS}/{subprocessor['id']}/mark",
        {"status": "done", "reason": "Clients informed", "evidence_ref": EVIDENCE},
    )
    assert marked.status_code == 200
    exported = [line.encode("utf-8") for line in service.maintenance.export_lines()]
    original = service.reader.integrity()
    engine = "sqlite" if database_url.startswith("sqlite") else "postgres"
    with database(engine, str(tmp_path)) as url:
        copy = bootstrap(Settings(database_url=url), FakeClock(service.reader.now()))
        try:
            copy.maintenance.import_events(read_export(exported, original.head_digest))
            assert copy.reader.integrity().head_digest == original.head_digest
            moment = service.reader.moment()
            lists = [
                FollowUps(s.reader, s.commands).work_list(moment).as_json("en")
                for s in (service, copy)
            ]
            assert lists[0] == lists[1]
            item = next(f for f in lists[1]["followups"] if f["id"] == subprocessor["id"])
            assert (item["status"], item["evidence_ref"]) == ("done", EVIDENCE)
        finally:
            copy.close()
