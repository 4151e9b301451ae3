"""The global event feed and the integrity check, as an integration or an auditor reads them."""

from __future__ import annotations

from tests.api.client import ApiClient, activity_body, recipient_body


def test_the_feed_gives_every_event_in_global_order(api: ApiClient, auditor: ApiClient) -> None:
    recipient = api.register("recipients", recipient_body())
    activity = api.register("activities", activity_body(reason="Start of the newsletter"))
    api.patch(f"/api/v1/activities/{activity['id']}", {"owner": "Marketing"}, version=1)

    events = auditor.get("/api/v1/events").get_json()
    assert [(e["position"], e["entry"], e["version"]) for e in events] == [
        (1, recipient["id"], 1),
        (2, activity["id"], 1),
        (3, activity["id"], 2),
    ]
    registered = events[1]
    assert registered["entry_kind"] == "activity"
    assert registered["type"].endswith("Registered")
    assert registered["actor"] == "Dana DPO"
    assert registered["reason"] == "Start of the newsletter"
    assert registered["effective_from"] == "2026-03-02"
    assert registered["recorded_at"].startswith("2026-03-02T09:00:00")
    assert registered["payload"]["fields"]["name"] == "Newsletter"
    assert events[2]["payload"] == {"fields": {"owner": "Marketing"}}

    assert [e["position"] for e in auditor.get("/api/v1/events", after=1, limit=1).get_json()] == [
        2
    ]
    assert auditor.get("/api/v1/events", after=3).get_json() == []


def test_integrity_reports_the_head_digest_and_count(api: ApiClient, auditor: ApiClient) -> None:
    api.register("recipients", recipient_body())
    api.register("recipients", recipient_body(name="Mail service"))
    verdict = auditor.get("/api/v1/integrity").get_json()
    assert verdict["intact"] is True and verdict["count"] == 2 and verdict["finding"] is None
    last = auditor.get("/api/v1/events").get_json()[-1]
    assert verdict["head_digest"] == last["chain_digest"]
    register = auditor.get("/api/v1/register").get_json()
    assert register["history"] == {"position": 2, "head_digest": verdict["head_digest"]}


def test_health_is_open_and_ready_checks_the_database(app) -> None:
    client = app.test_client()
    assert client.get("/health").get_json() == {"status": "ok"}
    assert client.get("/ready").get_json() == {"status": "ready"}


def test_integrity_checks_a_digest_given_out_earlier(api: ApiClient, auditor: ApiClient) -> None:
    api.register("recipients", recipient_body())
    history = auditor.get("/api/v1/register").get_json()["history"]
    api.register("recipients", recipient_body(name="Mail service"))
    held = {"position": history["position"], "digest": history["head_digest"]}
    verdict = auditor.get("/api/v1/integrity", **held).get_json()
    assert verdict["intact"] is True and verdict["count"] == 2
    wrong = {**held, "digest": "f" * 64}
    verdict = auditor.get("/api/v1/integrity", **wrong).get_json()
    assert verdict["intact"] is False
    assert verdict["finding"]["position"] == history["position"]
    assert verdict["finding"]["problem"].startswith("rewritten")
    alone = auditor.get("/api/v1/integrity", position=1)
    assert alone.status_code == 422
    assert alone.get_json()["errors"][0]["field"] == "digest"
