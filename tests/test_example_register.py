"""The example register: Opgelucht as its privacy statement of 24 October 2023 describes it."""

from __future__ import annotations

from datetime import date

import pytest

from register.application.service import Service
from register.domain.views import Moment
from register.importers.example import load_example

STATEMENT_DAY = date(2023, 10, 24)

ACTIVITIES = {
    "Contact en feedback": ("controller", "P3M"),
    "Potentiële klanten": ("controller", "P2Y"),
    "Een live demo boeken": ("controller", "P2Y"),
    "Verzenden van nieuwsbrieven": ("controller", None),
    "Werving en selectie van nieuw personeel": ("controller", "P4W"),
    "Reclame": ("controller", None),
    "Analytische cookies: Matomo Analytics": ("controller", None),
    "Wetenschappelijk onderzoek en statistiek op gepseudonimiseerde gegevens": ("controller", None),
}
RECIPIENT_CATEGORIES = {
    "analytics",
    "hosting",
    "software_development",
    "it_services",
    "payment",
    "feedback_and_communication_platform",
    "advertising_platform",
    "public_authority",
}


@pytest.fixture
def register(service: Service) -> dict:
    load_example(service, say=lambda _: None)
    return service.reader.register(Moment(STATEMENT_DAY, service.reader.now())).as_json()


def test_every_activity_of_the_statement_is_in_the_register(register: dict) -> None:
    by_name = {a["name"]: a for a in register["activities"]}
    for name, (role, period) in ACTIVITIES.items():
        assert by_name[name]["role"] == role
        retention = by_name[name]["retention"]
        assert (retention or {}).get("period") == period
    processor = [a for a in register["activities"] if a["role"] == "processor"]
    assert len(processor) == 1 and processor[0]["controllers"]


def test_retention_is_worded_as_the_statement_words_it(register: dict) -> None:
    by_name = {a["name"]: a["retention"] for a in register["activities"]}
    assert "abonnement" in by_name["Verzenden van nieuwsbrieven"]["trigger"]
    recruitment = by_name["Werving en selectie van nieuw personeel"]
    assert "functie is vervuld" in recruitment["trigger"]
    assert "jaar" in recruitment["note"] and "personeelsdossier" in recruitment["note"]
    assert "tevreden" in by_name["Contact en feedback"]["trigger"]


def test_recruitment_includes_screening_and_assessment(register: dict) -> None:
    recruitment = next(a for a in register["activities"] if a["name"].startswith("Werving"))
    purposes = " ".join(p["description"] for p in recruitment["purposes"]).lower()
    assert "social media" in purposes or "social-media" in purposes
    assert "assessment" in purposes


def test_every_named_recipient_is_there(register: dict) -> None:
    assert {r["category"] for r in register["recipients"]} == RECIPIENT_CATEGORIES
    ids = {r["id"] for r in register["recipients"]}
    for activity in register["activities"]:
        assert set(activity["recipients"]) <= ids


def test_organisation_and_policy(register: dict) -> None:
    organisation = register["organisation"]
    assert organisation["name"] == "Cinnux B.V."
    assert organisation["trade_name"] == "Opgelucht"
    assert organisation["registration_number"].endswith("75979683")
    assert organisation["address"]["city"] == "Groningen"
    policy = register["policy"]
    assert policy["effective_from"] == "2023-10-24"
    assert policy["language"] == "nl"
    assert "24 oktober 2023" in policy["text"]


def test_nothing_is_in_effect_the_day_before(service: Service) -> None:
    load_example(service, say=lambda _: None)
    before = service.reader.register(Moment(date(2023, 10, 23), service.reader.now())).as_json()
    assert before["activities"] == [] and before["policy"] is None


def test_loading_twice_changes_nothing(service: Service) -> None:
    assert load_example(service, say=lambda _: None) == 19
    assert load_example(service, say=lambda _: None) == 0
