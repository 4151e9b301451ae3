"""Every rule of the follow-up table (followups-and-checks.md §4.3): a change that must raise it,
and a close change that must not."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from register.domain.diff.compare import compare
from register.domain.followups import RULES, EventsAtHand, Recorded, findings
from register.domain.followups.model import Finding
from register.domain.views import EntryView, RegisterSnapshot
from tests.unit.followup_builders import (
    DAY,
    HOST,
    activity,
    fires_only_on_the_first,
    organisation,
    policy,
    recipient,
    register,
)

A = activity()
US = recipient("Cloud", country="US", category="it_services")
US_CERTIFIED = recipient(
    "Cloud", country="US", dpf_certification={"certified": True, "checked_on": "2024-01-01"}
)
GB = recipient("London", country="GB")


def proc(**fields: object) -> EntryView:
    body = {
        "role": "processor",
        "purposes": [{"description": "Support"}],
        "controllers": [{"name": "Client"}],
        "processing_categories": ["hosting"],
    }
    return activity("App", **{**body, **fields})


PROC = proc()
SECOND = recipient("Second host", data_processing_agreement={"reference": "DPA-2"})
NEW_PROCESSOR = recipient("Mailer", category="it_services")
SENSITIVE = [{"name": "health", "special_category": True}]
CRIMINAL = [{"name": "record", "criminal": True}]
SC_COND = [
    {
        "description": "Sending it",
        "legal_basis": "Consent",
        "consent_record_ref": "crm",
        "art9_condition": {"point": "a"},
    }
]

Case = tuple[RegisterSnapshot, RegisterSnapshot]


def pair(before: list, after: list) -> Case:
    return register(*before), register(*after)


def on_a(**fields: object) -> Case:
    return register(A, HOST), register(activity(**fields), HOST)


def transfer(country: str, safeguard: str | None, **more: object) -> dict:
    return {"country": country, "safeguard": safeguard, **more}


# code: (a change that raises it, a close change that does not)
CASES: dict[str, tuple[Case, Case]] = {
    "NOTICE-ACTIVITY-ADDED": (pair([], [A]), pair([], [PROC])),
    "NOTICE-ACTIVITY-RETIRED": (pair([A], []), pair([PROC], [])),
    "NOTICE-PURPOSE-ADDED": (
        on_a(purposes=[*A.fields["purposes"], {"description": "Tips", "legal_basis": "Consent"}]),
        on_a(purposes=[{**A.fields["purposes"][0], "note": "reworded note only"}]),
    ),
    "PURPOSE-FURTHER-PROCESSING": (
        on_a(purposes=[*A.fields["purposes"], {"description": "Tips"}]),
        on_a(purposes=[{**A.fields["purposes"][0], "description": " sending  IT "}]),
    ),
    "NOTICE-PURPOSE-REMOVED": (on_a(purposes=[]), on_a(purposes=list(A.fields["purposes"]))),
    "NOTICE-LEGAL-BASIS": (
        on_a(purposes=[{"description": "Sending it", "legal_basis": "Contract"}]),
        on_a(purposes=[{"description": "Sending it", "legal_basis": "Consent"}]),
    ),
    "NOTICE-LEGITIMATE-INTEREST": (
        on_a(purposes=[{"description": "Sending it", "legal_basis": "LegitimateInterest"}]),
        on_a(purposes=[{"description": "Sending it", "legal_basis": "Contract"}]),
    ),
    "LEGAL-BASIS-FROM-CONSENT": (
        on_a(purposes=[{"description": "Sending it", "legal_basis": "Contract"}]),
        on_a(purposes=[{"description": "Sending it", "legal_basis": None}]),
    ),
    "CONSENT-RECORDS": (
        pair([activity(purposes=[{"description": "Sending it", "legal_basis": None}])], [A]),
        on_a(purposes=[{**A.fields["purposes"][0], "note": "same basis"}]),
    ),
    "NOTICE-DATA-CATEGORY": (
        on_a(data_categories=["email address", "name"]),
        on_a(data_categories=["Email  address"]),
    ),
    "NOTICE-DATA-SUBJECT": (
        on_a(data_subjects=["Subscribers", "Customers"]),
        on_a(data_subjects=[]),
    ),
    "NOTICE-RECIPIENT-CATEGORY": (
        pair([A, HOST, US], [activity(recipients=[str(HOST.id), str(US.id)]), HOST, US]),
        pair(
            [A, HOST, SECOND], [activity(recipients=[str(HOST.id), str(SECOND.id)]), HOST, SECOND]
        ),
    ),
    "NOTICE-RECIPIENT-NAMED": (
        pair(
            [A, HOST, SECOND], [activity(recipients=[str(HOST.id), str(SECOND.id)]), HOST, SECOND]
        ),
        pair([A, HOST, US], [activity(recipients=[str(HOST.id), str(US.id)]), HOST, US]),
    ),
    "NOTICE-RETENTION": (
        on_a(retention=[{"period": "P1Y", "trigger": "unsubscribing", "trigger_role": "starts"}]),
        on_a(
            retention=[
                {
                    "period": "P2Y",
                    "trigger": "Unsubscribing ",
                    "trigger_role": "starts",
                    "note": "a note",
                }
            ]
        ),
    ),
    "NOTICE-TRANSFER": (
        on_a(transfers=[transfer("CH", "adequacy_decision")]),
        on_a(transfers=[]),
    ),
    "NOTICE-SOURCE": (
        on_a(sources=[*A.fields["sources"], {"name": "Brokers", "kind": "third_party"}]),
        on_a(sources=[*A.fields["sources"], {"name": "Form", "kind": "data_subject"}]),
    ),
    "NOTICE-ADM": (
        on_a(automated_decision_making={"applies": True}),
        on_a(automated_decision_making={"applies": False}),
    ),
    "NOTICE-CONTROLLER": (
        pair([organisation()], [organisation(registration_number="KvK 1")]),
        pair([organisation()], [organisation(notes="a note")]),
    ),
    "NOTICE-DPO": (
        pair([organisation()], [organisation(dpo={"name": "D. Po"})]),
        pair([organisation()], [organisation(website="https://example.org")]),
    ),
    "NOTICE-REPRESENTATIVE": (
        pair([organisation()], [organisation(eu_representative={"name": "Rep"})]),
        pair([organisation()], [organisation()]),
    ),
    "JOINT-ARRANGEMENT": (on_a(role="joint_controller"), on_a(role="controller")),
    "ROLE-CHANGED": (on_a(role="processor"), on_a(role="joint_controller")),
    "TRANSFER-SAFEGUARD-MISSING": (
        on_a(transfers=[transfer("BR", None)]),
        on_a(transfers=[transfer("BR", "standard_contractual_clauses", tia_ref="TIA-1")]),
    ),
    "TRANSFER-ADEQUACY-AVAILABLE": (
        on_a(transfers=[transfer("CH", None)]),
        on_a(transfers=[transfer("BR", None)]),  # Brazil: not adequate on DAY (2024)
    ),
    "TRANSFER-US-DPF": (
        pair(
            [A, HOST, US],
            [
                activity(transfers=[transfer("US", "adequacy_decision", recipient=str(US.id))]),
                HOST,
                US,
            ],
        ),
        pair(
            [A, HOST, US_CERTIFIED],
            [
                activity(
                    transfers=[transfer("US", "adequacy_decision", recipient=str(US_CERTIFIED.id))]
                ),
                HOST,
                US_CERTIFIED,
            ],
        ),
    ),
    "TRANSFER-ADEQUACY-NOT-IN-FORCE": (
        on_a(transfers=[transfer("BR", "adequacy_decision")]),
        on_a(transfers=[transfer("JP", "adequacy_decision")]),
    ),
    "TRANSFER-ART49": (
        on_a(transfers=[transfer("BR", "art49_1_a")]),
        on_a(transfers=[transfer("BR", "binding_corporate_rules", tia_ref="TIA")]),
    ),
    "TRANSFER-TIA": (
        on_a(transfers=[transfer("BR", "standard_contractual_clauses")]),
        on_a(transfers=[transfer("BR", "standard_contractual_clauses", tia_ref="TIA-1")]),
    ),
    "TRANSFER-UNRECORDED": (
        pair([A, HOST, GB], [activity(recipients=[str(HOST.id), str(GB.id)]), HOST, GB]),
        pair(
            [A, HOST, GB],
            [
                activity(
                    recipients=[str(HOST.id), str(GB.id)],
                    transfers=[transfer("GB", "adequacy_decision")],
                ),
                HOST,
                GB,
            ],
        ),
    ),
    "RECIPIENT-COUNTRY-CHANGED": (
        pair([A, HOST], [A, recipient(country="DE", data_processing_agreement={"reference": "1"})]),
        pair([activity(recipients=[]), HOST], [activity(recipients=[]), recipient(country="DE")]),
    ),
    "DPIA-SPECIAL-CATEGORY": (
        on_a(data_categories=["email address", *SENSITIVE]),
        on_a(data_categories=["email address", "health"]),
    ),
    "DPIA-ADM": (
        on_a(automated_decision_making={"applies": True}),
        on_a(automated_decision_making={"applies": False, "description": "none"}),
    ),
    "DPIA-SCREENING": (
        on_a(dpia={"criteria": ["large_scale", "systematic_monitoring"]}),
        on_a(dpia={"criteria": ["large_scale"]}),
    ),
    "DPIA-NEW-SYSTEM": (on_a(systems=["Mailchimp"]), on_a(systems=[])),
    "DPIA-REVIEW": (
        pair(
            [activity(dpia={"required": True, "reference": "D-1"})],
            [activity(dpia={"required": True, "reference": "D-1"}, data_subjects=["Others"])],
        ),
        pair(
            [activity(dpia={"required": False})],
            [activity(dpia={"required": False}, data_subjects=["Others"])],
        ),
    ),
    "ART9-CONDITION-MISSING": (
        on_a(data_categories=SENSITIVE),
        on_a(data_categories=SENSITIVE, purposes=SC_COND),
    ),
    "ART10-BASIS": (
        on_a(data_categories=CRIMINAL),
        on_a(data_categories=CRIMINAL, purposes=[{**SC_COND[0], "art10_basis": "uavg_33"}]),
    ),
    "SUBPROC-ADDED": (
        pair(
            [PROC, HOST, SECOND],
            [proc(**{"recipients": [str(HOST.id), str(SECOND.id)]}), HOST, SECOND],
        ),
        pair(
            [A, HOST, SECOND], [activity(recipients=[str(HOST.id), str(SECOND.id)]), HOST, SECOND]
        ),
    ),
    "SUBPROC-REPLACED": (
        pair([PROC, HOST, SECOND], [proc(**{"recipients": [str(SECOND.id)]}), HOST, SECOND]),
        pair([PROC, HOST, SECOND], [proc(**{"recipients": []}), HOST, SECOND]),
    ),
    "SUBPROC-REMOVED": (
        pair([PROC, HOST], [proc(**{"recipients": []}), HOST]),
        pair([A, HOST], [activity(recipients=[]), HOST]),
    ),
    "PROC-TRANSFER-INSTRUCTION": (
        pair([PROC], [proc(**{"transfers": [transfer("CH", "adequacy_decision")]})]),
        pair([PROC], [proc(**{"transfers": [transfer("FR", None)][:0]})]),
    ),
    "PROCESSOR-NO-DPA": (
        pair(
            [A, HOST, NEW_PROCESSOR],
            [activity(recipients=[str(HOST.id), str(NEW_PROCESSOR.id)]), HOST, NEW_PROCESSOR],
        ),
        pair(
            [A, HOST, SECOND], [activity(recipients=[str(HOST.id), str(SECOND.id)]), HOST, SECOND]
        ),
    ),
    "CONTROLLERS-ADDED": (
        pair([PROC], [proc(**{"controllers": ["Client", "Other"]})]),
        pair([PROC], [proc(**{"controllers": [" client"]})]),
    ),
    "CONTROLLERS-REMOVED": (
        pair([PROC], [proc(**{"controllers": []})]),
        pair([A], [activity(controllers=[])]),
    ),
    "PROC-CATEGORIES-CHANGED": (
        pair([PROC], [proc(**{"processing_categories": ["chat"]})]),
        pair([PROC], [proc(**{"processing_categories": ["Hosting"]})]),
    ),
    "RETENTION-SHORTENED": (
        on_a(retention=[{"period": "P1Y", "trigger": "unsubscribing", "trigger_role": "starts"}]),
        on_a(retention=[{"period": "P1Y", "trigger": "signing up", "trigger_role": "starts"}]),
    ),
    "RETENTION-LENGTHENED": (
        on_a(retention=[{"period": "P3Y", "trigger": "unsubscribing", "trigger_role": "starts"}]),
        on_a(retention=[{"period": "P24M", "trigger": "unsubscribing", "trigger_role": "starts"}]),
    ),
    "RETENTION-CHANGED": (
        on_a(retention=[{"period": "P1Y", "trigger": "signing up", "trigger_role": "starts"}]),
        on_a(retention=[{"period": "P1Y", "trigger": "unsubscribing", "trigger_role": "starts"}]),
    ),
    "RETENTION-REMOVED": (
        on_a(retention=None),
        on_a(retention=[{"criteria": "as long as the subscription runs"}]),
    ),
    "ACTIVITY-RETIRED-ERASE": (pair([PROC], []), pair([PROC], [PROC])),
    "RECIPIENT-RETIRED-LINKED": (
        pair([A, HOST, SECOND], [A, SECOND]),
        pair(
            [activity(recipients=[str(SECOND.id)]), HOST, SECOND],
            [activity(recipients=[str(SECOND.id)]), SECOND],
        ),
    ),
}


def raised(case: Case, events: dict | None = None) -> list[Finding]:
    return findings(compare(*case), None if events is None else EventsAtHand(events))


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_rule_fires_on_its_change_and_not_on_a_close_one(code: str) -> None:
    fires_only_on_the_first(code, raised, *CASES[code])


def test_every_rule_of_the_table_is_declared_once_and_tested() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    timed = {"SUBPROC-NOTICE-TIMING", "POLICY-STALE"}  # tested with events below
    assert set(codes) == set(CASES) | timed
    for rule in RULES:
        placeholders = {p for p in rule.nl.split("{")[1:]}
        assert {p.split("}")[0] for p in placeholders} == {
            p.split("}")[0] for p in rule.en.split("{")[1:]
        }, rule.code


def _linked_second() -> Case:
    return pair(
        [PROC, HOST, SECOND],
        [proc(**{"recipients": [str(HOST.id), str(SECOND.id)]}), HOST, SECOND],
    )


def _recorded(recorded_on: date, effective: date, *fields: str, hour: int = 12) -> Recorded:
    recorded_at = datetime.combine(recorded_on, time(hour), UTC)
    return Recorded(recorded_at, recorded_on, effective, "amended", frozenset(fields))


def _events(recorded_on: date, effective: date) -> dict[uuid.UUID, list[Recorded]]:
    return {PROC.id: [_recorded(recorded_on, effective, "recipients")]}


def test_a_sub_processor_recorded_on_its_first_day_was_not_announced_in_advance() -> None:
    late = raised(_linked_second(), _events(date(2024, 5, 1), date(2024, 5, 1)))
    early = raised(_linked_second(), _events(date(2024, 4, 1), date(2024, 5, 1)))
    assert "SUBPROC-NOTICE-TIMING" in {f.code for f in late}
    assert "SUBPROC-NOTICE-TIMING" not in {f.code for f in early}


def test_a_statement_is_stale_for_notice_changes_it_does_not_reflect() -> None:
    """Not reflected: a change taking effect after the statement, or a backdated correction
    recorded after the statement was; reflected: one recorded before it, effective by then."""
    statement = policy(date(2024, 1, 1))
    before = register(A, HOST, with_policy=statement)
    after = register(
        activity(data_subjects=["Subscribers", "Children"]), HOST, with_policy=statement
    )

    def stale(*events: tuple[EntryView, Recorded]) -> list[Finding]:
        at_hand = EventsAtHand({entry.id: [event] for entry, event in events})
        return [f for f in findings(compare(before, after), at_hand) if f.code == "POLICY-STALE"]

    later = _recorded(date(2024, 2, 1), date(2024, 2, 1))
    backdated = _recorded(date(2024, 2, 1), date(2024, 1, 1))
    published = _recorded(date(2024, 2, 1), date(2024, 1, 1), "text", hour=13)
    (finding,) = stale((A, later))
    assert "1 later register changes" in finding.text("en")
    assert len(stale((A, backdated))) == 1
    assert stale((A, backdated), (statement, published)) == []
    assert len(stale((A, later), (statement, published))) == 1


def test_a_retired_processor_activity_asks_to_return_the_data_as_the_clients_choose() -> None:
    (finding,) = [f for f in raised(pair([PROC], [])) if f.code == "ACTIVITY-RETIRED-ERASE"]
    assert "as the client organisations choose" in finding.text("en")
    assert f"per {DAY.isoformat()} beëindigd" in finding.text("nl")


def test_the_dutch_and_english_sentences_are_filled_in() -> None:
    shortened = on_a(
        retention=[{"period": "P1Y", "trigger": "unsubscribing", "trigger_role": "starts"}]
    )
    (finding,) = [f for f in raised(shortened) if f.code == "RETENTION-SHORTENED"]
    assert "from 2 years after unsubscribing to 1 year after unsubscribing" in finding.text("en")
    assert "van 2 jaar na unsubscribing naar 1 jaar na unsubscribing" in finding.text("nl")
    assert finding.severity == "must" and "{" not in finding.text("nl")


def test_from_an_empty_register_every_finding_is_baseline() -> None:
    empty = replace(register(), organisation=None, recipients=[])
    found = raised((empty, register(A, PROC)))
    assert found and all(f.baseline for f in found)
    assert not any(f.baseline for f in raised(on_a(data_subjects=["Others"])))


BASES = st.sampled_from([None, "Consent", "Contract", "LegitimateInterest", "LegalObligation"])
PERIODS = st.sampled_from([None, "P1M", "P6M", "P1Y", "P2Y", "P30D"])


def _variant(
    basis: str | None, period: str | None, subjects: list[str], country: str | None
) -> Callable:
    return lambda: activity(
        purposes=[{"description": "Sending it", "legal_basis": basis}],
        retention=[{"period": period, "trigger": "unsubscribing"}] if period else None,
        data_subjects=subjects,
        transfers=[transfer(country, None)] if country else [],
    )


VARIANTS = st.builds(
    _variant,
    BASES,
    PERIODS,
    st.lists(st.sampled_from(["A", "B", "C"]), unique=True),
    st.sampled_from([None, "US", "CH", "BR"]),
)


@settings(max_examples=60, deadline=None)
@given(VARIANTS, VARIANTS)
def test_the_follow_ups_depend_only_on_the_two_registers(a: Callable, b: Callable) -> None:
    before, after = register(a(), PROC, HOST), register(b(), PROC, HOST)
    first = raised((before, after))
    again = raised((register(PROC, a(), HOST), register(PROC, b(), HOST)))
    assert [(f.id, f.text("nl")) for f in first] == [(f.id, f.text("nl")) for f in again]
    assert len({f.id for f in first}) == len(first)
    assert raised((before, before)) == [] or all(f.baseline for f in raised((before, before)))
