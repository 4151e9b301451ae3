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

from register.application.service import RegisterApplication
from register.domain.commands import RegisterEntry, SetOrganisation
from register.domain.entries import Organisation

DATA = "opgelucht-2023-10-24.json"
ACTOR = "example-loader"
REASON = "Example register: Opgelucht's privacy and cookie statement of 24 October 2023"
NAMESPACE = uuid.UUID("6f1b6a52-4f8e-4d53-9a0e-0b8f8f1d2c30")


def example_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def _data() -> dict[str, Any]:
    folder = resources.files("register.importers") / "example_data"
    data = json.loads((folder / DATA).read_text(encoding="utf-8"))
    policy = dict(data["policy"])
    policy["text"] = (folder / policy.pop("text_file")).read_text(encoding="utf-8")
    data["policy"] = policy
    return data


def load_example(app: RegisterApplication, say: Callable[[str], None] = print) -> int:
    """Load what is missing of the example register; return how many entries were added."""
    data = _data()
    day = date.fromisoformat(data["effective_from"])
    added = 0

    def register(kind: str, key: str, content: dict[str, Any]) -> None:
        nonlocal added
        entry_id = example_id(kind, key)
        if app.has_entry(entry_id):
            return
        app.register(
            RegisterEntry(
                actor=ACTOR,
                effective_from=day,
                reason=REASON,
                kind=kind,
                content=content,
                entry_id=entry_id,
            )
        )
        added += 1
        say(f"  {kind:<12} {content.get('name') or content.get('title')}")

    if not app.has_entry(Organisation.ID):
        app.set_organisation(
            SetOrganisation(
                actor=ACTOR, effective_from=day, reason=REASON, content=data["organisation"]
            )
        )
        added += 1
        say(f"  organisation {data['organisation']['name']}")
    for item in data["recipients"]:
        content = dict(item)
        register("recipient", content.pop("key"), content)
    for item in data["activities"]:
        content = dict(item)
        key = content.pop("key")
        content["recipients"] = [str(example_id("recipient", r)) for r in content["recipients"]]
        register("activity", key, content)
    register("policy", "statement-2023-10-24", data["policy"])
    return added
