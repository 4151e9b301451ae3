"""GET /api/v1/policies/{id}/diff?against={id}, on each engine: two revisions of the statement
compared word by word, as text and as HTML, with the register diff between their effective
dates."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.api.client import ApiClient, activity_body, policy_body, problem

FIRST = "# Privacy\n\nWe keep demo bookings at most two years.\nAsk us <anything>."
SECOND = "# Privacy\n\nWe keep demo bookings at most one year.\nAsk us <anything>."


@pytest.fixture
def revisions(api: ApiClient) -> tuple[dict[str, Any], dict[str, Any]]:
    """A revision of 2025, an activity registered in between, and a revision of today."""
    reason = {"reason": "Recorded late"}
    first = api.register("policies", policy_body(text=FIRST, effective_from="2025-01-01", **reason))
    api.register("activities", activity_body(name="Demo", effective_from="2025-06-01", **reason))
    second = api.register("policies", policy_body(text=SECOND, title="Privacy statement 2026"))
    return first, second


def diff(api: ApiClient, policy: dict[str, Any], against: Any, **query: Any) -> Any:
    return api.get(f"/api/v1/policies/{policy['id']}/diff", against=against, **query)


def test_the_texts_differ_word_by_word(api: ApiClient, revisions: tuple) -> None:
    first, second = revisions
    response = diff(api, second, first["id"])
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["policy"]["id"] == second["id"] and body["against"]["id"] == first["id"]
    assert body["against"]["effective_from"] == "2025-01-01"
    text = body["text"]
    assert "at most [-two years-]{+one year+}." in text["unified"]
    assert "<del>two years</del><ins>one year</ins>" in text["html"]
    assert "&lt;anything&gt;" in text["html"] and "<anything>" not in text["html"]
    assert (text["deleted_words"], text["inserted_words"]) == (2, 2)


def test_the_register_diff_spans_the_two_effective_dates(api: ApiClient, revisions: tuple) -> None:
    first, second = revisions
    register = diff(api, second, first["id"]).get_json()["register_diff"]
    assert register["from"]["as_of"] == "2025-01-01"
    assert register["to"]["as_of"] == second["effective_from"]
    added = {(e["name"], e["how"]) for e in register["entries"]}
    assert ("Demo", "added") in added


def test_the_html_view_is_a_page_with_insertions_and_deletions(
    api: ApiClient, revisions: tuple
) -> None:
    first, second = revisions
    response = diff(api, second, first["id"], format="html")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert page.startswith("<!DOCTYPE html>")
    assert "<del>two years</del><ins>one year</ins>" in page


def test_an_unknown_revision_is_not_found(api: ApiClient, revisions: tuple) -> None:
    first, second = revisions
    problem(diff(api, second, uuid.uuid4()), 404)
    activity = api.get("/api/v1/activities").get_json()[0]
    problem(diff(api, second, activity["id"]), 404)
    problem(diff(api, {"id": uuid.uuid4()}, first["id"]), 404)
    problem(api.get(f"/api/v1/policies/{second['id']}/diff"), 422)
