"""The example register as the API serves it for 24 October 2023: every processing and every
disclosure the statement describes, and nothing it does not support unless marked inferred.

The statement is ``../shared/seed/privacy-statement-opgelucht-2023-10-24.nl.txt``. What it says
literally is spelled out below, section by section, so a reader can check each line against it;
anything else in the register must carry a note that starts with ``Afgeleid:`` (inferred).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from api import create_app
from register.application.service import Service
from register.importers.example import load_example
from tests.api.client import ApiClient

STATEMENT_DAY = "2023-10-24"
INFERRED = "Afgeleid:"

# Each section of the statement that describes a processing, as the activity recording it.
CONTROLLER_ACTIVITIES = {
    "Contact en feedback",  # "Contact"
    "Potentiële klanten",  # "Potentiële klanten"
    "Een live demo boeken",  # "Een live demo boeken"
    "Verzenden van nieuwsbrieven",  # "Verzenden van nieuwsbrieven"
    "Werving en selectie van nieuw personeel",  # "Werving en selectie van nieuw personeel"
    "Reclame",  # "Reclame"
    "Analytische cookies: Matomo Analytics",  # "Analytische cookies", "Matomo Analytics"
    "Functionele cookies en scripts op onze website",  # "Cookies", "Het gebruik van cookies"
    "Afhandelen van verzoeken van betrokkenen",  # "Inzage en wijzigen van je gegevens"
}
# "Verwerking van persoonsgegevens voor derden": "in opdracht van een bedrijf/organisatie".
PROCESSOR_ACTIVITY = (
    "App voor ondersteuning bij ongewenst gedrag (in opdracht van klantorganisaties)"
)
# Activities whose role the statement does not give; their notes must say it is inferred.
MISUSE = (
    "Doorgeven bij een vermoeden van schending van onze voorwaarden of andere illegale activiteiten"
)
INFERRED_ROLE = {
    "Wetenschappelijk onderzoek en statistiek op gepseudonimiseerde gegevens",
    MISUSE,
    "Doorgeven bij een fusie, faillissement of reorganisatie",
    "Verstrekking op grond van een wettelijke verplichting (bijvoorbeeld aan de politie)",
}
# "Verstrekking aan andere bedrijven of instellingen": each disclosure, and to whom.
DISCLOSURES = {
    MISUSE: set(),
    "Doorgeven bij een fusie, faillissement of reorganisatie": {
        "acquirer_or_successor",
        "insolvency_administrator",
    },
    "Verstrekking op grond van een wettelijke verplichting (bijvoorbeeld aan de politie)": {
        "public_authority"
    },
}
# "De volgende derden verwerken jouw persoonsgegevens: …", and the police of the last ground.
THIRD_PARTIES = {
    "cookie_service_provider",
    "hosting",
    "software_development",
    "it_services",
    "payment",
    "feedback_and_communication_platform",
    "public_authority",
}
# Legal bases the statement names in so many words, by activity.
STATED_BASES = {
    ("Een live demo boeken", "Consent"),  # "Als je ons toestemming geeft verwerken wij …"
    ("Verzenden van nieuwsbrieven", "Consent"),  # "Alleen als wij hiervoor jouw toestemming …"
    ("Werving en selectie van nieuw personeel", "Consent"),  # "met jouw toestemming … een jaar"
    (
        "Verstrekking op grond van een wettelijke verplichting (bijvoorbeeld aan de politie)",
        "LegalObligation",  # "wij dat wettelijk verplicht zijn"
    ),
}
# Groups the statement names itself: "potentiële klanten", "abonnees", "sollicitanten",
# "bezoekers", "gebruikers".
STATED_GROUPS = {
    "Potentiële klanten",
    "Nieuwsbriefabonnees",
    "Sollicitanten",
    "Websitebezoekers",
    "Gebruikers van de app",
}
# Links the statement makes itself: "Ook via derden die door ons zijn ingeschakeld, worden
# cookies geplaatst", and the police "bij een vermoeden van een misdrijf".
STATED_LINKS = {
    ("Functionele cookies en scripts op onze website", "cookie_service_provider"),
    (
        "Verstrekking op grond van een wettelijke verplichting (bijvoorbeeld aan de politie)",
        "public_authority",
    ),
}


def api_get(service: Service, path: str, query: dict[str, Any] | None = None) -> Any:
    """What an auditor gets from the API."""
    _, secret = service.tokens.create("auditor", "Example auditor")
    response = ApiClient(create_app(service).test_client(), secret).get(path, None, **(query or {}))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def register_at(service: Service, as_of: str, known_at: str | None = None) -> dict[str, Any]:
    query = {"as_of": as_of} | ({"known_at": known_at} if known_at else {})
    return dict(api_get(service, "/api/v1/register", query))


def by_name(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["name"]: item for item in items}


def inferred(note: str | None) -> bool:
    return (note or "").startswith(INFERRED)


@pytest.fixture
def register(service: Service) -> dict[str, Any]:
    load_example(service, say=lambda _: None)
    return register_at(service, STATEMENT_DAY)


def test_every_processing_the_statement_describes_is_there(register: dict[str, Any]) -> None:
    activities = by_name(register["activities"])
    expected = CONTROLLER_ACTIVITIES | INFERRED_ROLE | {PROCESSOR_ACTIVITY}
    assert set(activities) == expected
    for name in CONTROLLER_ACTIVITIES | INFERRED_ROLE:
        assert activities[name]["role"] == "controller", name
    assert activities[PROCESSOR_ACTIVITY]["role"] == "processor"
    for name in INFERRED_ROLE:
        assert inferred(activities[name]["notes"]), name


def test_every_disclosure_the_statement_describes_is_there(register: dict[str, Any]) -> None:
    activities = by_name(register["activities"])
    category = {r["id"]: r["category"] for r in register["recipients"]}
    for name, recipients in DISCLOSURES.items():
        links = activities[name]["recipients"] or []
        assert {category[link["recipient"]] for link in links} == recipients, name
    assert {r["category"] for r in register["recipients"]} == THIRD_PARTIES | {
        "acquirer_or_successor",
        "insolvency_administrator",
    }


def test_no_role_the_statement_does_not_support_unless_inferred(
    register: dict[str, Any],
) -> None:
    for recipient in register["recipients"]:
        if recipient["legal_role"] not in (None, "authority"):
            assert inferred(recipient["notes"]), recipient["name"]
        if recipient["category"] not in THIRD_PARTIES:
            assert inferred(recipient["notes"]), recipient["name"]


def test_no_recipient_link_the_statement_does_not_support_unless_inferred(
    register: dict[str, Any],
) -> None:
    category = {r["id"]: r["category"] for r in register["recipients"]}
    for activity in register["activities"]:
        for link in activity["recipients"] or []:
            stated = (activity["name"], category[link["recipient"]]) in STATED_LINKS
            assert stated or inferred(link["note"]), (activity["name"], link)


def test_no_legal_basis_the_statement_does_not_give_unless_inferred(
    register: dict[str, Any],
) -> None:
    for activity in register["activities"]:
        for purpose in activity["purposes"]:
            basis = purpose["legal_basis"]
            if basis is not None and (activity["name"], basis) not in STATED_BASES:
                assert inferred(purpose["note"]), (activity["name"], purpose["description"])


def test_no_data_subject_group_the_statement_does_not_name_unless_inferred(
    register: dict[str, Any],
) -> None:
    for activity in register["activities"]:
        for group in activity["data_subjects"]:
            if group["name"] not in STATED_GROUPS:
                assert inferred(group["note"]), (activity["name"], group["name"])
            if group["dpv"] is not None:  # the statement uses no DPV term: the mapping is ours
                assert INFERRED in (group["note"] or ""), (activity["name"], group["name"])


def test_what_the_statement_is_silent_on_is_not_recorded(register: dict[str, Any]) -> None:
    organisation = register["organisation"]
    assert organisation["dpo"] is None and organisation["website"] is None
    for activity in register["activities"]:
        assert activity["transfers"] is None, activity["name"]
    activities = by_name(register["activities"])
    for name in ("Reclame", "Analytische cookies: Matomo Analytics", PROCESSOR_ACTIVITY):
        assert activities[name]["retention"] is None
    assert activities["Afhandelen van verzoeken van betrokkenen"]["recipients"] is None


def test_retention_follows_the_statements_regimes(register: dict[str, Any]) -> None:
    retention = {a["name"]: a["retention"] for a in register["activities"]}
    (contact,) = retention["Contact en feedback"]
    assert (contact["period"], contact["kind"], contact["trigger_role"]) == (
        "P3M",
        "fixed",
        "starts",
    )
    assert "tevreden" in contact["trigger"]
    (demo,) = retention["Een live demo boeken"]  # "Uiterlijk 2 jaar na ontvangst"
    assert (demo["period"], demo["kind"], demo["trigger_role"]) == ("P2Y", "maximum", "starts")
    (newsletter,) = retention["Verzenden van nieuwsbrieven"]  # "totdat je het abonnement opzegt"
    assert (newsletter["kind"], newsletter["trigger_role"]) == ("until_event", "ends")
    assert "abonnement" in newsletter["trigger"]
    weeks, year, dossier = retention["Werving en selectie van nieuw personeel"]
    assert (weeks["period"], weeks["kind"], weeks["trigger"]) == (
        "P4W",
        "maximum",
        "de functie is vervuld",
    )
    assert year["period"] == "P1Y" and "toestemming" in year["applies_to"][0]
    assert INFERRED in year["note"]  # "maximaal" is not said of the extra year
    assert (
        "personeelsdossier" in dossier["applies_to"][0]
        and "arbeidsovereenkomst" in (dossier["criteria"])
    )


def test_organisation_and_policy(register: dict[str, Any]) -> None:
    organisation = register["organisation"]
    assert (organisation["name"], organisation["trade_name"]) == ("Cinnux B.V.", "Opgelucht")
    assert organisation["registration_number"].endswith("75979683")
    assert organisation["contact"]["address"]["street"] == "Boterdiep 69-1"
    policy = register["policy"]
    assert (policy["effective_from"], policy["language"]) == (STATEMENT_DAY, "nl")
    assert "24 oktober 2023" in policy["text"]
    assert set(policy["covers"]) == {a["id"] for a in register["activities"]}


def test_nothing_is_in_effect_the_day_before(service: Service) -> None:
    load_example(service, say=lambda _: None)
    before = register_at(service, (date(2023, 10, 23)).isoformat())
    assert before["activities"] == [] and before["policy"] is None


def test_loading_twice_changes_nothing(service: Service) -> None:
    first = load_example(service, say=lambda _: None)
    assert first.changed == 25 and all(line.startswith("registered") for line in first.done)
    assert load_example(service, say=lambda _: None).changed == 0
