"""Reads at a past as_of (valid time) and known_at (transaction time), and the register that
answers the same bytes for the same two instants however much is recorded later (SPEC §3, §4)."""

from __future__ import annotations

from tests.api.client import ApiClient, activity_body, etag, problem
from tests.support import FakeClock


def test_a_future_amendment_shows_from_its_effective_date(api: ApiClient) -> None:
    entry = api.register("activities", activity_body(name="Sales"))
    url = f"/api/v1/activities/{entry['id']}"
    assert (
        api.patch(
            url, {"name": "Sales and invoicing", "effective_from": "2026-04-01"}, version=1
        ).status_code
        == 200
    )

    assert api.get(url, as_of="2026-03-31").get_json()["name"] == "Sales"
    assert api.get(url, as_of="2026-04-01").get_json()["name"] == "Sales and invoicing"
    assert api.get(url).get_json()["name"] == "Sales", "as_of defaults to today"
    problem(api.get(url, as_of="2026-03-01"), 404)


def test_a_backdated_correction_leaves_what_was_on_record_readable(
    api: ApiClient, clock: FakeClock
) -> None:
    entry = api.register("activities", activity_body(name="Recruitment"))
    url = f"/api/v1/activities/{entry['id']}"
    clock.advance(days=2)
    first_record = "2026-03-03T12:00:00Z"

    problem(api.patch(url, {"name": "Recruiting", "effective_from": "2026-03-02"}, version=1), 422)
    corrected = api.patch(
        url,
        {"name": "Recruiting", "effective_from": "2026-03-02", "reason": "Name was misspelt"},
        version=1,
    )
    assert corrected.status_code == 200

    assert api.get(url, as_of="2026-03-02").get_json()["name"] == "Recruiting"
    as_recorded = api.get(url, as_of="2026-03-02", known_at=first_record)
    assert as_recorded.get_json()["name"] == "Recruitment"
    assert etag(as_recorded) == '"1"', "the version as recorded at known_at"
    assert api.get(url, as_of="2026-03-02", known_at="2026-03-03").get_json()["name"] == (
        "Recruitment"
    ), "a bare date means the end of that day"
    problem(api.get(url, known_at="2026-03-01T00:00:00Z"), 404)

    history = api.get(url + "/history").get_json()
    correction = history[1]
    assert correction["effective_from"] == "2026-03-02"
    assert correction["reason"] == "Name was misspelt"
    assert correction["changes"] == [
        {"field": "name", "before": "Recruitment", "after": "Recruiting"}
    ]


def test_lists_are_read_at_a_moment_too(api: ApiClient, clock: FakeClock) -> None:
    early = api.register("activities", activity_body(name="Early"))
    clock.advance(hours=1)
    api.register("activities", activity_body(name="Late", role="processor"))

    def names(**query):
        return [a["name"] for a in api.get("/api/v1/activities", **query).get_json()]

    assert names() == ["Early", "Late"]
    assert names(known_at="2026-03-02T09:30:00Z") == ["Early"]
    assert names(role="processor") == ["Late"]
    assert early["id"] not in {
        a["id"] for a in api.get("/api/v1/activities", as_of="2026-03-01").get_json()
    }


def test_pages_say_how_many_there_are(api: ApiClient) -> None:
    for name in ("A", "B", "C"):
        api.register("recipients", {"name": name})
    page = api.get("/api/v1/recipients", page=2, page_size=2)
    assert [r["name"] for r in page.get_json()] == ["C"]
    pagination = page.headers["X-Pagination"]
    assert '"total": 3' in pagination and '"page": 2' in pagination


def test_the_same_two_instants_give_the_same_register_byte_for_byte(
    api: ApiClient, clock: FakeClock
) -> None:
    api.put("/api/v1/organisation", {"name": "Cinnux B.V."})
    entry = api.register("activities", activity_body())
    clock.advance(hours=1)
    asked = {"as_of": "2026-03-02", "known_at": "2026-03-02T09:30:00Z"}

    first = api.get("/api/v1/register", **asked)
    assert first.status_code == 200
    document = first.get_json()
    assert document["as_of"] == "2026-03-02" and document["known_at"] == "2026-03-02T09:30:00Z"
    assert document["history"]["position"] == 2 and document["history"]["head_digest"]
    assert document["digest"].startswith("sha256:")

    api.patch(
        f"/api/v1/activities/{entry['id']}",
        {"name": "Mailing", "reason": "renamed", "effective_from": "2026-03-02"},
        version=1,
    )
    api.register("activities", activity_body(name="Another"))
    again = api.get("/api/v1/register", **asked)
    assert again.get_data() == first.get_data()

    now = api.get("/api/v1/register", as_of="2026-03-02").get_json()
    assert now["digest"] != document["digest"]
    assert [a["name"] for a in now["activities"]] == ["Another", "Mailing"]


def test_the_register_in_markdown_cites_its_digest(api: ApiClient) -> None:
    api.register("activities", activity_body(name="Website analytics"))
    document = api.get("/api/v1/register", known_at="2026-03-02T09:00:00Z").get_json()
    markdown = api.get("/api/v1/register", known_at="2026-03-02T09:00:00Z", format="md", lang="nl")
    assert markdown.mimetype == "text/markdown"
    text = markdown.get_data(as_text=True)
    assert "### Website analytics" in text
    assert "Register van verwerkingsactiviteiten" in text
    assert document["digest"] in text


def test_the_register_can_be_narrowed_to_one_role(api: ApiClient) -> None:
    api.register("activities", activity_body(name="Own"))
    api.register("activities", activity_body(name="For clients", role="processor"))
    document = api.get("/api/v1/register", role="processor").get_json()
    assert [a["name"] for a in document["activities"]] == ["For clients"]
