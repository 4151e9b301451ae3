"""The register as Markdown, in Dutch or English labels, for reading and for the authority.

Every value the register holds is shown through ``text``: a name is whatever a DPO typed, and it
must read as itself, not add a heading, a list, a link or a code block to the document, nor
rewrite the terminal it is printed on.
"""

from __future__ import annotations

import re
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

# Line breaks, tabs and every other kind of space become one space: a value stays on its line.
_SPACES = re.compile(r"\s+")
# Control characters (a terminal's escape sequences) and the marks that reverse the order of
# text on screen are shown as U+FFFD, which says something was there.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What opens emphasis, code, a link, an image, HTML, an entity, a table cell or a heading; an
# underscore inside a word opens nothing, so names such as it_services stay as they are.
_INLINE = re.compile(r"([\\`*\[\]<>&|~#]|(?<!\w)_|_(?!\w))")
# What opens a block at the start of a line: a list item or a setext underline.
_BLOCK_START = re.compile(r"^([-+=])|^([0-9]+)([.)])")


def text(value: Any) -> str:
    """A value as Markdown that renders as exactly its own text, on one line."""
    plain = _UNSHOWABLE.sub("\ufffd", _SPACES.sub(" ", str(value)).strip())
    escaped = _INLINE.sub(lambda found: "\\" + found.group(), plain)
    return _BLOCK_START.sub(_escape_block_start, escaped)


def _escape_block_start(found: re.Match[str]) -> str:
    if found.group(1):
        return "\\" + found.group(1)
    return f"{found.group(2)}\\{found.group(3)}"


def _or_dash(value: Any) -> str:
    return text(value) if value else "-"


def _items(values: list[Any], none: str) -> str:
    labels = [text(v["name"] if isinstance(v, dict) else v) for v in values]
    return ", ".join(labels) if labels else f"_{none}_"


def _retention(value: dict[str, Any] | None, none: str) -> str:
    if not value:
        return f"_{none}_"
    parts = [value.get("period"), value.get("trigger"), value.get("note")]
    return "; ".join(text(p) for p in parts if p) or f"_{none}_"


def _activity(
    activity: dict[str, Any], names: dict[str, str], lang: str, t: dict[str, str]
) -> list[str]:
    none = t["none"]
    purposes = [
        f"{text(p['description'])} ({text(p['legal_basis'] or t['no_basis'])})"
        for p in activity.get("purposes", [])
    ]
    transfers = [
        f"{text(x['country'])} ({text(x.get('safeguard') or none)})"
        for x in activity.get("transfers", [])
    ]
    values = {
        "controllers": _items(activity.get("controllers", []), none),
        "processing_categories": _items(activity.get("processing_categories", []), none),
        "purposes": ", ".join(purposes) or f"_{none}_",
        "data_subjects": _items(activity.get("data_subjects", []), none),
        "data_categories": _items(activity.get("data_categories", []), none),
        "recipients": _items([names.get(r, r) for r in activity.get("recipients", [])], none),
        "transfers": ", ".join(transfers) or f"_{none}_",
        "retention": _retention(activity.get("retention"), none),
        "security_measures": _items(activity.get("security_measures", []), none),
    }
    if activity.get("role") != "processor":
        values = {name: v for name, v in values.items() if name not in PROCESSOR_FIELDS}
    rows = [f"- **{ACTIVITY.field(name).labels[lang]}**: {v}" for name, v in values.items()]
    return [f"### {text(activity['name'])}", "", *rows, ""]


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
            text(organisation["name"])
            + (f" ({text(organisation['trade_name'])})" if organisation.get("trade_name") else ""),
            "",
            ", ".join(
                text(address[k])
                for k in ("street", "postal_code", "city", "country")
                if address.get(k)
            ),
            "",
            " · ".join(
                text(v)
                for v in (organisation.get("registration_number"), contact.get("email"))
                if v
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
        f"- {text(r['name'])} ({_or_dash(r.get('category'))}, {_or_dash(r.get('legal_role'))}, "
        f"{_or_dash(r.get('country'))})"
        for r in register["recipients"]
    ] or [f"_{t['none']}_"]
    policy = register.get("policy")
    lines += ["", f"## {t['policy']}", ""]
    lines += [
        f"{text(policy['title'])} ({text(policy['language'])}, {policy['effective_from']}, "
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
