"""The limits of what the register takes (issue 7, input): days it can represent, written one
way; moments that have passed; text a database can store, that shows something, within a length;
JSON nested no deeper than any body of the API. Each refusal is a 4xx problem naming the field,
and leaves no event, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import uuid

import pytest

from tests.api.client import ApiClient, activity_body, policy_body, problem, recipient_body
from tests.support import FakeClock

UNREPRESENTABLE_DAYS = [
    "20231024",
    "2023-W43-2",
    "2023-297",
    "2023-02-30",
    "0001-01-01",
    "1899-12-31",
    "3000-01-01",
    "9999-12-31",
    "10000-01-01",
    "２０２３-10-24",
]


def event_count(api: ApiClient) -> int:
    return int(api.get("/api/v1/integrity").get_json()["count"])


def refused_field(response, status: int = 422) -> dict[str, str]:
    found = problem(response, status)
    return {e["field"]: e["message"] for e in found["errors"]}


@pytest.fixture
def admin(api: ApiClient, tokens: dict[str, str]) -> ApiClient:
    return api.with_token(tokens["admin"])


@pytest.mark.parametrize("day", UNREPRESENTABLE_DAYS)
def test_a_day_is_yyyy_mm_dd_between_1900_and_2999_wherever_it_is_given(
    api: ApiClient, admin: ApiClient, day: str
) -> None:
    activity = api.register("activities", activity_body())
    before = event_count(api)
    writes = {
        "effective_from": api.post("/api/v1/activities", activity_body(effective_from=day)),
        "reason": None,
        "data_processing_agreement.signed_on": api.post(
            "/api/v1/recipients",
            recipient_body(data_processing_agreement={"reference": "DPA-1", "signed_on": day}),
        ),
        "expires_on": admin.post(
            "/api/v1/tokens", {"name": "Temp", "role": "auditor", "expires_on": day}
        ),
    }
    for field, response in writes.items():
        if response is not None:
            assert field in refused_field(response), (field, day)
    retire = api.post(
        f"/api/v1/activities/{activity['id']}/retire",
        {"effective_from": day, "reason": "test"},
        version=1,
    )
    assert "effective_from" in refused_field(retire)
    for name in ("as_of", "known_at"):
        assert name in refused_field(api.get("/api/v1/register", **{name: day}))
    assert event_count(api) == before


def test_the_last_day_the_register_holds_is_answered_like_any_other(api: ApiClient) -> None:
    """A change effective on the last representable day is in the register on that day."""
    entry = api.register("activities", activity_body(name="Far ahead", effective_from="2999-12-31"))
    url = f"/api/v1/activities/{entry['id']}"
    assert api.get(url, as_of="2999-12-31").get_json()["name"] == "Far ahead"
    problem(api.get(url, as_of="2999-12-30"), 404)
    register = api.get("/api/v1/register", as_of="2999-12-31").get_json()
    assert entry["id"] in {a["id"] for a in register["activities"]}
    amended = api.patch(url, {"owner": "IT", "effective_from": "2999-12-31"}, version=1)
    assert amended.status_code == 200, amended.get_json()


def test_an_rfc3339_known_at_needs_its_offset_and_valid_fields(api: ApiClient) -> None:
    for moment in (
        "2026-03-02T08:00:00",
        "2026-03-02 08:00:00Z",
        "2026-03-02T25:00:00Z",
        "2026-03-02T08:00:60Z",
        "2026-03-02T08:00:00+0100",
        "0001-01-01T00:00:00+01:00",
    ):
        assert "known_at" in refused_field(api.get("/api/v1/register", known_at=moment)), moment
    for moment in (
        "2026-03-02T08:00:00Z",
        "2026-03-02t08:00:00.1234567z",
        "2026-03-02T09:00:00+01:00",
    ):
        response = api.get("/api/v1/register", known_at=moment)
        assert response.status_code == 200, (moment, response.get_json())


def test_known_at_later_than_now_is_refused_and_says_what_to_do(
    api: ApiClient, clock: FakeClock
) -> None:
    entry = api.register("activities", activity_body())
    url = f"/api/v1/activities/{entry['id']}"
    for later in ("2026-03-02T09:00:01Z", "2026-03-02", "2999-12-31T00:00:00Z"):
        found = problem(api.get(url, known_at=later), 422)
        assert found["errors"] == [
            {"location": "query", "field": "known_at", "message": "must not be later than now"}
        ]
        assert "leave known_at out" in found["detail"], found["detail"]
    assert api.get(url, known_at="2026-03-02T09:00:00Z").status_code == 200
    clock.advance(days=1)
    assert api.get(url, known_at="2026-03-02").status_code == 200, "that day has passed"


@pytest.mark.parametrize("depth", [33, 5_000, 500_000])
def test_a_body_nested_deeper_than_any_of_the_api_is_400(api: ApiClient, depth: int) -> None:
    before = event_count(api)
    for opening, closing in (("[", "]"), ('{"a":', "}")):
        body = opening * depth + "1" + closing * depth
        response = api.post("/api/v1/activities", data=body, content_type="application/json")
        assert "nested more than 32 levels" in problem(response, 400)["detail"]
    assert event_count(api) == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (activity_body(name="Newsletter \ud800"), "name"),
        (activity_body(name="News\x00letter"), "name"),
        (activity_body(purposes=[{"description": "x\udfff"}]), "purposes[0].description"),
        (activity_body(data_subjects=["ok", "\x00"]), "data_subjects[1]"),
        (activity_body(effective_from="2026-03-01", reason="typo\x00"), "reason"),
        ({**activity_body(), "\ud800": "x"}, "'\\ud800'"),
    ],
)
def test_text_a_database_cannot_store_is_422_naming_the_field(
    api: ApiClient, body: dict, field: str
) -> None:
    """NUL is refused on SQLite too, which would store it, so that every store can import every
    export; a lone surrogate has no UTF-8 form at all."""
    before = event_count(api)
    assert field in refused_field(api.post("/api/v1/activities", body))
    assert event_count(api) == before


def test_query_text_a_database_cannot_store_is_422_naming_the_parameter(api: ApiClient) -> None:
    api.register("policies", policy_body())
    found = problem(api.get("/api/v1/policies", language="n\x00l"), 422)
    assert found["errors"][0]["location"] == "query"
    assert found["errors"][0]["field"] == "language"


@pytest.mark.parametrize(
    "name", ["\u200b", "\u200b\u200c\u2060\ufeff", "\x01\x02", "\u3164\u115f", "\U000e0041", "  "]
)
def test_a_name_needs_a_visible_character(api: ApiClient, admin: ApiClient, name: str) -> None:
    before = event_count(api)
    assert "name" in refused_field(api.post("/api/v1/activities", activity_body(name=name)))
    assert "name" in refused_field(api.post("/api/v1/recipients", recipient_body(name=name)))
    assert "title" in refused_field(api.post("/api/v1/policies", policy_body(title=name)))
    assert "name" in refused_field(admin.post("/api/v1/tokens", {"name": name, "role": "dpo"}))
    assert event_count(api) == before


def test_names_in_any_script_or_with_a_symbol_are_taken(api: ApiClient) -> None:
    for name in ("Ωmega", "数据处理", "😀", "e\u0301"):
        api.register("activities", activity_body(name=name))


def test_every_text_has_a_limit_reason_and_token_names_included(
    api: ApiClient, admin: ApiClient
) -> None:
    entry = api.register("activities", activity_body())
    url = f"/api/v1/activities/{entry['id']}"
    before = event_count(api)
    backdated = {"owner": "IT", "effective_from": "2026-03-02"}
    assert "must be at most 2000 characters" in refused_field(
        api.patch(url, {**backdated, "reason": "x" * 2_001}, version=1)
    ).get("reason", "")
    assert "name" in refused_field(api.post("/api/v1/activities", activity_body(name="x" * 501)))
    assert "name" in refused_field(
        admin.post("/api/v1/tokens", {"name": "x" * 201, "role": "auditor"})
    )
    assert event_count(api) == before
    taken = admin.post("/api/v1/tokens", {"name": "x" * 200, "role": "auditor"})
    assert taken.status_code == 201, taken.get_json()
    kept = api.patch(url, {**backdated, "reason": "y" * 2_000}, version=1)
    assert kept.status_code == 200, kept.get_json()


def test_a_reason_that_shows_nothing_is_no_reason(api: ApiClient) -> None:
    entry = api.register("activities", activity_body())
    backdated = {"owner": "IT", "effective_from": "2026-03-01", "reason": "\u200b \u2060"}
    found = refused_field(api.patch(f"/api/v1/activities/{entry['id']}", backdated, version=1))
    assert found == {"reason": "is required when effective_from lies before today"}


def test_a_token_must_be_usable_at_least_today(admin: ApiClient) -> None:
    found = refused_field(
        admin.post("/api/v1/tokens", {"name": "Late", "role": "dpo", "expires_on": "2026-03-01"})
    )
    assert found == {"expires_on": "must be today (2026-03-02) or later"}
    today = admin.post("/api/v1/tokens", {"name": "Day", "role": "dpo", "expires_on": "2026-03-02"})
    assert today.status_code == 201, today.get_json()


def test_an_unknown_token_id_is_404_whatever_it_is(admin: ApiClient) -> None:
    for token_id in (str(uuid.uuid4()), "not-a-uuid", "%00", "x" * 5_000):
        found = problem(admin.delete(f"/api/v1/tokens/{token_id}"), 404)
        assert len(found["detail"]) < 300
