"""GET /api/v1/register/diff on SQLite and PostgreSQL: the example register, then a DPO's day of
changes (a new sub-processor, a shorter retention, a retired activity, a renamed one), and what
the diff says about them as JSON, as a Dutch changelog and as a page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from register.application.service import Service
from register.importers.example import load_example
from tests.api.client import ApiClient, problem

YESTERDAY, TODAY = "2026-03-01", "2026-03-02"
APP = "App voor ondersteuning bij ongewenst gedrag (in opdracht van klantorganisaties)"
DEMO = "Een live demo boeken"
RESEARCH = "Wetenschappelijk onderzoek en statistiek op gepseudonimiseerde gegevens"
NEWSLETTER = "Verzenden van nieuwsbrieven"


@pytest.fixture
def changed(api: ApiClient, service: Service) -> dict[str, Any]:
    """The example, and today's changes to it: the entries involved by name."""
    load_example(service, say=lambda _: None)
    register = api.get("/api/v1/register").get_json()
    by_name = {a["name"]: a for a in register["activities"]}
    cloud = api.register(
        "recipients",
        {"name": "Wolk <Hosting> B.V.", "category": "hosting", "legal_role": "sub_processor"},
    )
    app = by_name[APP]
    link = {"recipient": cloud["id"], "role": "sub_processor"}
    amend(api, app, recipients=[*app["recipients"], link])
    demo = by_name[DEMO]
    amend(api, demo, retention=[{**demo["retention"][0], "period": "P1Y"}])
    research = by_name[RESEARCH]
    retired = api.post(
        f"/api/v1/activities/{research['id']}/retire",
        {"reason": "Het onderzoek is afgerond"},
        version=research["version"],
    )
    assert retired.status_code == 200, retired.get_json()
    newsletter = by_name[NEWSLETTER]
    amend(api, newsletter, name="Nieuwsbrief")
    return {"cloud": cloud, "app": app, "demo": demo, "research": research, "news": newsletter}


def amend(api: ApiClient, entry: dict[str, Any], **fields: Any) -> None:
    response = api.patch(f"/api/v1/activities/{entry['id']}", fields, version=entry["version"])
    assert response.status_code == 200, response.get_json()


def codes(followups: list[dict[str, Any]]) -> set[str]:
    return {f["code"] for f in followups}


def diff(client: ApiClient, **query: str) -> Any:
    response = client.get("/api/v1/register/diff", **{"from": YESTERDAY, "to": TODAY, **query})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


def test_the_json_diff_names_each_change_item_by_item(
    changed: dict[str, Any], auditor: ApiClient
) -> None:
    answer = diff(auditor).get_json()
    entries = {e["id"]: e for e in answer["entries"]}
    assert [(e["kind"], e["how"]) for e in answer["entries"]] == [
        ("activity", "changed"),
        ("activity", "changed"),
        ("activity", "changed"),
        ("activity", "removed"),
        ("recipient", "added"),
    ]
    assert not answer["baseline"]

    app = entries[changed["app"]["id"]]
    (recipients,) = app["fields"]
    assert recipients["field"] == "recipients"
    (link,) = recipients["items"]
    assert (link["how"], link["key"]) == ("added", changed["cloud"]["id"])
    assert link["after"]["role"] == "sub_processor"

    (retention,) = entries[changed["demo"]["id"]]["fields"]
    (rule,) = retention["items"]
    assert rule["how"] == "changed"
    assert [(f["field"], f["before"], f["after"]) for f in rule["fields"]] == [
        ("period", "P2Y", "P1Y")
    ]

    (name,) = entries[changed["news"]["id"]]["fields"]
    assert (name["field"], name["before"], name["after"]) == ("name", NEWSLETTER, "Nieuwsbrief")
    assert entries[changed["news"]["id"]]["name"] == "Nieuwsbrief"

    assert "SUBPROC-ADDED" in codes(recipients["followups"])
    assert "RETENTION-SHORTENED" in codes(retention["followups"])

    removed = entries[changed["research"]["id"]]
    assert "NOTICE-ACTIVITY-RETIRED" in codes(removed["followups"])
    assert {f["baseline"] for e in entries.values() for f in e["followups"]} == {False}
    assert removed["after_version"] is None
    assert isinstance(removed["before_version"], int)
    assert entries[changed["cloud"]["id"]]["name"] == "Wolk <Hosting> B.V."


def test_every_answer_cites_both_moments_and_its_own_digest(
    changed: dict[str, Any], auditor: ApiClient
) -> None:
    answer = diff(auditor).get_json()
    for side, day in (("from", YESTERDAY), ("to", TODAY)):
        register = auditor.get(
            "/api/v1/register", as_of=day, known_at=answer[side]["known_at"]
        ).get_json()
        assert answer[side]["history"] == register["history"]
        assert answer[side]["register_digest"] == register["digest"]
    assert re.fullmatch("sha256:[0-9a-f]{64}", answer["digest"])
    pinned = {"from_known_at": answer["from"]["known_at"], "to_known_at": answer["to"]["known_at"]}
    again = diff(auditor, **pinned)
    assert again.get_json()["digest"] == answer["digest"]
    assert again.get_data() == diff(auditor, **pinned).get_data()


def test_the_dutch_changelog_reads_as_changes(changed: dict[str, Any], api: ApiClient) -> None:
    response = diff(api, format="md", lang="nl")
    assert response.mimetype == "text/markdown"
    memo = response.get_data(as_text=True)
    assert memo.startswith("# Wijzigingen in het register van verwerkingsactiviteiten")
    assert "**Samenvatting**: 1 nieuw, 1 vervallen, 3 gewijzigd" in memo
    assert f"### Vervallen (beëindigd, of nog niet geregistreerd): {RESEARCH}" in memo
    assert f"- **Naam van de verwerking**: {NEWSLETTER} → Nieuwsbrief" in memo
    assert (
        "- **Bewaartermijnen**:\n  - _gewijzigd_: _alle gegevens_\n"
        "    - **Termijn**: 2 jaar → 1 jaar" in memo
    )
    assert "- **Ontvangers**:\n  - _toegevoegd_: Wolk \\<Hosting\\> B.V." in memo
    assert "### Nieuw: Wolk \\<Hosting\\> B.V." in memo
    assert (
        "    - **Termijn**: 2 jaar → 1 jaar\n  - **Vervolgactie (moet)**: `NOTICE-RETENTION` "
        "(art. 13(2)(a), 14(2)(a)) De bewaartermijn van 'Een live demo boeken' is gewijzigd" in memo
    )
    assert "P1Y" not in memo and changed["cloud"]["id"] not in memo
    digest = diff(api, lang="nl").get_json()["digest"]
    assert f"**Digest van deze vergelijking**: `{digest}`" in memo


def test_the_page_stands_alone_and_escapes_names(changed: dict[str, Any], api: ApiClient) -> None:
    response = diff(api, format="html", lang="en")
    assert response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    page = response.get_data(as_text=True)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "Wolk &lt;Hosting&gt; B.V." in page and "<Hosting>" not in page
    assert not re.search(r"(src|href)=", page)
    assert "<strong>Period</strong>: 2 years → 1 year" in page


def test_a_diff_from_before_the_first_registration_is_a_baseline(
    api: ApiClient, service: Service
) -> None:
    load_example(service, say=lambda _: None)
    answer = diff(api, **{"from": "2020-01-01", "to": "2023-10-24"}).get_json()
    assert answer["baseline"] is True
    assert {e["how"] for e in answer["entries"]} == {"added"}
    raised = [f for e in answer["entries"] for f in e["followups"]]
    assert raised and all(f["baseline"] for f in raised)
    kinds = [e["kind"] for e in answer["entries"]]
    assert kinds == sorted(kinds, key=["organisation", "activity", "recipient", "policy"].index)
    memo = diff(api, **{"from": "2020-01-01", "to": "2023-10-24", "format": "md", "lang": "nl"})
    assert "- **Nulmeting**: " in memo.get_data(as_text=True)


def test_the_same_moment_twice_is_no_change(api: ApiClient, service: Service) -> None:
    load_example(service, say=lambda _: None)
    answer = diff(api, **{"from": TODAY}).get_json()
    assert answer["entries"] == [] and answer["followups"] == []
    memo = diff(api, **{"from": TODAY, "format": "md", "lang": "en"}).get_data(as_text=True)
    assert "_No changes._" in memo


def test_a_wrong_query_is_a_problem_naming_the_field(api: ApiClient) -> None:
    missing = problem(api.get("/api/v1/register/diff", **{"from": TODAY}), 422)
    assert [e["field"] for e in missing["errors"]] == ["to"]
    later = api.get(
        "/api/v1/register/diff", **{"from": TODAY, "to": TODAY, "to_known_at": "2999-01-01"}
    )
    assert [e["field"] for e in problem(later, 422)["errors"]] == ["to_known_at"]
    wrong = problem(
        api.get("/api/v1/register/diff", **{"from": TODAY, "to": TODAY}, format="pdf"), 422
    )
    assert [e["field"] for e in wrong["errors"]] == ["format"]


def test_only_the_register_roles_read_it(api: ApiClient, tokens: dict[str, str]) -> None:
    query = {"from": TODAY, "to": TODAY}
    problem(api.with_token(tokens["admin"]).get("/api/v1/register/diff", **query), 403)
    problem(api.with_token(None).get("/api/v1/register/diff", **query), 401)
