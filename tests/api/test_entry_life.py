"""The whole life of an activity and of a recipient, through the API, on SQLite and PostgreSQL:
register, read, amend, list, retire, reinstate, and the history that tells it all."""

from __future__ import annotations

import pytest

from register.domain.catalogue import complete, partial
from register.domain.kinds import EntryKind
from tests.api.client import ApiClient, activity_body, etag, problem, recipient_body

TODAY = "2026-03-02"


@pytest.fixture
def hoster(api: ApiClient) -> dict:
    return api.register("recipients", recipient_body())


LIVES = {
    "activities": (
        lambda hoster: activity_body(recipients=[hoster["id"]]),
        {"owner": "Marketing", "data_subjects": ["Subscribers", "Former subscribers"]},
        "role",
        "controller",
    ),
    "recipients": (
        lambda hoster: recipient_body(name="Payment provider", category="payment"),
        {"country": "us", "transfer_safeguard": "standard_contractual_clauses"},
        "category",
        "payment",
    ),
}


def kind_of(plural: str) -> EntryKind:
    return EntryKind.ACTIVITY if plural == "activities" else EntryKind.RECIPIENT


def as_stored(plural: str, body: dict) -> dict:
    """The body as the register stores it: labels in lists become the objects they name."""
    return {k: v for k, v in complete(kind_of(plural), body).items() if k in body}


def amended_as_stored(plural: str, amendment: dict) -> dict:
    """An amendment as the register stores it: normalised (country codes to upper case, labels
    to the objects they name)."""
    return partial(kind_of(plural), amendment)


@pytest.mark.parametrize("plural", LIVES)
def test_the_whole_life_of_an_entry(api: ApiClient, auditor: ApiClient, hoster, plural) -> None:
    make_body, amendment, facet, facet_value = LIVES[plural]
    body = make_body(hoster)

    created = api.post(f"/api/v1/{plural}", {**body, "reason": "New processing"})
    assert created.status_code == 201
    entry = created.get_json()
    url = f"/api/v1/{plural}/{entry['id']}"
    assert created.headers["Location"] == url
    assert etag(created) == '"1"'
    assert entry["version"] == 1 and entry["status"] == "active"
    assert {k: entry[k] for k in body} == as_stored(plural, body)

    read = auditor.get(url)
    assert read.status_code == 200 and etag(read) == '"1"'
    assert read.get_json() == entry

    amended = api.patch(url, amendment, version=1)
    assert amended.status_code == 200 and etag(amended) == '"2"'
    after = amended.get_json()
    changed = {k for k in after if after[k] != entry[k]}
    assert changed == set(amendment) | {"version"}

    listed = auditor.get(f"/api/v1/{plural}", **{facet: facet_value})
    assert [e["id"] for e in listed.get_json()] == [entry["id"]]

    retired = api.post(url + "/retire", {"reason": "No longer done"}, version=2)
    assert retired.status_code == 200 and etag(retired) == '"3"'
    assert retired.get_json()["status"] == "retired"
    gone = problem(auditor.get(url), 404)
    assert f"retired on {TODAY}" in gone["detail"]
    assert f"/api/v1/{plural}?status=retired" in gone["detail"]
    assert url + "/history" in gone["detail"]
    assert entry["id"] not in [e["id"] for e in auditor.get(f"/api/v1/{plural}").get_json()]
    retired_list = auditor.get(f"/api/v1/{plural}", status="retired").get_json()
    assert [e["id"] for e in retired_list] == [entry["id"]]

    reinstated = api.post(url + "/reinstate", version=3)
    assert reinstated.status_code == 200 and etag(reinstated) == '"4"'
    assert auditor.get(url).get_json()["status"] == "active"

    history = auditor.get(url + "/history").get_json()
    assert [(h["version"], h["type"]) for h in history] == [
        (1, "registered"),
        (2, "amended"),
        (3, "retired"),
        (4, "reinstated"),
    ]
    assert {h["actor"] for h in history} == {"Dana DPO"}
    assert [h["reason"] for h in history] == ["New processing", None, "No longer done", None]
    amendment_changes = {c["field"]: (c["before"], c["after"]) for c in history[1]["changes"]}
    for field, value in amended_as_stored(plural, amendment).items():
        before, after = amendment_changes[field]
        assert before == entry[field] and after == value
    assert history[2]["changes"] == [{"field": "status", "before": "active", "after": "retired"}]


def test_an_activity_in_the_register_names_its_recipients(api: ApiClient, hoster) -> None:
    activity = api.register("activities", activity_body(recipients=[hoster["id"]]))
    register = api.get("/api/v1/register").get_json()
    assert [a["id"] for a in register["activities"]] == [activity["id"]]
    assert register["activities"][0]["recipients"] == [
        {"recipient": hoster["id"], "role": None, "note": None}
    ]
    assert [r["id"] for r in register["recipients"]] == [hoster["id"]]


def test_the_organisation_is_put_once_then_replaced_with_its_etag(api: ApiClient) -> None:
    problem(api.get("/api/v1/organisation"), 404)
    first = api.put("/api/v1/organisation", {"name": "Cinnux B.V.", "trade_name": "Opgelucht"})
    assert first.status_code == 201 and etag(first) == '"1"'
    problem(api.put("/api/v1/organisation", {"name": "Cinnux"}), 428)
    replaced = api.put("/api/v1/organisation", {"name": "Cinnux B.V."}, version=1)
    assert replaced.status_code == 200 and etag(replaced) == '"2"'
    assert replaced.get_json()["trade_name"] is None, "PUT replaces the details as a whole"
    history = api.get("/api/v1/organisation/history").get_json()
    assert [h["type"] for h in history] == ["registered", "amended"]


def test_a_policy_revision_carries_its_effective_date_and_hash(api: ApiClient) -> None:
    policy = api.register(
        "policies",
        {"title": "Privacy statement", "language": "nl", "text": "Tekst", "effective_from": TODAY},
    )
    assert policy["effective_from"] == TODAY
    assert policy["content_hash"].startswith("sha256:")
    assert api.get("/api/v1/register").get_json()["policy"]["id"] == policy["id"]
