"""Events stored in the first shape, read in today's: each rule with the literal value it gives.

What the first shape could not tell apart stays unknown: an empty list of transfers or
recipients then was also how "not recorded" looked, so it reads as not recorded (null), never as
"none".
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime

from eventsourcing.persistence import StoredEvent

from register.domain.entries import Activity, Organisation
from register.domain.kinds import EntryKind
from register.domain.upcasting import fields_v1_to_v2
from register.store.event_store import _Events

RECIPIENT = "1bc731e3-5bd1-5a91-ac46-7b99c46475f9"

V1_ACTIVITY = {
    "name": "Nieuwsbrief",
    "role": "controller",
    "description": None,
    "purposes": [
        {
            "description": "Nieuwsbrief sturen",
            "legal_basis": "Consent",
            "special_category_condition": None,
        },
        {"description": "Zorg", "legal_basis": None, "special_category_condition": "art. 9(2)(h)"},
    ],
    "data_subjects": ["Abonnees"],
    "data_categories": [
        "e-mailadres",
        {"name": "gezondheid", "special_category": True, "criminal": False},
    ],
    "sources": ["Betrokkene zelf"],
    "recipients": [RECIPIENT],
    "transfers": [],
    "retention": {"period": "P2Y", "trigger": "na afmelding", "note": None},
    "security_measures": ["Toegang afgeschermd"],
    "dpia": {"required": None, "reference": None},
    "automated_decision_making": None,
    "systems": ["Mailchimp"],
    "owner": None,
    "controllers": ["Opdrachtgevers"],
    "processing_categories": [],
}


def test_a_registration_reads_with_every_field_in_the_new_shape() -> None:
    new = fields_v1_to_v2(EntryKind.ACTIVITY, V1_ACTIVITY, whole=True)
    assert new["recipients"] == [{"recipient": RECIPIENT, "role": None, "note": None}]
    assert new["transfers"] is None  # not recorded, never "none"
    assert new["retention"] == [
        {
            "applies_to": [],
            "period": "P2Y",
            "kind": None,
            "criteria": None,
            "trigger": "na afmelding",
            "trigger_role": "starts",
            "legal_source": None,
            "note": None,
        }
    ]
    assert new["purposes"][0]["art9_condition"] is None
    assert new["purposes"][1]["art9_condition"] == {
        "point": None,
        "uavg_article": None,
        "note": "art. 9(2)(h)",
    }
    assert "special_category_condition" not in new["purposes"][1]
    assert new["data_subjects"] == [{"name": "Abonnees", "dpv": None, "note": None}]
    assert new["data_categories"][0]["name"] == "e-mailadres"
    assert new["data_categories"][1] == {
        "name": "gezondheid",
        "special_category": True,
        "special_category_type": None,
        "criminal": False,
        "national_identifier": False,
        "note": None,
    }
    assert new["security_measures"] == [
        {"description": "Toegang afgeschermd", "type": None, "dpv": None, "assessment_ref": None}
    ]
    assert new["controllers"][0]["name"] == "Opdrachtgevers"
    assert new["controllers"][0]["processing_categories"] == []
    assert new["dpia"]["criteria"] == []
    assert new["joint_controllers"] == []
    assert new["next_review_on"] is None


def test_an_amendment_reads_only_the_fields_it_named() -> None:
    assert fields_v1_to_v2(EntryKind.ACTIVITY, {"recipients": []}, whole=False) == {
        "recipients": None
    }
    assert fields_v1_to_v2(EntryKind.ACTIVITY, {"retention": None}, whole=False) == {
        "retention": None
    }
    assert fields_v1_to_v2(EntryKind.ACTIVITY, {"owner": "x"}, whole=False) == {"owner": "x"}


def test_a_retention_without_a_trigger_says_nothing_of_one() -> None:
    new = fields_v1_to_v2(
        EntryKind.ACTIVITY,
        {"retention": {"period": "P2Y", "trigger": None, "note": "x"}},
        whole=False,
    )
    assert new["retention"][0]["trigger_role"] is None


def test_an_organisations_dpo_gains_an_unrecorded_status_and_address() -> None:
    old = {"dpo": {"name": "FG", "email": None, "phone": None}}
    new = fields_v1_to_v2(EntryKind.ORGANISATION, old, whole=False)
    assert new["dpo"] == {
        "status": None,
        "name": "FG",
        "address": None,
        "email": None,
        "phone": None,
    }


def test_a_stored_v1_event_decodes_through_the_library_upcaster() -> None:
    """The mapper reads ``class_version`` (absent means 1) and runs ``upcast_v1_v2``."""
    entry_id = uuid.uuid4()
    state = {
        "originator_topic": Activity.TOPIC,
        "timestamp": {
            "_type_": "datetime_iso",
            "_data_": datetime(2024, 1, 1, tzinfo=UTC).isoformat(),
        },
        "effective_from": {"_type_": "date_iso", "_data_": date(2024, 1, 1).isoformat()},
        "actor": "dpo",
        "reason": None,
        "fields": V1_ACTIVITY,
    }
    mapper = _Events({"PERSISTENCE_MODULE": "eventsourcing.popo"}).mapper
    event = mapper.to_domain_event(
        StoredEvent(entry_id, 1, Activity.Registered.TOPIC, json.dumps(state).encode())
    )
    assert isinstance(event, Activity.Registered)
    assert event.fields["transfers"] is None
    assert event.fields["recipients"][0]["recipient"] == RECIPIENT
    assert Organisation.Amended.class_version == 2
