"""Concurrency (SPEC §5): every entry response has an ETag, every write names the version it
read, a stale write stores nothing, and of two writers racing on one version exactly one wins."""

from __future__ import annotations

import threading

import pytest
from flask import Flask

from tests.api.client import ApiClient, activity_body, etag, problem


@pytest.fixture
def entry_url(api: ApiClient) -> str:
    return f"/api/v1/activities/{api.register('activities', activity_body())['id']}"


def test_every_entry_response_has_its_version_as_etag(api: ApiClient, entry_url: str) -> None:
    assert etag(api.get(entry_url)) == '"1"'
    assert etag(api.patch(entry_url, {"owner": "IT"}, version=1)) == '"2"'
    assert etag(api.post(entry_url + "/retire", version=2)) == '"3"'
    assert etag(api.post(entry_url + "/reinstate", version=3)) == '"4"'
    assert etag(api.put("/api/v1/organisation", {"name": "Cinnux"})) == '"1"'
    assert etag(api.get("/api/v1/organisation")) == '"1"'


@pytest.mark.parametrize("if_match", ['"1"', "1", 'W/"1"'])
def test_if_match_takes_the_etag_in_its_usual_spellings(api, entry_url, if_match) -> None:
    assert api.patch(entry_url, {"owner": "IT"}, version=if_match).status_code == 200


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [("PATCH", "", {"owner": "IT"}), ("POST", "/retire", None), ("POST", "/reinstate", None)],
)
def test_a_write_without_if_match_is_refused(api, entry_url, method, suffix, body) -> None:
    found = problem(api.send(method, entry_url + suffix, body), 428)
    assert "If-Match" in found["detail"]


@pytest.mark.parametrize("stale", ['"2"', '"0"', "*", '"abc"', '"1", "2"'])
def test_a_stale_write_stores_nothing(api: ApiClient, entry_url: str, stale: str) -> None:
    events_before = api.get("/api/v1/events").get_json()
    found = problem(api.patch(entry_url, {"owner": "IT"}, version=stale), 412)
    assert found["type"] == "urn:ropa:problem:version-mismatch"
    assert api.get("/api/v1/events").get_json() == events_before
    assert api.get(entry_url).get_json()["owner"] is None


def test_a_stale_write_is_told_the_current_version(api: ApiClient, entry_url: str) -> None:
    api.patch(entry_url, {"owner": "IT"}, version=1)
    stale = api.patch(entry_url, {"owner": "Sales"}, version=1)
    assert problem(stale, 412)["detail"].startswith("The entry is at version 2")
    assert etag(stale) == '"2"'


def test_two_clients_racing_on_one_version_exactly_one_wins(
    app: Flask, api: ApiClient, entry_url: str
) -> None:
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def write(owner: str) -> None:
        client = ApiClient(app.test_client(), api.token)
        barrier.wait()
        statuses.append(client.patch(entry_url, {"owner": owner}, version=1).status_code)

    threads = [threading.Thread(target=write, args=(owner,)) for owner in ("IT", "Sales")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [200, 412]
    history = api.get(entry_url + "/history").get_json()
    assert [h["version"] for h in history] == [1, 2]
