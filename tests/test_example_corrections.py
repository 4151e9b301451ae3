"""``load-example`` on a store holding the previous example records the corrections as events.

The store is the committed export of commit aa56131: the previous example, loaded on 24 October
2023, then a DPO's own changes (a new recipient linked to the newsletter from 1 December 2023, a
backdated retention of the prospective-customers activity, the live demo retired in June 2024,
a DPO appointed in September 2024). The corrections take effect on the statement's day; as
known before them the register answers as it did, after them as the statement says; the DPO's
own changes stay; and a second load changes nothing.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from register.application.maintenance import read_export
from register.application.service import Service
from register.domain.entries import Organisation
from register.domain.kinds import EntryKind
from register.domain.timeline import RETIRED_STATUS, state_at
from register.importers.example import Loaded, example_id, load_example
from tests.test_example_register import STATEMENT_DAY, api_get, by_name, register_at

OLD_STORE = Path(__file__).parent / "fixtures" / "old-store-aa56131.jsonl"
BEFORE = "2025-01-01T00:00:00Z"  # after the fixture's last event, before the corrections
MAILER = "3d3c8f0e-6a43-4c57-9a52-2f7d5e1b9c01"  # the DPO's own recipient


def register_entry(document: dict[str, Any], entry_id: str) -> dict[str, Any]:
    return next(a for a in document["activities"] if a["id"] == entry_id)


def history(service: Service, plural: str, entry_id: uuid.UUID) -> list[dict[str, Any]]:
    return list(api_get(service, f"/api/v1/{plural}/{entry_id}/history"))


@pytest.fixture
def loaded(service: Service) -> Loaded:
    with OLD_STORE.open("rb") as lines:
        service.maintenance.import_events(read_export(lines))
    return load_example(service, say=lambda _: None)


def test_before_the_corrections_the_previous_example_shows(
    service: Service, loaded: Loaded
) -> None:
    old = register_at(service, STATEMENT_DAY, BEFORE)
    assert "advertising_platform" in {r["category"] for r in old["recipients"]}
    assert old["organisation"]["website"] == "https://opgelucht.app"
    subjects = {g["name"] for g in by_name(old["activities"])["Reclame"]["data_subjects"]}
    assert subjects == {"Klanten", "Potentiële klanten"}
    assert len(old["activities"]) == 9


def test_after_the_corrections_the_statement_shows(service: Service, loaded: Loaded) -> None:
    new = register_at(service, STATEMENT_DAY)
    assert "advertising_platform" not in {r["category"] for r in new["recipients"]}
    assert new["organisation"]["website"] is None
    activities = by_name(new["activities"])
    assert len(activities) == 14
    subjects = {g["name"] for g in activities["Reclame"]["data_subjects"]}
    assert subjects == {"Ontvangers van reclame (niet nader gespecificeerd)"}
    recruitment = activities["Werving en selectie van nieuw personeel"]["purposes"]
    assert "LegitimateInterest" not in {p["legal_basis"] for p in recruitment}


def test_each_correction_says_which_it_is(service: Service, loaded: Loaded) -> None:
    advertising = example_id(EntryKind.ACTIVITY, "advertising")
    last = history(service, "activities", advertising)[-1]
    assert last["effective_from"] == STATEMENT_DAY
    assert last["reason"].startswith("Correctie voorbeeldregister (D2")
    changed = {change["field"] for change in last["changes"]}
    assert {"recipients", "data_subjects"} <= changed
    platforms = example_id(EntryKind.RECIPIENT, "advertising_platforms")
    retired = history(service, "recipients", platforms)[-1]
    assert retired["type"] == "retired" and "(D2)" in retired["reason"]


def test_the_dpos_own_changes_are_not_overwritten(service: Service, loaded: Loaded) -> None:
    prospects = example_id(EntryKind.ACTIVITY, "prospective_customers")
    activity = register_entry(register_at(service, STATEMENT_DAY), str(prospects))
    assert activity["retention"][0]["trigger"] == "na het laatste contact"
    assert any("Potentiële klanten: 'retention'" in line for line in loaded.left_alone)

    december = register_at(service, "2023-12-01")
    newsletter = by_name(december["activities"])["Verzenden van nieuwsbrieven"]
    assert MAILER in {link["recipient"] for link in newsletter["recipients"]}

    september = register_at(service, "2024-09-01")["organisation"]
    assert september["dpo"]["name"] == "Functionaris gegevensbescherming"
    assert september["contact"]["email"] == "privacy@opgelucht.app"

    demo = example_id(EntryKind.ACTIVITY, "live_demo")
    today = state_at(service.reader.changes(EntryKind.ACTIVITY, demo), service.reader.today())
    assert today is not None and today.status == RETIRED_STATUS


def test_a_second_load_changes_nothing(service: Service, loaded: Loaded) -> None:
    count = service.reader.integrity().count
    again = load_example(service, say=lambda _: None)
    assert again.changed == 0 and service.reader.integrity().count == count


def test_only_corrections_were_recorded(service: Service, loaded: Loaded) -> None:
    assert loaded.changed == 26
    organisation = service.reader.history(EntryKind.ORGANISATION, Organisation.ID)[-1]
    assert organisation.as_json()["reason"].startswith("Correctie voorbeeldregister (D17")
