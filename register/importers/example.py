"""The example register: Opgelucht (Cinnux B.V.) as its privacy statement of 24 October 2023
describes it. Loading is idempotent: entries get ids derived from their keys, and an entry that
is already there is left alone.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date
from importlib import resources
from typing import Any

from register.application.service import Service
from register.domain.commands import Command, RegisterEntry, SetOrganisation
from register.domain.entries import Organisation
from register.domain.kinds import EntryKind

DATA = "opgelucht-2023-10-24.json"
ACTOR = "example-loader"
REASON = "Example register: Opgelucht's privacy and cookie statement of 24 October 2023"
POLICY_KEY = "statement-2023-10-24"
NAMESPACE = uuid.UUID("6f1b6a52-4f8e-4d53-9a0e-0b8f8f1d2c30")


def example_id(kind: EntryKind, key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def _data() -> dict[str, Any]:
    folder = resources.files("register.importers") / "example_data"
    data = json.loads((folder / DATA).read_text(encoding="utf-8"))
    policy = dict(data["policy"])
    policy["text"] = (folder / policy.pop("text_file")).read_text(encoding="utf-8")
    data["policy"] = policy
    return data


def load_example(service: Service, say: Callable[[str], None] = print) -> int:
    """Load what is missing of the example register, all or nothing; return how many entries
    were added."""
    data = _data()
    day = date.fromisoformat(data["effective_from"])
    provenance: dict[str, Any] = {"actor": ACTOR, "effective_from": day, "reason": REASON}
    missing: list[Command] = []
    names: list[str] = []
    if not service.reader.has_entry(Organisation.ID):
        missing.append(SetOrganisation(content=data["organisation"], **provenance))
        names.append(f"organisation {data['organisation']['name']}")
    wanted = [(EntryKind.RECIPIENT, dict(item)) for item in data["recipients"]]
    for item in data["activities"]:
        content = dict(item)
        content["recipients"] = [
            str(example_id(EntryKind.RECIPIENT, r)) for r in content["recipients"]
        ]
        wanted.append((EntryKind.ACTIVITY, content))
    wanted.append((EntryKind.POLICY, {"key": POLICY_KEY, **data["policy"]}))
    for kind, content in wanted:
        entry_id = example_id(kind, content.pop("key"))
        if service.reader.has_entry(entry_id):
            continue
        missing.append(RegisterEntry(kind=kind, content=content, entry_id=entry_id, **provenance))
        names.append(f"{kind:<12} {content.get('name') or content.get('title')}")
    service.commands.execute_all(missing)
    for name in names:
        say(f"  {name}")
    return len(missing)
