"""§0–§2 of the statement: its title and validity, who the controller is and how to reach it, and
the data protection officer (Art. 13(1)(a)–(b), 14(1)(a)–(b))."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from register.domain.statement.context import Context
from register.domain.statement.model import BLANK, Line, Part

# A registration number recorded with its register's name ("KvK 75979683"): the sentence names
# the register itself.
_KVK_PREFIX = re.compile(r"^\s*kvk[\s:.-]*", re.IGNORECASE)

CONTROLLER_FIELDS = "organisation"


def title(context: Context) -> Iterator[Line]:
    organisation = context.organisation
    name = organisation.get("trade_name") or organisation.get("name")
    shown = context.value(name) if name else context.marker("controller")
    entry = context.snapshot.organisation
    yield context.line(
        "title",
        context.sentence("title", name=shown),
        rule="NOTICE-CONTROLLER",
        entry=entry,
        field="trade_name" if organisation.get("trade_name") else "name",
    )
    yield BLANK
    yield context.line(
        "paragraph",
        context.sentence("validity", date=context.day(context.snapshot.moment.as_of)),
        rule="STATEMENT-VALIDITY",
    )


def who_we_are(context: Context) -> Iterator[Line]:
    yield context.heading("who_heading")
    yield BLANK
    entry = context.snapshot.organisation
    organisation = context.organisation
    if entry is None:
        yield context.item(
            (context.marker("controller"),),
            rule="NOTICE-CONTROLLER",
            field=CONTROLLER_FIELDS,
            check="CHK-ORG-IDENTITY",
        )
    else:
        yield context.item(
            context.sentence(
                "identity",
                name=context.value(organisation["name"]),
                trade_name=_trade_name(context, organisation),
                address=_address(context, organisation.get("address")),
                registration=_registration(context, organisation.get("registration_number")),
            ),
            rule="NOTICE-CONTROLLER",
            entry=entry,
            field="name",
            check=None if organisation.get("address") else "CHK-ORG-IDENTITY",
        )
    phone = context.contact.get("phone")
    yield context.item(
        context.sentence(
            "reach_us",
            email=context.email(),
            phone=context.sentence("phone", phone=context.value(phone)) if phone else (),
        ),
        rule="NOTICE-CONTROLLER",
        entry=entry,
        field="contact",
        check=None if context.contact.get("email") else "CHK-ORG-IDENTITY",
    )


def _trade_name(context: Context, organisation: Mapping[str, Any]) -> tuple[Part, ...]:
    trade_name = organisation.get("trade_name")
    if not trade_name:
        return ()
    return context.sentence("trade_name", trade_name=context.value(trade_name))


def _address(context: Context, address: Mapping[str, Any] | None) -> tuple[Part, ...]:
    if not address:
        return (context.phrase(", "), context.marker("address"))
    parts: list[Part] = []
    street = address.get("street")
    town = " ".join(str(address[k]) for k in ("postal_code", "city") if address.get(k))
    for given in (street, town):
        if given:
            parts += [context.phrase(", "), context.value(given)]
    return tuple(parts)


def _registration(context: Context, number: str | None) -> tuple[Part, ...]:
    if not number:
        return ()
    return context.sentence("registration", number=context.value(_KVK_PREFIX.sub("", number)))


def data_protection_officer(context: Context) -> Iterator[Line]:
    yield context.heading("dpo_heading")
    yield BLANK
    entry = context.snapshot.organisation
    dpo = context.organisation.get("dpo") or {}
    status = dpo.get("status")
    provenance: dict[str, Any] = {"rule": "NOTICE-DPO", "entry": entry, "field": "dpo.status"}
    if status in ("designated", "voluntary"):
        email = dpo.get("email")
        shown = context.value(email) if email else context.marker("dpo_contact")
        provenance["field"] = "dpo.email"
        yield context.item(context.sentence("dpo_designated", email=shown), **provenance)
    elif status == "not_required":
        yield context.item(context.sentence("dpo_not_designated"), **provenance)
    else:
        yield context.item((context.marker("dpo_status"),), check="CHK-ORG-IDENTITY", **provenance)
    representative = context.organisation.get("eu_representative")
    if representative and representative.get("name"):
        reach = representative.get("email") or representative.get("phone")
        yield context.item(
            context.sentence(
                "representative",
                name=context.value(representative["name"]),
                contact=context.value(reach) if reach else context.marker("contact"),
            ),
            rule="NOTICE-REPRESENTATIVE",
            entry=entry,
            field="eu_representative",
        )
