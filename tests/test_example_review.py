"""Each item of the reviewer's discrepancy list (``example-review.md`` §1.5), as corrected, in
the register the API serves for 24 October 2023."""

from __future__ import annotations

from typing import Any

import pytest

from register.application.service import Service
from register.importers.example import load_example
from tests.test_example_register import (
    INFERRED,
    PROCESSOR_ACTIVITY,
    STATEMENT_DAY,
    by_name,
    inferred,
    register_at,
)

RESEARCH = "Wetenschappelijk onderzoek en statistiek op gepseudonimiseerde gegevens"
RECRUITMENT = "Werving en selectie van nieuw personeel"
GENERAL_PROCESSORS = {"hosting", "software_development", "it_services"}


@pytest.fixture
def register(service: Service) -> dict[str, Any]:
    load_example(service, say=lambda _: None)
    return register_at(service, STATEMENT_DAY)


@pytest.fixture
def activities(register: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return by_name(register["activities"])


@pytest.fixture
def recipients(register: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The recipients by category: the example has one of each."""
    return {r["category"]: r for r in register["recipients"]}


def linked(activity: dict[str, Any], recipients: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The activity's links by their recipient's category."""
    category = {r["id"]: c for c, r in recipients.items()}
    return {category[link["recipient"]]: link for link in activity["recipients"] or []}


def test_d1_how_recipients_were_assigned_is_said_and_marked(
    register: dict[str, Any], recipients: dict[str, dict[str, Any]]
) -> None:
    notes = register["organisation"]["notes"]
    assert "De volgende derden verwerken jouw persoonsgegevens" in notes
    assert INFERRED in notes.split("Ontvangers.", 1)[1]
    for activity in register["activities"]:
        for category, link in linked(activity, recipients).items():
            if category in GENERAL_PROCESSORS:
                assert inferred(link["note"]), (activity["name"], category)


def test_d2_no_advertising_platform_is_a_recipient(
    activities: dict[str, dict[str, Any]], recipients: dict[str, dict[str, Any]]
) -> None:
    assert "advertising_platform" not in recipients
    purposes = " ".join(p["description"] for p in activities["Reclame"]["purposes"])
    assert "Facebook, Google of andere platformen" in purposes


def test_d3_matomo_is_not_a_recipient(
    activities: dict[str, dict[str, Any]], recipients: dict[str, dict[str, Any]]
) -> None:
    cookies = recipients["cookie_service_provider"]
    assert cookies["name"] == "Cookie-dienstverleners (niet nader genoemd)"
    assert cookies["legal_role"] is None and "Matomo" in cookies["notes"]
    analytics = linked(activities["Analytische cookies: Matomo Analytics"], recipients)
    assert set(analytics) == {"hosting"} and inferred(analytics["hosting"]["note"])


def test_d4_screening_has_no_legal_basis_the_statement_does_not_give(
    activities: dict[str, dict[str, Any]],
) -> None:
    (screening,) = [
        p for p in activities[RECRUITMENT]["purposes"] if "Google-onderzoek" in p["description"]
    ]
    assert screening["legal_basis"] is None and "imago" in screening["description"]


def test_d5_no_invented_data_subject_groups(activities: dict[str, dict[str, Any]]) -> None:
    advertising = {g["name"] for g in activities["Reclame"]["data_subjects"]}
    assert not advertising & {"Klanten", "Potentiële klanten"}
    assert all(inferred(g["note"]) for g in activities["Reclame"]["data_subjects"])
    demo = {g["name"] for g in activities["Een live demo boeken"]["data_subjects"]}
    assert demo == {"Websitebezoekers die een demo of afspraak boeken"}


def test_d6_processors_are_sub_processors_on_the_processor_activity(
    activities: dict[str, dict[str, Any]], recipients: dict[str, dict[str, Any]]
) -> None:
    app = linked(activities[PROCESSOR_ACTIVITY], recipients)
    assert set(app) == GENERAL_PROCESSORS
    assert {link["role"] for link in app.values()} == {"sub_processor"}
    (controller,) = activities[PROCESSOR_ACTIVITY]["controllers"]
    assert "niet bij naam genoemd" in controller["name"]


def test_d8_research_as_controller_is_marked_as_a_reading(
    activities: dict[str, dict[str, Any]],
) -> None:
    research = activities[RESEARCH]
    assert research["role"] == "controller"
    assert inferred(research["notes"]) and "28 lid 10" in research["notes"]


@pytest.mark.parametrize(
    ("item", "name", "quoted"),
    [
        (
            "D9",
            "Doorgeven bij een vermoeden van schending van onze voorwaarden of andere illegale "
            "activiteiten",
            "schendingen van onze voorwaarden",
        ),
        ("D10", "Doorgeven bij een fusie, faillissement of reorganisatie", "faillissement"),
        ("D12", "Functionele cookies en scripts op onze website", "functioneren van onze website"),
    ],
)
def test_d9_d10_d12_the_missing_activities_are_there(
    activities: dict[str, dict[str, Any]], item: str, name: str, quoted: str
) -> None:
    assert quoted in activities[name]["description"], item
    assert all(p["legal_basis"] is None for p in activities[name]["purposes"]), item


def test_d13_the_grounds_for_disclosure_are_recorded_for_the_register(
    register: dict[str, Any],
) -> None:
    notes = register["organisation"]["notes"]
    for ground in (
        "wij hen hebben ingeschakeld",
        "de overeenkomst met je uit te voeren",
        "je hier toestemming voor geeft",
        "gerechtvaardigd belang",
        "wij dat wettelijk verplicht zijn",
    ):
        assert ground in notes


def test_d14_d15_the_app_as_the_statement_describes_it(
    activities: dict[str, dict[str, Any]],
) -> None:
    app = activities[PROCESSOR_ACTIVITY]
    assert not any("Hosting" in category for category in app["processing_categories"])
    groups = by_name(app["data_subjects"])
    assert inferred(groups["Beheerders bij de klantorganisatie"]["note"])


def test_d16_d18_referees_are_a_source_and_screening_limits_are_no_security_measure(
    activities: dict[str, dict[str, Any]],
) -> None:
    recruitment = activities[RECRUITMENT]
    sources = by_name(recruitment["sources"])
    referees = sources["Referenten (door de sollicitant opgegeven)"]
    assert referees["kind"] == "third_party" and inferred(referees["note"])
    assert sources["Openbare social-media-profielen en zoekresultaten (Google)"]["kind"] == (
        "public_source"
    )
    measures = " ".join(m["description"] for m in recruitment["security_measures"])
    assert "social media" not in measures.lower()
    assert "afgeschermde social media-pagina" in recruitment["description"]


def test_d17_no_website_the_statement_does_not_give(register: dict[str, Any]) -> None:
    assert register["organisation"]["website"] is None


def test_d19_anonymised_data_is_no_category_of_personal_data(
    activities: dict[str, dict[str, Any]],
) -> None:
    (category,) = activities[RESEARCH]["data_categories"]
    assert category["name"] == "gepseudonimiseerde gegevens uit de app"
    assert inferred(category["note"]) and "overweging 26" in category["note"]


def test_d20_the_payment_provider_is_listed_and_why_it_is_linked_nowhere(
    register: dict[str, Any], recipients: dict[str, dict[str, Any]]
) -> None:
    payment = recipients["payment"]
    assert all(
        link["recipient"] != payment["id"]
        for activity in register["activities"]
        for link in activity["recipients"] or []
    )
    assert "geen verwerking" in payment["notes"]
