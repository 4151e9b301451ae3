"""The sub-processor notices as they are answered: one per client controller, listing every
change to the sub-processors of the activities done on its behalf, with its effective date and,
for an addition or replacement, the last day to object (Art. 28(2)); a removal is told, not put
to objection."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from register.domain.canonical import digest_of
from register.domain.diff.matching import normal
from register.domain.instants import rfc3339
from register.domain.notices.changes import REMOVED, SubprocessorChange
from register.domain.notices.deadline import OBJECTION_PERIOD, objection_deadline
from register.domain.views import RegisterSnapshot


@dataclass(frozen=True)
class DatedChange:
    """A change and the day it takes effect, as the activity's history records it."""

    change: SubprocessorChange
    effective_from: date

    def as_json(self, sent_on: date) -> dict[str, Any]:
        change = self.change
        return {
            "activity_id": str(change.activity.id),
            "activity": change.activity.fields.get("name"),
            "change": change.how,
            "subprocessor": change.new.as_json() if change.new else None,
            "replaces": change.old.as_json() if change.old else None,
            "effective_from": self.effective_from.isoformat(),
            "objection_deadline": None
            if change.how == REMOVED
            else objection_deadline(self.effective_from, sent_on).isoformat(),
        }


@dataclass(frozen=True)
class SubprocessorNotices:
    """The notices between two registers, sent on ``sent_on``."""

    before: RegisterSnapshot
    after: RegisterSnapshot
    changes: tuple[DatedChange, ...]
    sent_on: date

    def as_json(self) -> dict[str, Any]:
        content = {
            "from": _moment(self.before),
            "to": _moment(self.after),
            "sent_on": self.sent_on.isoformat(),
            "objection_period_days": OBJECTION_PERIOD.days,
            "organisation": _sender(self.after),
            "notices": self._per_client(),
        }
        return {**content, "digest": digest_of(content)}

    def _per_client(self) -> list[dict[str, Any]]:
        clients: dict[str, dict[str, Any]] = {}
        for dated in self.changes:
            for client in dated.change.activity.fields.get("controllers") or []:
                shown = _client(client)
                notice = clients.setdefault(
                    _key(shown["name"]), {"client": shown, "activities": [], "changes": []}
                )
                name = dated.change.activity.fields.get("name")
                if name not in notice["activities"]:
                    notice["activities"].append(name)
                notice["changes"].append(dated.as_json(self.sent_on))
        return [clients[key] for key in sorted(clients)]


def _moment(register: RegisterSnapshot) -> dict[str, Any]:
    return {
        "as_of": register.moment.as_of.isoformat(),
        "known_at": rfc3339(register.moment.known_at),
        "history": register.history.as_json(),
    }


def _sender(register: RegisterSnapshot) -> dict[str, Any]:
    organisation = register.organisation.fields if register.organisation else {}
    contact = organisation.get("contact") or {}
    return {
        "name": organisation.get("trade_name") or organisation.get("name"),
        "legal_name": organisation.get("name"),
        "email": contact.get("email"),
        "phone": contact.get("phone"),
    }


def _client(client: Mapping[str, Any] | str) -> dict[str, Any]:
    """A client controller as a letter addresses it: its name and how to reach it."""
    if isinstance(client, str):
        return {"name": client, "contact_name": None, "email": None, "address": None}
    contact = client.get("contact") or {}
    return {
        "name": client.get("name"),
        "contact_name": contact.get("name"),
        "email": contact.get("email"),
        "address": _address(client.get("address") or contact.get("address")),
    }


def _address(address: Mapping[str, Any] | None) -> str | None:
    if not address:
        return None
    parts: Sequence[Any] = (
        address.get("street"),
        " ".join(p for p in (address.get("postal_code"), address.get("city")) if p),
        address.get("country"),
    )
    return ", ".join(str(p) for p in parts if p) or None


def _key(name: Any) -> str:
    """Clients are one when their names are, as the diff matches labels."""
    return normal(str(name or ""))
