"""The register as Markdown, in Dutch or English labels, for reading and for the authority."""

from __future__ import annotations

from typing import Any

from register.domain.catalogue import spec
from register.domain.kinds import EntryKind

# The page's own words; the fields' labels are the catalogue's.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Record of processing activities (GDPR Article 30)",
        "as_of": "In effect on",
        "known_at": "As recorded at",
        "organisation": "Organisation",
        "controller_part": "Processing activities as controller (Art. 30(1))",
        "processor_part": "Processing activities as processor (Art. 30(2))",
        "recipients": "Recipients",
        "policy": "Privacy statement in effect",
        "history": "Computed from history position",
        "digest": "Digest of this register",
        "none": "none",
        "no_basis": "legal basis not recorded",
    },
    "nl": {
        "title": "Register van verwerkingsactiviteiten (AVG artikel 30)",
        "as_of": "Geldend op",
        "known_at": "Zoals vastgelegd op",
        "organisation": "Organisatie",
        "controller_part": "Verwerkingen als verwerkingsverantwoordelijke (art. 30 lid 1)",
        "processor_part": "Verwerkingen als verwerker (art. 30 lid 2)",
        "recipients": "Ontvangers",
        "policy": "Geldende privacyverklaring",
        "history": "Berekend uit historiepositie",
        "digest": "Digest van dit register",
        "none": "geen",
        "no_basis": "grondslag niet vastgelegd",
    },
}

ACTIVITY = spec(EntryKind.ACTIVITY)
# Only a processor's activities answer 30(2)(a) and (b).
PROCESSOR_FIELDS = ("controllers", "processing_categories")


def _items(values: list[Any], none: str) -> str:
    labels = [v["name"] if isinstance(v, dict) else str(v) for v in values]
    return ", ".join(labels) if labels else f"_{none}_"


def _retention(value: dict[str, Any] | None, none: str) -> str:
    if not value:
        return f"_{none}_"
    parts = [value.get("period"), value.get("trigger"), value.get("note")]
    return "; ".join(str(p) for p in parts if p) or f"_{none}_"


def _activity(
    activity: dict[str, Any], names: dict[str, str], lang: str, t: dict[str, str]
) -> list[str]:
    none = t["none"]
    purposes = [
        f"{p['description']} ({p['legal_basis'] or t['no_basis']})"
        for p in activity.get("purposes", [])
    ]
    transfers = [
        f"{x['country']} ({x.get('safeguard') or none})" for x in activity.get("transfers", [])
    ]
    values = {
        "controllers": _items(activity.get("controllers", []), none),
        "processing_categories": _items(activity.get("processing_categories", []), none),
        "purposes": _items(purposes, none),
        "data_subjects": _items(activity.get("data_subjects", []), none),
        "data_categories": _items(activity.get("data_categories", []), none),
        "recipients": _items([names.get(r, r) for r in activity.get("recipients", [])], none),
        "transfers": _items(transfers, none),
        "retention": _retention(activity.get("retention"), none),
        "security_measures": _items(activity.get("security_measures", []), none),
    }
    if activity.get("role") != "processor":
        values = {name: v for name, v in values.items() if name not in PROCESSOR_FIELDS}
    rows = [f"- **{ACTIVITY.field(name).labels[lang]}**: {v}" for name, v in values.items()]
    return [f"### {activity['name']}", "", *rows, ""]


def render(register: dict[str, Any], lang: str = "en") -> str:
    t = LABELS[lang]
    names = {r["id"]: r["name"] for r in register["recipients"]}
    lines = [
        f"# {t['title']}",
        "",
        f"- {t['as_of']}: {register['as_of']}",
        f"- {t['known_at']}: {register['known_at']}",
        "",
        f"## {t['organisation']}",
        "",
    ]
    organisation = register.get("organisation")
    if organisation:
        address = organisation.get("address") or {}
        contact = organisation.get("contact") or {}
        lines += [
            f"{organisation['name']}"
            + (f" ({organisation['trade_name']})" if organisation.get("trade_name") else ""),
            "",
            ", ".join(
                str(address[k])
                for k in ("street", "postal_code", "city", "country")
                if address.get(k)
            ),
            "",
            " · ".join(
                str(v) for v in (organisation.get("registration_number"), contact.get("email")) if v
            ),
            "",
        ]
    else:
        lines += [f"_{t['none']}_", ""]
    for part, roles in (
        ("controller_part", ("controller", "joint_controller")),
        ("processor_part", ("processor",)),
    ):
        lines += [f"## {t[part]}", ""]
        chosen = [a for a in register["activities"] if a["role"] in roles]
        for activity in chosen:
            lines += _activity(activity, names, lang, t)
        if not chosen:
            lines += [f"_{t['none']}_", ""]
    lines += [f"## {t['recipients']}", ""]
    lines += [
        f"- {r['name']} ({r.get('category') or '-'}, {r.get('legal_role') or '-'}"
        f", {r.get('country') or '-'})"
        for r in register["recipients"]
    ] or [f"_{t['none']}_"]
    policy = register.get("policy")
    lines += ["", f"## {t['policy']}", ""]
    lines += [
        f"{policy['title']} ({policy['language']}, {policy['effective_from']}, "
        f"{policy['content_hash']})"
        if policy
        else f"_{t['none']}_",
        "",
        "---",
        "",
        f"{t['history']} {register['history']['position']}: "
        f"`{register['history']['head_digest']}`  ",
        f"{t['digest']}: `{register['digest']}`",
        "",
    ]
    return "\n".join(lines)
