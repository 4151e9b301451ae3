"""The Article 30 model's fields through the API, on SQLite and PostgreSQL: each one is stored
as given (and read back at the moment it was recorded), and a wrong value is refused with a
problem naming its path, leaving no event behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.api.client import ApiClient, activity_body, policy_body, problem, recipient_body

Value = Callable[[dict[str, Any]], Any]  # from the ids of a recipient and an activity


def fixed(value: Any) -> Value:
    return lambda _: value


ACTIVITY_FIELDS: dict[str, tuple[Value, Any, str]] = {
    "joint_controllers": (
        fixed(
            [
                {
                    "name": "Partner B.V.",
                    "address": {"city": "Utrecht", "country": "NL"},
                    "contact": {"email": "privacy@partner.example"},
                    "arrangement_ref": "Regeling art. 26, DMS-26",
                }
            ]
        ),
        [{"arrangement_ref": "x"}],
        "joint_controllers[0].name",
    ),
    "controllers": (
        fixed(
            [
                {
                    "name": "Gemeente Voorbeeld",
                    "contact": {"email": "fg@voorbeeld.example"},
                    "dpo": {"name": "FG Voorbeeld"},
                    "processing_categories": ["chat", "beheeromgeving"],
                    "agreement": {"reference": "VWO-2024-1", "signed_on": "2024-01-31"},
                }
            ]
        ),
        [{"name": "C", "agreement": {"signed_on": "2024-02-30"}}],
        "controllers[0].agreement.signed_on",
    ),
    "retention": (
        fixed(
            [
                {
                    "applies_to": ["cv", "motivatiebrief"],
                    "period": "P4W",
                    "kind": "maximum",
                    "trigger": "de vacature is vervuld",
                    "trigger_role": "starts",
                },
                {"criteria": "zolang het dienstverband duurt", "legal_source": "art. 52 AWR"},
            ]
        ),
        [{"kind": "forever", "period": "P1Y"}],
        "retention[0].kind",
    ),
    "transfers": (
        fixed(
            [
                {
                    "international_organisation": "World Health Organization",
                    "safeguard": "art49_1_d",
                    "documentation_ref": "DMS-49",
                    "tia_ref": "TIA-3",
                }
            ]
        ),
        [{"international_organisation": "WHO", "safeguard": "pinky_promise"}],
        "transfers[0].safeguard",
    ),
    "recipients": (
        lambda ids: [{"recipient": ids["recipient"], "role": "sub_processor", "note": "Afgeleid"}],
        [{"role": "friend"}],
        "recipients[0].recipient",
    ),
    "purposes": (
        fixed(
            [
                {
                    "description": "Screening van sollicitanten",
                    "legal_basis": "LegitimateInterest",
                    "legitimate_interest": "het imago bij werving",
                    "lia_ref": "LIA-2024-2",
                    "consent_record_ref": "CRM, veld toestemming",
                    "art9_condition": {"point": "h"},
                    "art10_basis": "official_authority",
                    "provision_requirement": "contract_prerequisite",
                    "provision_consequences": "zonder cv geen sollicitatie",
                }
            ]
        ),
        [{"description": "x", "art10_basis": "gut feeling"}],
        "purposes[0].art10_basis",
    ),
    "data_categories": (
        fixed(
            [
                {"name": "gezondheid", "special_category": True, "special_category_type": "health"},
                {"name": "BSN", "national_identifier": True},
            ]
        ),
        [{"name": "haarkleur", "special_category_type": "hair colour"}],
        "data_categories[0].special_category_type",
    ),
    "data_subjects": (
        fixed([{"name": "Sollicitanten", "dpv": "JobApplicant"}]),
        [{"name": "Marsmannetjes", "dpv": "Alien"}],
        "data_subjects[0].dpv",
    ),
    "sources": (
        fixed([{"name": "Referenten", "kind": "third_party"}]),
        [{"name": "Geruchten", "kind": "rumour"}],
        "sources[0].kind",
    ),
    "processing_operations": (fixed(["Collect", "Store"]), ["Juggle"], "processing_operations[0]"),
    "security_measures": (
        fixed([{"description": "Versleuteling in rust", "type": "technical", "dpv": "Encryption"}]),
        [{"description": "Toverspreuk", "type": "magical"}],
        "security_measures[0].type",
    ),
    "systems": (
        lambda ids: [{"name": "Matomo", "location_country": "NL", "provider": ids["recipient"]}],
        [{"name": "Matomo", "location_country": "XX"}],
        "systems[0].location_country",
    ),
    "dpia": (
        fixed(
            {
                "required": True,
                "status": "completed",
                "completed_on": "2024-05-01",
                "reference": "DPIA-7",
                "criteria": ["sensitive_data", "large_scale"],
                "prior_consultation": False,
            }
        ),
        {"status": "vibing"},
        "dpia.status",
    ),
    "next_review_on": (fixed("2027-01-01"), "2027-13-01", "next_review_on"),
    "notes": (fixed("Afgeleid: uit de verklaring van 24 oktober 2023"), "  ", "notes"),
}

RECIPIENT_FIELDS: dict[str, tuple[Value, Any, str]] = {
    "dpf_certification": (
        fixed({"certified": True, "checked_on": "2026-03-01", "covers_hr": False}),
        {"certified": True},
        "dpf_certification.checked_on",
    ),
    "category": (fixed("insolvency_administrator"), "pirate", "category"),
    "legal_role": (fixed("internal"), "bystander", "legal_role"),
    "notes": (fixed("Afgeleid: uit de lijst van derden"), 42, "notes"),
}

POLICY_FIELDS: dict[str, tuple[Value, Any, str]] = {
    "covers": (lambda ids: [ids["activity"]], ["not-an-id"], "covers[0]"),
    "audience": (fixed("Websitebezoekers en gebruikers van de app"), "", "audience"),
    "source_sha256": (fixed("ab" * 32), "xyz", "source_sha256"),
}

CASES = [("activities", activity_body, name, case) for name, case in ACTIVITY_FIELDS.items()] + [
    ("recipients", recipient_body, name, case) for name, case in RECIPIENT_FIELDS.items()
]


def contains(stored: Any, given: Any) -> bool:
    """Whether ``stored`` says all that ``given`` said: objects may gain unset fields."""
    if isinstance(given, dict):
        return isinstance(stored, dict) and all(
            contains(stored.get(k), v) for k, v in given.items()
        )
    if isinstance(given, list):
        return (
            isinstance(stored, list)
            and len(stored) == len(given)
            and all(contains(s, g) for s, g in zip(stored, given, strict=True))
        )
    return bool(stored == given)


@pytest.fixture
def ids(api: ApiClient) -> dict[str, Any]:
    recipient = api.register("recipients", recipient_body(name="Hostingpartij"))
    activity = api.register("activities", activity_body(recipients=[recipient["id"]]))
    return {"recipient": recipient["id"], "activity": activity["id"]}


@pytest.mark.parametrize(("plural", "body", "field", "case"), CASES, ids=lambda v: str(v)[:30])
def test_a_field_is_stored_as_given_and_a_wrong_value_is_refused_at_its_path(
    api: ApiClient,
    auditor: ApiClient,
    ids: dict[str, Any],
    plural: str,
    body: Callable[..., dict[str, Any]],
    field: str,
    case: tuple[Value, Any, str],
) -> None:
    good, bad, path = case
    value = good(ids)
    created = api.register(plural, body(**{field: value}))
    url = f"/api/v1/{plural}/{created['id']}"
    assert contains(created[field], value), created[field]
    assert auditor.get(url).get_json()[field] == created[field]

    refused = problem(api.patch(url, {field: bad}, version=1), 422)
    assert path in {e["field"] for e in refused["errors"]}, refused
    assert len(auditor.get(f"{url}/history").get_json()) == 1
    assert auditor.get(url).get_json()["version"] == 1


@pytest.mark.parametrize("field", POLICY_FIELDS)
def test_a_policy_field_is_stored_as_given_and_refused_at_its_path(
    api: ApiClient, auditor: ApiClient, ids: dict[str, Any], field: str
) -> None:
    good, bad, path = POLICY_FIELDS[field]
    value = good(ids)
    created = api.register("policies", policy_body(**{field: value}))
    assert created[field] == value
    refused = problem(api.post("/api/v1/policies", policy_body(**{field: bad})), 422)
    assert path in {e["field"] for e in refused["errors"]}, refused


def test_none_and_not_recorded_are_kept_apart(api: ApiClient, auditor: ApiClient) -> None:
    unknown = api.register("activities", {"name": "Onbekend", "role": "controller"})
    none = api.register(
        "activities",
        {"name": "Geen", "role": "controller", "transfers": [], "recipients": [], "retention": []},
    )
    for field in ("transfers", "recipients", "retention"):
        assert unknown[field] is None, field
        assert none[field] == [], field


def test_the_organisations_dpo_says_whether_one_is_designated(api: ApiClient) -> None:
    body = {"name": "Cinnux B.V.", "dpo": {"status": "not_required"}}
    stored = api.put("/api/v1/organisation", body)
    assert stored.status_code in (200, 201), stored.get_json()
    assert stored.get_json()["dpo"]["status"] == "not_required"
    refused = problem(api.put("/api/v1/organisation", {**body, "dpo": {"status": "maybe"}}), 422)
    assert "dpo.status" in {e["field"] for e in refused["errors"]}


def test_a_review_is_an_event_of_its_own_that_changes_no_field_but_the_next_review(
    api: ApiClient, auditor: ApiClient
) -> None:
    activity = api.register("activities", activity_body())
    url = f"/api/v1/activities/{activity['id']}"
    reviewed = api.post(
        f"{url}/review",
        {"next_review_on": "2027-03-02", "reason": "Jaarlijkse herziening"},
        version=1,
    )
    assert reviewed.status_code == 200, reviewed.get_json()
    after = reviewed.get_json()
    assert after["version"] == 2 and after["next_review_on"] == "2027-03-02"
    assert {k: v for k, v in after.items() if k not in ("version", "next_review_on")} == {
        k: v for k, v in activity.items() if k not in ("version", "next_review_on")
    }
    history = auditor.get(f"{url}/history").get_json()
    assert history[-1]["type"] == "reviewed"
    assert history[-1]["reason"] == "Jaarlijkse herziening"
    unchanged = api.post(f"{url}/review", {}, version=2)
    assert unchanged.status_code == 200 and unchanged.get_json()["version"] == 3
    assert auditor.get(f"{url}/history").get_json()[-1]["changes"] == []
    bad = problem(api.post(f"{url}/review", {"next_review_on": "soon"}, version=3), 422)
    assert "next_review_on" in str(bad)
