"""What an auditor asks of the history: one entry's changes, the global feed, the chain check,
and the export that reproduces the same register and head digest elsewhere.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from eventsourcing.persistence import StoredEvent
from sqlalchemy import select

from register.application.service import BATCH, RegisterApplication
from register.domain.chain import GENESIS, Held, Link, Verdict, chain_digest, content_digest, verify
from register.domain.errors import IntegrityViolation
from register.domain.instants import rfc3339
from register.domain.timeline import Change, state_at
from register.store.queries import ledger_rows
from register.store.tables import ledger

STATUS = "status"


def history(app: RegisterApplication, kind: str, entry_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every event of one entry with what it changed on its effective date, before → after.

    "Before" is what the record said about that date just before the event was recorded, so a
    backdated correction shows exactly what it corrected.
    """
    entry = app.entry(kind, entry_id)
    items = []
    for index, change in enumerate(entry.changes):
        items.append(
            {
                "version": change.version,
                "recorded_at": rfc3339(change.recorded_at),
                "effective_from": change.effective_from.isoformat(),
                "actor": change.actor,
                "reason": change.reason,
                "type": change.kind,
                "changes": _changes(entry.changes[:index], entry.changes[: index + 1], change),
            }
        )
    return items


def _changes(before: list[Change], after: list[Change], change: Change) -> list[dict[str, Any]]:
    old = state_at(before, change.effective_from)
    new = state_at(after, change.effective_from)
    old_view = {**(old.fields if old else {}), STATUS: old.status if old else None}
    new_view = {**(new.fields if new else {}), STATUS: new.status if new else None}
    return [
        {"field": name, "before": old_view.get(name), "after": new_view.get(name)}
        for name in sorted(set(old_view) | set(new_view))
        if old_view.get(name) != new_view.get(name)
    ]


def feed(app: RegisterApplication, after: int, limit: int) -> list[dict[str, Any]]:
    """The global event feed in order: ledger facts plus each event's reason and content."""
    with app.connect() as connection:
        rows = ledger_rows(connection, after, limit)
    if not rows:
        return []
    notifications = {
        n.id: n
        for n in app.recorder.select_notifications(
            rows[0]["position"], limit, stop=rows[-1]["position"]
        )
    }
    items = []
    for row in rows:
        notification = notifications.get(row["position"])
        event = app.mapper.to_domain_event(notification) if notification else None
        items.append(
            {
                **row,
                "reason": getattr(event, "reason", None),
                "payload": {"fields": getattr(event, "fields", {})} if event else None,
            }
        )
    return items


def _events(app: RegisterApplication) -> Iterator[tuple[int, StoredEvent]]:
    position = 0
    while True:
        batch = app.recorder.select_notifications(position, BATCH, inclusive_of_start=False)
        if not batch:
            return
        for notification in batch:
            yield notification.id, notification
        position = batch[-1].id


def _links(app: RegisterApplication) -> Iterator[Link]:
    position = 0
    while True:
        with app.connect() as connection:
            rows = connection.execute(
                select(ledger.c.position, ledger.c.content_digest, ledger.c.chain_digest)
                .where(ledger.c.position > position)
                .order_by(ledger.c.position)
                .limit(BATCH)
            ).all()
        if not rows:
            return
        for row in rows:
            yield Link(row.position, row.content_digest, row.chain_digest)
        position = rows[-1].position


def check_integrity(app: RegisterApplication, held: Held | None = None) -> Verdict:
    """Recompute the chain over the whole stored history (SPEC §4), and check that it still
    passes through a digest given out earlier, if one is held."""
    return verify(_events(app), _links(app), held)


def export_lines(app: RegisterApplication) -> Iterator[str]:
    """The history as JSON Lines: each stored event exactly as stored, with its digests."""
    digests = {link.position: link for link in _links(app)}
    for position, event in _events(app):
        link = digests.get(position)
        yield json.dumps(
            {
                "position": position,
                "originator_id": str(event.originator_id),
                "originator_version": event.originator_version,
                "topic": event.topic,
                "state": bytes(event.state).decode("utf-8"),
                "content_digest": link.content_digest if link else None,
                "chain_digest": link.chain_digest if link else None,
            },
            ensure_ascii=False,
        )


def read_export(lines: Iterable[str]) -> Iterator[StoredEvent]:
    """Parse an export, refusing it at the first line whose event does not match its chain."""
    previous = GENESIS
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            event = StoredEvent(
                originator_id=uuid.UUID(item["originator_id"]),
                originator_version=int(item["originator_version"]),
                topic=str(item["topic"]),
                state=item["state"].encode("utf-8"),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise IntegrityViolation(
                f"Line {number} is not an exported event ({error}): export the history "
                "again with 'ropa export-events FILE'."
            ) from None
        previous = chain_digest(previous, content_digest(event))
        if previous != item.get("chain_digest"):
            raise IntegrityViolation(
                f"Line {number} (position {item.get('position')}) does not match its chain "
                "digest: the file was altered after export. Nothing was imported."
            )
        yield event
