"""Every error is a problem document (RFC 9457) with type, title, status and detail, and invalid
input names each offending field; nothing a client sends makes the server answer 500."""

from __future__ import annotations

import logging
import uuid

import pytest

from register.settings import DEFAULT_MAX_BODY_BYTES
from tests.api.client import ApiClient, activity_body, problem, recipient_body


def fields_of(body: dict) -> dict[str, str]:
    return {e["field"]: e["location"] for e in body["errors"]}


@pytest.fixture
def activity_url(api: ApiClient) -> str:
    return f"/api/v1/activities/{api.register('activities', activity_body())['id']}"


def test_unknown_entries_and_paths_are_404(api: ApiClient) -> None:
    problem(api.get(f"/api/v1/activities/{uuid.uuid4()}"), 404)
    problem(api.get("/api/v1/activities/not-a-uuid"), 404)
    problem(api.get("/api/v1/nothing-here"), 404)
    recipient = api.register("recipients", recipient_body())
    problem(api.get(f"/api/v1/activities/{recipient['id']}"), 404)
    problem(api.get(f"/api/v1/activities/{uuid.uuid4()}/history"), 404)


def test_a_method_the_resource_does_not_have_is_405(api: ApiClient) -> None:
    response = api.delete("/api/v1/activities")
    problem(response, 405)
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_a_body_that_is_not_json_is_415_or_400(api: ApiClient) -> None:
    text = api.post("/api/v1/activities", data="name=x", content_type="text/plain")
    assert "application/json" in problem(text, 415)["detail"]
    problem(api.post("/api/v1/activities", data="{name", content_type="application/json"), 400)


def test_a_huge_body_is_413(api: ApiClient) -> None:
    huge = activity_body(description="x" * (DEFAULT_MAX_BODY_BYTES + 1))
    problem(api.post("/api/v1/activities", huge), 413)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**activity_body(), "colour": "red"}, "colour"),
        (activity_body(purposes=[{"description": "x", "basis": "Consent"}]), "purposes[0].basis"),
        (
            activity_body(purposes=[{"description": "x", "legal_basis": "Whim"}]),
            "purposes[0].legal_basis",
        ),
        ({"role": "controller"}, "name"),
        (activity_body(name=42), "name"),
        (activity_body(retention=[{"period": "three months"}]), "retention[0].period"),
        (activity_body(transfers=[{"country": "XX"}]), "transfers[0].country"),
        (activity_body(recipients=[str(uuid.uuid4())]), "recipients[0].recipient"),
        (activity_body(effective_from="24-10-2023"), "effective_from"),
        (activity_body(effective_from="2026-01-01"), "reason"),
        (activity_body(id=str(uuid.uuid4())), "id"),
        ([activity_body()], ""),
    ],
)
def test_invalid_fields_are_422_with_each_field_named(api: ApiClient, body, field) -> None:
    found = problem(api.post("/api/v1/activities", body), 422)
    assert found["type"] == "urn:ropa:problem:invalid-fields"
    assert fields_of(found) == {field: "body"}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"colour": "red"}, "colour"),
        ({"as_of": "yesterday"}, "as_of"),
        ({"as_of": "2023-02-30"}, "as_of"),
        ({"known_at": "2023-11-01T12:00:00"}, "known_at"),
        ({"known_at": "0001-01-01T00:00:00+01:00"}, "known_at"),
        ({"status": "gone"}, "status"),
        ({"page_size": "100000"}, "page_size"),
        ({"role": "owner"}, "role"),
    ],
)
def test_invalid_query_parameters_are_422(api: ApiClient, query, field) -> None:
    found = problem(api.get("/api/v1/activities", **query), 422)
    assert fields_of(found) == {field: "query"}


def test_operations_without_parameters_refuse_them_too(api: ApiClient, activity_url) -> None:
    assert fields_of(problem(api.get("/api/v1/integrity", verbose="1"), 422)) == {
        "verbose": "query"
    }
    assert fields_of(problem(api.get(activity_url + "/history", as_of="2026-01-01"), 422)) == {
        "as_of": "query"
    }


def test_changes_the_lifecycle_forbids_are_409(api: ApiClient, activity_url: str) -> None:
    early = {"owner": "IT", "effective_from": "2026-01-01", "reason": "backdated"}
    assert (
        "takes effect on 2026-03-02"
        in problem(api.patch(activity_url, early, version=1), 409)["detail"]
    )
    problem(api.post(activity_url + "/reinstate", version=1), 409)
    api.post(activity_url + "/retire", version=1)
    problem(api.post(activity_url + "/retire", version=2), 409)
    problem(api.patch(activity_url, {"owner": "IT"}, version=2), 409)


def test_an_amendment_that_changes_nothing_is_422(api: ApiClient, activity_url: str) -> None:
    problem(api.patch(activity_url, {}, version=1), 422)
    problem(api.patch(activity_url, {"name": "Newsletter"}, version=1), 422)
    problem(api.patch(activity_url, {"name": None}, version=1), 422)


def test_an_unexpected_error_is_500_without_a_trace_and_logged_with_its_request_id(
    api: ApiClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("register.application.facade.Reader.integrity", broken)
    with caplog.at_level(logging.ERROR):
        response = api.get("/api/v1/integrity")
    found = problem(response, 500)
    text = response.get_data(as_text=True)
    assert "secret internals" not in text and "Traceback" not in text
    request_id = response.headers["X-Request-ID"]
    assert found["request_id"] == request_id and request_id in found["detail"]
    logged = [r for r in caplog.records if request_id in r.getMessage()]
    assert logged and logged[0].exc_info is not None


def test_a_request_id_the_client_sends_is_kept(api: ApiClient) -> None:
    response = api.get("/health", headers={"X-Request-ID": "trace-123"})
    assert response.headers["X-Request-ID"] == "trace-123"


def test_an_if_match_that_is_no_entity_tag_is_422_naming_the_header(
    api: ApiClient, activity_url: str
) -> None:
    for header in ("abc", '"1"x', "W/1", "1 2", "\x00"):
        found = problem(api.patch(activity_url, {"owner": "IT"}, version=header), 422)
        assert fields_of(found) == {"If-Match": "header"}, header


def test_client_values_echoed_in_an_error_are_cut_short(api: ApiClient, activity_url: str) -> None:
    stale = '"' + "9" * 5_000 + '"'
    found = problem(api.patch(activity_url, {"owner": "IT"}, version=stale), 412)
    assert len(found["detail"]) < 200 and "…" in found["detail"]
    media = "application/" + "x" * 5_000
    found = problem(api.post("/api/v1/activities", data="{}", content_type=media), 415)
    assert len(found["detail"]) < 200 and "…" in found["detail"]
    found = problem(api.post("/api/v1/activities", {**activity_body(), "x" * 5_000: 1}), 422)
    assert all(len(error["field"]) < 100 for error in found["errors"])
    found = problem(api.get("/api/v1/register", as_of="2" * 5_000), 422)
    assert len(response_text := str(found)) < 1_000, response_text


def test_control_characters_in_an_echo_are_escaped(api: ApiClient, activity_url: str) -> None:
    found = problem(api.patch(activity_url, {"owner": "IT"}, version='"\x9b2J"'), 412)
    assert "\x9b" not in found["detail"] and "\\x9b" in found["detail"]


@pytest.mark.parametrize("body", ["NaN", '{"name": Infinity}', "1" * 5_000])
def test_json_python_reads_but_json_does_not_have_is_400(api: ApiClient, body: str) -> None:
    found = problem(api.post("/api/v1/activities", data=body, content_type="application/json"), 400)
    assert "sys." not in found["detail"], "the answer speaks of JSON, not of Python"


def test_a_problem_never_fails_to_encode(api: ApiClient) -> None:
    """A field named with a lone surrogate comes back escaped, not as a 500."""
    response = api.post(
        "/api/v1/activities",
        data='{"name": "x", "role": "controller", "\\ud800": 1}',
        content_type="application/json",
    )
    assert fields_of(problem(response, 422)) == {"'\\ud800'": "body"}
