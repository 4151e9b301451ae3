"""Every completeness check (followups-and-checks.md §4.4): a register that must raise it, and a
close one that must not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from register.domain.followups import CHECKS, check, stale_policy
from register.domain.views import RegisterSnapshot
from tests.unit.followup_builders import (
    HOST,
    activity,
    fires_only_on_the_first,
    organisation,
    policy,
    recipient,
    register,
)

STATEMENT = policy(date(2024, 1, 1))
UNSIGNED = recipient("Mailer", category="it_services")
AUDITOR = recipient("Auditor", legal_role="independent_controller", country=None)
BR = recipient("Rio", country="BR", data_processing_agreement={"reference": "1"})


def held(*entries, **fields) -> RegisterSnapshot:
    """A register with a statement in effect, so that only the check under test can fire."""
    return register(*entries, with_policy=STATEMENT, **fields)


def one(**fields) -> RegisterSnapshot:
    return held(activity(**fields), HOST)


def proc(**fields) -> RegisterSnapshot:
    body = {
        "role": "processor",
        "purposes": [{"description": "Support"}],
        "controllers": [{"name": "Client", "contact": {"email": "dpo@client.example"}}],
        "processing_categories": ["hosting"],
        "retention": None,
    }
    return held(activity("App", **{**body, **fields}), HOST)


CASES: dict[str, tuple[RegisterSnapshot, RegisterSnapshot]] = {
    "CHK-ORG-IDENTITY": (
        held(activity(), HOST, organisation(contact=None)),
        held(activity(), HOST, organisation(contact=None, address={"city": "Groningen"})),
    ),
    "CHK-NO-PURPOSE": (one(purposes=[]), proc(purposes=[])),
    "CHK-LEGAL-BASIS-MISSING": (
        one(purposes=[{"description": "x", "legal_basis": None}]),
        proc(purposes=[{"description": "x", "legal_basis": None}]),
    ),
    "CHK-DATA-SUBJECTS-MISSING": (one(data_subjects=[]), proc(data_subjects=[])),
    "CHK-DATA-CATEGORIES-MISSING": (one(data_categories=[]), proc(data_categories=[])),
    "CHK-RETENTION-MISSING": (
        one(retention=None),
        one(retention=[{"criteria": "as long as the subscription runs"}]),
    ),
    "CHK-RETENTION-START": (one(retention=[{"period": "P2Y"}]), one(retention=[{"trigger": "x"}])),
    "CHK-SECURITY-MISSING": (one(security_measures=[]), proc()),
    "CHK-TRANSFER-NO-SAFEGUARD": (
        one(transfers=[{"country": "BR", "safeguard": None}]),
        one(transfers=[{"country": "BR", "safeguard": "art49_1_a"}]),
    ),
    "CHK-TRANSFER-UNRECORDED": (
        held(activity(recipients=[str(BR.id)]), BR),
        held(
            activity(
                recipients=[str(BR.id)],
                transfers=[{"country": "BR", "safeguard": "ad_hoc_clauses"}],
            ),
            BR,
        ),
    ),
    "CHK-RECIPIENT-COUNTRY-UNKNOWN": (
        held(activity(recipients=[str(AUDITOR.id)]), AUDITOR),
        one(),
    ),
    "CHK-PROCESSOR-NO-DPA": (
        held(activity(recipients=[str(UNSIGNED.id)]), UNSIGNED),
        held(activity(recipients=[str(AUDITOR.id)]), AUDITOR),
    ),
    "CHK-ART9-CONDITION": (
        one(data_categories=[{"name": "health", "special_category": True}]),
        proc(data_categories=[{"name": "health", "special_category": True}]),
    ),
    "CHK-DPIA-OUTSTANDING": (
        one(dpia={"required": True}),
        one(dpia={"required": True, "reference": "DPIA-7"}),
    ),
    "CHK-PROC-CONTROLLERS": (proc(controllers=[{"name": "Client"}]), proc()),
    "CHK-PROC-CATEGORIES": (proc(processing_categories=[]), one(processing_categories=[])),
    "CHK-ORPHAN-RECIPIENT": (held(activity(recipients=[]), HOST), one()),
    "CHK-CONSENT-RECORD": (
        one(purposes=[{"description": "x", "legal_basis": "Consent"}]),
        one(purposes=[{"description": "x", "legal_basis": "Consent", "consent_record_ref": "crm"}]),
    ),
    "CHK-LI-ASSESSMENT": (
        one(
            purposes=[
                {
                    "description": "x",
                    "legal_basis": "LegitimateInterest",
                    "legitimate_interest": "y",
                }
            ]
        ),
        one(
            purposes=[
                {
                    "description": "x",
                    "legal_basis": "LegitimateInterest",
                    "legitimate_interest": "y",
                    "lia_ref": "LIA-1",
                }
            ]
        ),
    ),
    "CHK-JOINT-ARRANGEMENT": (
        one(role="joint_controller", joint_controllers=[{"name": "Partner"}]),
        one(
            role="joint_controller",
            joint_controllers=[{"name": "Partner", "arrangement_ref": "A-1"}],
        ),
    ),
    "CHK-POLICY-MISSING": (
        replace(one(), policy=None),
        replace(proc(), policy=None),
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_check_fires_on_its_gap_and_not_on_a_close_register(code: str) -> None:
    fires_only_on_the_first(code, check, *CASES[code])


def test_the_reference_register_has_no_findings_but_the_ones_asked_for() -> None:
    assert check(one()) == []


def test_every_check_of_the_table_is_declared_once_and_tested() -> None:
    codes = [rule.code for rule in CHECKS]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(CASES) | {"CHK-POLICY-STALE"}


def test_a_statement_is_stale_when_the_register_changed_after_it_was_published() -> None:
    published = one()
    now = one(data_subjects=["Subscribers", "Children"])
    (finding,) = stale_policy(published, now)
    assert finding.code == "CHK-POLICY-STALE"
    assert finding.text("nl") == (
        "De privacyverklaring van 2024-01-01 weerspiegelt 1 latere registerwijzigingen nog niet: "
        "publiceer een nieuwe versie."
    )
    assert stale_policy(now, now) == []
    assert stale_policy(published, one(security_measures=["Encryption"])) == []


def test_findings_are_in_a_stable_order_with_stable_ids() -> None:
    gaps = one(purposes=[{"description": "x"}, {"description": "y"}], retention=None)
    first, again = check(gaps), check(gaps)
    assert [f.id for f in first] == [f.id for f in again]
    assert [f.severity for f in first] == sorted(
        (f.severity for f in first), key=["must", "check", "info"].index
    )
    assert len({f.id for f in first}) == len(first)
