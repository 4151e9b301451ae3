"""The register as Markdown, in Dutch or English, for reading and for the authority.

Every field of every entry is shown, in the catalogue's order and with its labels, so that an
empty one reads as not recorded rather than going unseen. Every value the register holds is shown
through ``text``, so that user text adds no structure to the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from register.domain.catalogue import FieldSpec, spec
from register.domain.kinds import EntryKind
from register.domain.vocabulary import REGISTER_ROLE_ORDER
from register.presentation.escaping import text
from register.presentation.field_items import field_items
from register.presentation.outline import outline
from register.presentation.values import Reading
from register.presentation.words import LABELS

__all__ = ["LABELS", "render", "text"]

ORGANISATION = spec(EntryKind.ORGANISATION)
ACTIVITY = spec(EntryKind.ACTIVITY)
RECIPIENT = spec(EntryKind.RECIPIENT)
POLICY = spec(EntryKind.POLICY)

PROCESSOR = "processor"
# The controller part (30(1)), then the processor part (30(2)), each in the register's role order.
PARTS = (
    ("controller_part", tuple(role for role in REGISTER_ROLE_ORDER if role != PROCESSOR)),
    ("processor_part", (PROCESSOR,)),
)
# Fields that only one role answers; in another role they are moot rather than not recorded. Only
# a processor answers 30(2), and only a joint controller has joint controllers.
ONLY_IN_ROLE = {
    **{f.name: PROCESSOR for f in ACTIVITY.fields if (f.article30 or "").startswith("30(2)")},
    "joint_controllers": "joint_controller",
}
# The policy's line names it; its text is a document of its own, published as it is.
POLICY_IN_LINE = ("title", "language", "text")


def render(register: dict[str, Any], lang: str = "en") -> str:
    """The whole register document (as the API's JSON has it) as Markdown in ``lang``."""
    t = LABELS[lang]
    reading = Reading(lang, _names(register))
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
        lines += [*outline(field_items(ORGANISATION.fields, organisation, reading)), ""]
    else:
        lines += [reading.emphasised("not_recorded"), ""]
    for part, roles in PARTS:
        lines += [f"## {t[part]}", ""]
        chosen = [a for role in roles for a in register["activities"] if a["role"] == role]
        for activity in chosen:
            lines += _entry(activity["name"], _activity_fields(activity["role"]), activity, reading)
        if not chosen:
            lines += [reading.emphasised("none"), ""]
    lines += [f"## {t['recipients']}", ""]
    for recipient in register["recipients"]:
        lines += _entry(recipient["name"], RECIPIENT.fields, recipient, reading)
    if not register["recipients"]:
        lines += [reading.emphasised("none"), ""]
    lines += [f"## {t['policy']}", "", *_policy(register.get("policy"), reading)]
    lines += [
        "---",
        "",
        f"{t['history']} {register['history']['position']}: "
        f"`{register['history']['head_digest']}`  ",
        f"{t['digest']}: `{register['digest']}`",
        "",
    ]
    return "\n".join(lines)


def _names(register: dict[str, Any]) -> dict[str, str]:
    """The entries a value may cite by id, by their names."""
    return {e["id"]: e["name"] for e in (*register["activities"], *register["recipients"])}


def _entry(
    name: str, fields: Iterable[FieldSpec], entry: dict[str, Any], reading: Reading
) -> list[str]:
    return [f"### {text(name)}", "", *outline(field_items(fields, entry, reading)), ""]


def _activity_fields(role: str) -> list[FieldSpec]:
    return [field for field in ACTIVITY.fields if ONLY_IN_ROLE.get(field.name, role) == role]


def _policy(policy: dict[str, Any] | None, reading: Reading) -> list[str]:
    if not policy:
        return [reading.emphasised("not_recorded"), ""]
    rest = [field for field in POLICY.fields if field.name not in POLICY_IN_LINE]
    return [
        f"{text(policy['title'])} ({text(policy['language'])}, {policy['effective_from']}, "
        f"{policy['content_hash']})",
        "",
        *outline(field_items(rest, policy, reading)),
        "",
    ]
