"""Small register builders for the rule tests: an activity, a recipient, a register of them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

from register.domain.catalogue import conformed
from register.domain.kinds import EntryKind
from register.domain.views import EntryView, HistoryPosition, Moment, RegisterSnapshot

DAY = date(2024, 6, 1)


def entry(kind: EntryKind, fields: dict[str, Any], entry_id: uuid.UUID | None = None) -> EntryView:
    return EntryView(
        id=entry_id or uuid.uuid5(uuid.NAMESPACE_URL, f"{kind}:{fields.get('name')}"),
        kind=kind,
        version=1,
        status="active",
        fields=conformed(kind, fields, whole=True),
        registered_on=date(2024, 1, 1),
    )


def recipient(name: str = "Host", **fields: Any) -> EntryView:
    body = {"name": name, "category": "hosting", "legal_role": "processor", "country": "NL"}
    return entry(EntryKind.RECIPIENT, {**body, **fields})


HOST = recipient(data_processing_agreement={"reference": "DPA-1", "signed_on": "2024-01-01"})


def activity(name: str = "Newsletter", **fields: Any) -> EntryView:
    body = {
        "name": name,
        "role": "controller",
        "purposes": [
            {"description": "Sending it", "legal_basis": "Consent", "consent_record_ref": "crm"}
        ],
        "data_subjects": ["Subscribers"],
        "data_categories": ["email address"],
        "sources": [{"name": "The subscriber", "kind": "data_subject"}],
        "recipients": [str(HOST.id)],
        "transfers": [],
        "retention": [{"period": "P2Y", "trigger": "unsubscribing", "trigger_role": "starts"}],
        "security_measures": ["Access control"],
    }
    return entry(EntryKind.ACTIVITY, {**body, **fields})


def organisation(**fields: Any) -> EntryView:
    body = {"name": "Cinnux B.V.", "contact": {"email": "info@example.org"}}
    return entry(EntryKind.ORGANISATION, {**body, **fields})


def policy(day: date = date(2024, 1, 1)) -> EntryView:
    fields = {"title": "Privacy", "language": "en", "text": "x"}
    view = entry(EntryKind.POLICY, fields)
    return EntryView(view.id, view.kind, 1, "active", view.fields, day)


def register(
    *entries: EntryView, as_of: date = DAY, with_policy: EntryView | None = None
) -> RegisterSnapshot:
    """A register of the given entries, with the organisation and the HOST recipient unless
    others are given."""
    activities = [e for e in entries if e.kind == EntryKind.ACTIVITY]
    recipients = [e for e in entries if e.kind == EntryKind.RECIPIENT] or [HOST]
    orgs = [e for e in entries if e.kind == EntryKind.ORGANISATION] or [organisation()]
    return RegisterSnapshot(
        moment=Moment(as_of, datetime(2025, 1, 1, tzinfo=UTC)),
        organisation=orgs[0],
        activities=activities,
        recipients=recipients,
        policy=with_policy,
        history=HistoryPosition(1, None),
    )


def fires_only_on_the_first(
    code: str, run: Callable[[Any], Iterable[Any]], fire: Any, close: Any
) -> None:
    """``code`` is raised on ``fire`` and not on ``close``."""
    assert code in {f.code for f in run(fire)}
    assert code not in {f.code for f in run(close)}
