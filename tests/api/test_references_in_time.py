"""References in time through the API: an activity that would name a recipient on a day it is
not in effect is 422 naming the field; retiring a recipient that activities still name is 409
naming them. Either refusal records nothing."""

from __future__ import annotations

import pytest

from tests.api.client import ApiClient, activity_body, problem, recipient_body

TODAY = "2026-03-02"
LATER = "2026-04-01"


def event_count(api: ApiClient) -> int:
    return api.get("/api/v1/integrity").get_json()["count"]


# An activity names a recipient by its id, or by a link object that carries the id as
# ``recipient``; a refusal names the field where the id was given.
NAMINGS = {
    "by id": (lambda id_: id_, "recipients[0].recipient"),
    "by link": (lambda id_: {"recipient": id_, "role": "processor"}, "recipients[0].recipient"),
}


@pytest.mark.parametrize("naming", NAMINGS)
def test_naming_a_recipient_not_in_effect_is_422_naming_the_field(
    api: ApiClient, naming: str
) -> None:
    link, path = NAMINGS[naming]
    mailer = api.register("recipients", recipient_body(name="Mailer", effective_from=LATER))
    before = event_count(api)
    body = activity_body(
        recipients=[link(mailer["id"])],
        transfers=[{"country": "US", "safeguard": None, "recipient": mailer["id"]}],
    )
    found = problem(api.post("/api/v1/activities", body), 422)
    assert found["type"] == "urn:ropa:problem:invalid-fields"
    assert {e["field"] for e in found["errors"]} == {path, "transfers[0].recipient"}
    for error in found["errors"]:
        assert error["location"] == "body"
        assert (
            f"recipient 'Mailer' ({mailer['id']}), which is not in effect on {TODAY}"
            in (error["message"])
        )
        assert f"it takes effect on {LATER}" in error["message"]
        assert "register or reinstate it first, or choose a later date" in error["message"]
    assert event_count(api) == before
    api.register("activities", {**body, "effective_from": LATER})


@pytest.mark.parametrize("naming", NAMINGS)
def test_amending_an_activity_to_name_a_retired_recipient_is_422(
    api: ApiClient, naming: str
) -> None:
    link, path = NAMINGS[naming]
    mailer = api.register("recipients", recipient_body(name="Mailer"))
    retired = api.post(f"/api/v1/recipients/{mailer['id']}/retire", {}, version=1)
    assert retired.status_code == 200
    activity = api.register("activities", activity_body())
    url = f"/api/v1/activities/{activity['id']}"
    found = problem(api.patch(url, {"recipients": [link(mailer["id"])]}, version=1), 422)
    assert [e["field"] for e in found["errors"]] == [path]
    assert f"not in effect on {TODAY} (it is retired then)" in found["detail"]


def test_retiring_a_recipient_that_activities_name_is_409_naming_them(api: ApiClient) -> None:
    mailer = api.register("recipients", recipient_body(name="Mailer"))
    newsletter = api.register("activities", activity_body(recipients=[mailer["id"]]))
    survey = api.register(
        "activities",
        activity_body(
            name="Survey",
            effective_from=LATER,
            transfers=[{"country": "US", "safeguard": None, "recipient": mailer["id"]}],
        ),
    )
    before = event_count(api)
    retire = f"/api/v1/recipients/{mailer['id']}/retire"
    found = problem(api.post(retire, {"reason": "Contract ended"}, version=1), 409)
    assert found["type"] == "urn:ropa:problem:lifecycle-conflict"
    assert f"activity 'Newsletter' ({newsletter['id']}) from {TODAY}" in found["detail"]
    assert f"activity 'Survey' ({survey['id']}) from {LATER}" in found["detail"]
    assert "Amend them first so that they no longer name it" in found["detail"]
    assert event_count(api) == before

    amended = api.patch(f"/api/v1/activities/{newsletter['id']}", {"recipients": []}, version=1)
    assert amended.status_code == 200
    still = problem(api.post(retire, {"reason": "Contract ended"}, version=1), 409)
    assert "Newsletter" not in still["detail"] and survey["id"] in still["detail"]
    problem(api.post(retire, {"effective_from": LATER}, version=1), 409)
    survey_url = f"/api/v1/activities/{survey['id']}"
    dropped = api.patch(survey_url, {"transfers": [], "effective_from": LATER}, version=1)
    assert dropped.status_code == 200
    assert api.post(retire, {"reason": "Contract ended"}, version=1).status_code == 200
