"""What the rules derive once and keep, and the activities they skip, change nothing they find:
a kept derivation is the one made afresh, and asking a rule only about the activities a change
touched finds what asking it about every activity finds."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from register.domain.followups import _TRIGGERS
from register.domain.followups.context import Comparison
from register.domain.followups.model import Finding
from register.domain.followups.reading import Side, keyed, links, retention
from register.domain.kinds import EntryKind
from register.domain.views import EntryView, HistoryPosition, Moment, RegisterSnapshot
from tests.unit.followup_builders import activity

RECIPIENTS = [uuid.UUID(int=1000 + n) for n in range(5)]
ACTIVITIES = [uuid.UUID(int=2000 + n) for n in range(5)]


def test_a_kept_derivation_is_the_one_made_afresh() -> None:
    a = activity(recipients=[str(RECIPIENTS[0]), {"recipient": str(RECIPIENTS[1])}])
    first = links(a)
    assert links(a) is first
    again = replace(a)
    assert again.derived == {}
    assert links(again) == first
    assert keyed(a, "data_categories") == keyed(again, "data_categories")
    assert retention(a) == retention(again)
    assert links(None) == {} and keyed(None, "purposes") == {} and retention(None) is None


def _recipient(r: random.Random, n: int) -> dict[str, Any]:
    return {
        "name": r.choice([f"R{n}", f"R{n} renamed"]),
        "category": r.choice(["hosting", "it_services", None]),
        "country": r.choice(["NL", "US", "GB", "IN", None]),
        "legal_role": r.choice(["processor", "controller", "sub_processor", None]),
        "data_processing_agreement": r.choice([{"reference": "DPA"}, {}, None]),
        "transfer_safeguard": r.choice(["standard_contractual_clauses", "adequacy_decision", None]),
        "dpf_certification": r.choice([{"certified": True}, None]),
    }


def _link(r: random.Random) -> Any:
    to = str(r.choice(RECIPIENTS))
    return to if r.random() < 0.4 else {"recipient": to, "role": r.choice([None, "processor"])}


def _activity(r: random.Random, n: int) -> dict[str, Any]:
    categories = [
        "email",
        {"name": "health", "special_category": True},
        {"name": "record", "criminal": True},
    ]
    purposes = [
        {"description": "Send", "legal_basis": r.choice(["Consent", "LegitimateInterest"])},
        {"description": "Sell", "legal_basis": "Contract", "art9_condition": {"point": "a"}},
    ]
    transfer = {
        "country": r.choice(["US", "IN"]),
        "safeguard": r.choice([None, "adequacy_decision", "art49_1_a"]),
        "recipient": str(r.choice(RECIPIENTS)),
    }
    return {
        "name": r.choice([f"A{n}", f"A{n} renamed"]),
        "role": r.choice(["controller", "processor", "joint_controller"]),
        "purposes": r.sample(purposes, r.randrange(3)),
        "data_categories": r.sample(categories, r.randrange(4)),
        "data_subjects": r.sample(["Staff", "Clients"], r.randrange(3)),
        "sources": r.sample([{"name": "Broker", "kind": "third_party"}], r.randrange(2)),
        "recipients": [_link(r) for _ in range(r.randrange(4))],
        "transfers": r.choice([None, [], [transfer]]),
        "retention": r.choice([None, [], [{"period": r.choice(["P1Y", "P2Y"]), "trigger": "end"}]]),
        "systems": r.sample([{"name": "CRM"}, {"name": "Mail"}], r.randrange(3)),
        "controllers": r.sample([{"name": "Client"}, {"name": "Other"}], r.randrange(3)),
        "processing_categories": r.sample(["hosting", "support"], r.randrange(3)),
        "automated_decision_making": r.choice([None, {"applies": True}]),
        "dpia": r.choice([None, {"required": True, "criteria": ["a", "b"]}]),
    }


def _register(
    r: random.Random, day: date, kind: EntryKind, ids: list[uuid.UUID], earlier: dict[Any, Any]
) -> list[EntryView]:
    """Most entries of ``earlier`` (or new ones), each field kept or drawn anew."""
    make = _activity if kind == EntryKind.ACTIVITY else _recipient
    entries = []
    for n, entry_id in enumerate(ids):
        if r.random() < 0.15:
            continue
        drawn, before = make(r, n), earlier.get(entry_id)
        fields = drawn if before is None else {k: r.choice([before[k], drawn[k]]) for k in drawn}
        entries.append(EntryView(entry_id, kind, 1, "active", fields, day))
    return entries


def _comparison(r: random.Random) -> Comparison:
    sides = []
    earlier: dict[uuid.UUID, Any] = {}
    for day in (date(2020, 1, 1), r.choice([date(2020, 1, 1), date(2030, 1, 1)])):
        activities = _register(r, day, EntryKind.ACTIVITY, ACTIVITIES, earlier)
        recipients = _register(r, day, EntryKind.RECIPIENT, RECIPIENTS, earlier)
        earlier = {e.id: e.fields for e in activities + recipients}
        moment = Moment(day, datetime(2031, 1, 1, tzinfo=UTC))
        snapshot = RegisterSnapshot(
            moment, None, activities, recipients, None, HistoryPosition(1, None)
        )
        sides.append(Side(snapshot))
    return Comparison(*sides)


def _asked_about_every_activity(c: Comparison) -> Iterator[Finding]:
    for trigger in _TRIGGERS:
        on_pair = getattr(trigger, "__wrapped__", None)
        if on_pair is None:
            yield from trigger(c)
        else:
            for before, after in c.pairs:
                yield from on_pair(c, before, after)


def _seen(found: Iterator[Finding]) -> list[tuple[str, dict[str, Any]]]:
    return sorted(((f.id, f.as_json("en")) for f in found), key=lambda seen: seen[0])


@settings(max_examples=300, deadline=None)
@given(st.randoms(use_true_random=False))
def test_skipping_what_a_change_left_alone_finds_the_same(r: random.Random) -> None:
    c = _comparison(r)
    skipping = _seen(f for trigger in _TRIGGERS for f in trigger(c))
    assert skipping == _seen(_asked_about_every_activity(c))
