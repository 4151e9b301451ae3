"""To whom an activity's data go: recipients by category (Art. 13(1)(e)) and transfers outside
the EEA with their safeguard (Art. 13(1)(f)).

Recipients are named by category, one line per category with the recipients' own names after
it, because the category is what Art. 13 requires and what the follow-up rules watch; a new
recipient in a known category changes the names on one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from register.domain.statement.context import Context, collation_key
from register.domain.statement.model import Line, Part
from register.domain.statement.sentences import compose, joined
from register.domain.views import EntryView
from register.domain.vocabulary import TRANSFER_SAFEGUARDS, country_name
from register.domain.vocabulary.phrases import (
    SAFEGUARD_PHRASES,
    in_language,
    recipient_category_phrase,
)

OTHER = "other"
# An Art. 49(1) derogation by its point: art49_1_a is point (a).
_ART49_POINT = re.compile(r"^art49_1_([a-g])$")
# A safeguard's label ends with the article it cites, which the phrase says itself.
_CITATION = re.compile(r"\s*\(art\. .*\)$", re.IGNORECASE)


def categories(context: Context, links: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """The recipients of ``links`` by category, each category's names in collation order."""
    found: dict[str, set[str]] = {}
    for link in links:
        recipient = context.recipient(link.get("recipient"))
        category = (recipient.fields.get("category") if recipient else None) or OTHER
        name = recipient.fields["name"] if recipient else str(link.get("recipient"))
        found.setdefault(category, set()).add(name)
    ordered = sorted(found, key=lambda code: collation_key(_category(context, code)))
    return {code: sorted(found[code], key=collation_key) for code in ordered}


def category_parts(context: Context, code: str, names: list[str]) -> dict[str, tuple[Part, ...]]:
    """The slots of a line that names one category and its recipients."""
    return {
        "category": (context.phrase(_category(context, code)),),
        "names": context.sentence("names", names=joined([context.value(n) for n in names])),
    }


def _category(context: Context, code: str) -> str:
    return recipient_category_phrase(code, context.language)


def recipients(context: Context, activity: EntryView) -> Iterator[Line]:
    links = activity.fields.get("recipients")
    provenance: dict[str, Any] = {
        "rule": "NOTICE-RECIPIENT-CATEGORY",
        "entry": activity,
        "field": "recipients",
    }
    if links is None:
        yield context.item((context.marker("recipients"),), **provenance)
    elif not links:
        yield context.item(context.sentence("no_recipients"), **provenance)
    for code, names in categories(context, links or []).items():
        parts = category_parts(context, code, names)
        yield context.item(context.sentence("recipients", **parts), **provenance)


def transfers(context: Context, activity: EntryView) -> Iterator[Line]:
    recorded = activity.fields.get("transfers")
    provenance: dict[str, Any] = {"rule": "NOTICE-TRANSFER", "entry": activity}
    if recorded is None:
        yield context.item(
            (context.marker("transfers"),),
            field="transfers",
            check="CHK-TRANSFER-UNRECORDED",
            **provenance,
        )
    elif not recorded:
        yield context.item(context.sentence("no_transfers"), field="transfers", **provenance)
    for index, transfer in enumerate(recorded or []):
        safeguard = _safeguard(context, transfer)
        yield context.item(
            context.sentence(
                "transfer", destination=_destination(context, transfer), safeguard=safeguard
            ),
            field=f"transfers[{index}]",
            check="CHK-TRANSFER-NO-SAFEGUARD" if not transfer.get("safeguard") else None,
            **provenance,
        )


def _destination(context: Context, transfer: Mapping[str, Any]) -> Part:
    country = transfer.get("country")
    if country:
        return context.phrase(country_name(country, context.language))
    return context.value(transfer.get("international_organisation") or "")


def _safeguard(context: Context, transfer: Mapping[str, Any]) -> tuple[Part, ...]:
    code = transfer.get("safeguard")
    if not code:
        return (context.marker("safeguard"),)
    recipient = context.recipient(transfer.get("recipient"))
    slots = {
        "country": _destination(context, transfer),
        "recipient": context.value(recipient.fields["name"])
        if recipient
        else _destination(context, transfer),
        "email": context.email(),
        "description": context.phrase(
            _CITATION.sub("", TRANSFER_SAFEGUARDS.label(code, context.language))
        ),
    }
    point = _ART49_POINT.match(code)
    if point:
        return compose(_phrase("art49", context), point=context.phrase(point.group(1)), **slots)
    if code == "adequacy_decision" and transfer.get("country") == "US" and recipient:
        return compose(_phrase("adequacy_us", context), **slots)
    return compose(_phrase(code if code in SAFEGUARD_PHRASES else OTHER, context), **slots)


def _phrase(key: str, context: Context) -> str:
    return in_language(SAFEGUARD_PHRASES[key], context.language)
