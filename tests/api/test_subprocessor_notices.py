"""Sub-processor notices (SPEC §6, Art. 28(2)) on each engine: after the story adds a US
sub-processor and a client to the app, every client gets a notice naming the change, its
effective date and the last day to object, as data and as a letter in Dutch and English."""

from __future__ import annotations

from typing import Any

import pytest

from register.application.service import Service
from register.domain.notices.deadline import OBJECTION_PERIOD
from tests.api.client import ApiClient, problem
from tests.api.subprocessor_story import (
    APP,
    CLIENT,
    CLIENT_EMAIL,
    SUBPROCESSOR,
    SUBPROCESSOR_FROM,
    Story,
    record_story,
)
from tests.support import FakeClock

NOTICES = "/api/v1/notices/subprocessors"
EXAMPLE_CLIENT = "Opdrachtgevers (organisaties die de app afnemen; niet bij naam genoemd)"


@pytest.fixture
def story(api: ApiClient, service: Service, clock: FakeClock) -> Story:
    return record_story(api, service, clock)


def notices(api: ApiClient, story: Story, **query: Any) -> Any:
    asked = {
        "from": "2026-03-02",
        "from_known_at": story.loaded_at.replace("+00:00", "Z"),
        "to": SUBPROCESSOR_FROM,
        "to_known_at": story.changed_at.replace("+00:00", "Z"),
        **query,
    }
    response = api.get(NOTICES, **asked)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


def test_each_client_is_told_of_the_new_sub_processor(auditor: ApiClient, story: Story) -> None:
    document = notices(auditor, story).get_json()
    assert [n["client"]["name"] for n in document["notices"]] == [EXAMPLE_CLIENT, CLIENT]
    ours = document["notices"][1]
    assert ours["client"]["email"] == CLIENT_EMAIL
    (change,) = ours["changes"]
    assert change["activity_id"] == str(APP)
    assert (change["change"], change["subprocessor"]["name"]) == ("added", SUBPROCESSOR)
    assert change["subprocessor"]["country"] == "US" and change["replaces"] is None
    assert (change["effective_from"], change["objection_deadline"]) == ("2026-04-15", "2026-04-14")
    assert document["organisation"]["email"] == "info@opgelucht.app"
    assert document["objection_period_days"] == OBJECTION_PERIOD.days
    assert document["from"]["history"]["position"] < document["to"]["history"]["position"]
    assert document["to"]["history"]["head_digest"]
    assert notices(auditor, story).get_json()["digest"] == document["digest"]


def test_a_late_notice_leaves_the_full_objection_period(api: ApiClient, story: Story) -> None:
    document = notices(api, story, sent_on="2026-04-10").get_json()
    change = document["notices"][0]["changes"][0]
    assert change["objection_deadline"] == "2026-05-10"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ("Nieuwe subverwerker", "Verenigde Staten", "15 april 2026", "14 april 2026")),
        ("en", ("New sub-processor", "United States", "15 April 2026", "14 April 2026")),
    ],
)
def test_the_letters_name_client_change_dates_and_right_to_object(
    api: ApiClient, story: Story, lang: str, words: tuple[str, ...]
) -> None:
    response = notices(api, story, format="md", lang=lang)
    assert response.mimetype == "text/markdown"
    letters = response.get_data(as_text=True).split("\n---\n")
    assert len(letters) == 2
    ours = letters[1]
    assert f": {CLIENT}\n" in ours and CLIENT_EMAIL in ours
    assert SUBPROCESSOR in ours and "info@opgelucht.app" in ours
    assert all(word in ours for word in words), ours
    assert ("bezwaar" if lang == "nl" else "object") in ours


def test_a_swapped_sub_processor_is_a_replacement(
    api: ApiClient, story: Story, clock: FakeClock
) -> None:
    app = api.get(f"/api/v1/activities/{APP}", as_of=SUBPROCESSOR_FROM).get_json()
    other = api.register(
        "recipients", {"name": "EuroChat B.V.", "legal_role": "sub_processor", "country": "NL"}
    )
    kept = [r for r in app["recipients"] if r["recipient"] != story.subprocessor_id]
    swapped = api.patch(
        f"/api/v1/activities/{APP}",
        {"recipients": [*kept, {"recipient": other["id"]}], "effective_from": "2026-05-01"},
        version=app["version"],
    )
    assert swapped.status_code == 200, swapped.get_json()
    clock.advance(hours=1)
    period: dict[str, Any] = {"from": SUBPROCESSOR_FROM, "to": "2026-05-01"}
    response = api.get(NOTICES, **period)
    (change,) = response.get_json()["notices"][0]["changes"]
    assert change["change"] == "replaced"
    assert (change["subprocessor"]["name"], change["replaces"]["name"]) == (
        "EuroChat B.V.",
        SUBPROCESSOR,
    )
    assert change["effective_from"] == "2026-05-01"


def test_the_query_is_checked(api: ApiClient) -> None:
    assert problem(api.get(NOTICES, to="2026-04-15"), 422)["errors"][0]["field"] == "from"
    period: dict[str, Any] = {"from": "2026-01-01", "to": "2026-04-15"}
    problem(api.get(NOTICES, **period, format="pdf"), 422)
    problem(api.with_token(None).get(NOTICES, **period), 401)
