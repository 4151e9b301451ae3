"""The vocabularies resource: codes with their labels, so clients show words, not codes."""

from __future__ import annotations

from tests.api.client import ApiClient


def test_legal_bases_read_as_words_in_dutch_and_english(auditor: ApiClient) -> None:
    dutch = auditor.get("/api/v1/vocabularies/legal_bases", lang="nl").get_json()
    english = auditor.get("/api/v1/vocabularies/legal_bases", lang="en").get_json()
    assert {t["code"]: t["label"] for t in dutch["terms"]}["Consent"] == "toestemming"
    assert {t["code"]: t["label"] for t in english["terms"]}["Consent"] == "consent"
    consent = next(t for t in dutch["terms"] if t["code"] == "Consent")
    assert consent["iri"] == "https://w3id.org/dpv#Consent"
    assert "DPV" in dutch["source"]


def test_every_vocabulary_is_listed_with_countries_by_name(auditor: ApiClient) -> None:
    listed = auditor.get("/api/v1/vocabularies", lang="nl").get_json()
    names = {v["name"] for v in listed}
    assert {"legal_bases", "transfer_safeguards", "data_subjects", "countries"} <= names
    countries = next(v for v in listed if v["name"] == "countries")
    assert {t["code"]: t["label"] for t in countries["terms"]}["DE"] == "Duitsland"


def test_an_unknown_vocabulary_is_a_problem_naming_the_known_ones(auditor: ApiClient) -> None:
    answer = auditor.get("/api/v1/vocabularies/colours")
    assert answer.status_code == 404
    assert answer.content_type == "application/problem+json"
    assert "legal_bases" in answer.get_json()["detail"]


def test_an_unknown_language_is_refused_naming_the_parameter(auditor: ApiClient) -> None:
    answer = auditor.get("/api/v1/vocabularies", lang="fr")
    assert answer.status_code == 422
    assert "lang" in str(answer.get_json())
