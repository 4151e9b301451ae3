"""The example register's data files, read into entries the register can take.

Two files: the example as it stands (in the Article 30 model's shape), and the previous example,
kept because a store that holds it must be corrected field by field: a field still holding the
previous example's value is the example's to correct, any other value is somebody's own change.
The previous file is read in its old shape and brought to today's, as stored events of that
time are, so that both compare with what a store answers today.

In the files entries name each other by key; here keys become the entries' deterministic ids.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from register.domain.catalogue import complete
from register.domain.entries import Organisation
from register.domain.kinds import EntryKind
from register.domain.upcasting import fields_v1_to_v2

CURRENT = "opgelucht-2023-10-24.json"
PREVIOUS = "previous/opgelucht-2023-10-24.v1.json"
POLICY_KEY = "statement-2023-10-24"
NAMESPACE = uuid.UUID("6f1b6a52-4f8e-4d53-9a0e-0b8f8f1d2c30")


def example_id(kind: EntryKind, key: str) -> uuid.UUID:
    """The same id in every store, so that a second load finds what the first one wrote."""
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


@dataclass(frozen=True)
class Item:
    """One entry of the example: its content as the register stores it, and, when it corrects
    the previous example, the correction's wording for the event's reason."""

    kind: EntryKind
    entry_id: uuid.UUID
    label: str
    content: dict[str, Any]
    correction: str | None


@dataclass(frozen=True)
class Retirement:
    """An entry of the previous example that the example no longer has."""

    kind: EntryKind
    entry_id: uuid.UUID
    reason: str


@dataclass(frozen=True)
class Example:
    day: date
    items: tuple[Item, ...]  # in an order in which every entry named is registered first
    retirements: tuple[Retirement, ...]


def _folder() -> Traversable:
    return resources.files("register.importers") / "example_data"


def _read(name: str) -> dict[str, Any]:
    return dict(json.loads((_folder() / name).read_text(encoding="utf-8")))


def _link(link: str | Mapping[str, Any]) -> str | dict[str, Any]:
    """A recipient link in a file names its recipient by key (the previous file: the key alone)."""
    if isinstance(link, str):
        return str(example_id(EntryKind.RECIPIENT, link))
    return {**link, "recipient": str(example_id(EntryKind.RECIPIENT, link["recipient"]))}


def _resolved(kind: EntryKind, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The entry's content with keys turned into ids and the policy's text read in."""
    content = {name: value for name, value in raw.items() if name not in ("key", "correction")}
    if kind == EntryKind.ACTIVITY and content.get("recipients") is not None:
        content["recipients"] = [_link(link) for link in content["recipients"]]
    if kind == EntryKind.POLICY:
        content["text"] = (_folder() / content.pop("text_file")).read_text(encoding="utf-8")
        if content.get("covers") is not None:
            content["covers"] = [str(example_id(EntryKind.ACTIVITY, k)) for k in content["covers"]]
    return content


def _entries(data: Mapping[str, Any]) -> list[tuple[EntryKind, uuid.UUID, Mapping[str, Any]]]:
    policy = {"key": POLICY_KEY, **data["policy"]}
    keyed = [
        *((EntryKind.RECIPIENT, item) for item in data["recipients"]),
        *((EntryKind.ACTIVITY, item) for item in data["activities"]),
        (EntryKind.POLICY, policy),
    ]
    return [
        (EntryKind.ORGANISATION, Organisation.ID, data["organisation"]),
        *((kind, example_id(kind, item["key"]), item) for kind, item in keyed),
    ]


def current() -> Example:
    """The example as it stands, each entry checked and completed as a registration would be."""
    data = _read(CURRENT)
    items = []
    for kind, entry_id, raw in _entries(data):
        content = complete(kind, _resolved(kind, raw))
        label = str(content.get("name") or content.get("title"))
        items.append(Item(kind, entry_id, label, content, raw.get("correction")))
    retirements = tuple(
        Retirement(
            EntryKind(item["kind"]),
            example_id(EntryKind(item["kind"]), item["key"]),
            item["reason"],
        )
        for item in data["retired"]
    )
    return Example(date.fromisoformat(data["effective_from"]), tuple(items), retirements)


def previous() -> dict[uuid.UUID, dict[str, Any]]:
    """The previous example's entries by id, in today's shape, as its stored events read now."""
    return {
        entry_id: fields_v1_to_v2(kind, _resolved(kind, raw), whole=True)
        for kind, entry_id, raw in _entries(_read(PREVIOUS))
    }
