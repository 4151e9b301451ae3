"""The bitemporal read model: segments of valid time, each stamped with when it was on record.

A row says: for ``as_of`` in [valid_from, valid_to) and ``known_at`` in [known_from, known_to)
the entry's state was ``content``. An event effective from D recorded at R changes only what the
register says about dates on or after D from R on, so only the current rows reaching past D are
closed at R and their stretch is written again from the new timeline. Earlier rows keep
answering for earlier knowledge: both answers stay available forever.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select, update

from register.store.tables import KNOWN_FOREVER, projection, segments, to_micros
from register.timeline import Change, Segment
from register.timeline import segments as timeline_segments

PROJECTION_NAME = "register"

ChangesLoader = Callable[[str, int], list[Change]]


@dataclass(frozen=True)
class Projected:
    """One event as the read model needs it."""

    position: int
    entry_id: str
    entry_kind: str
    change: Change


def facet_of(kind: str, fields: dict[str, Any]) -> str | None:
    """The one attribute a list is filtered by: an activity's role, a recipient's category."""
    key = {"activity": "role", "recipient": "category", "policy": "language"}.get(kind)
    return fields.get(key) if key else None


def encode(fields: Any) -> str:
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class Projector:
    """Applies events to the read model in global order, exactly once, inside a transaction.

    ``load`` gives an entry's earlier changes when they are not in the cache; a rebuild keeps
    them all in the cache so it reads every event once.
    """

    def __init__(self, load: ChangesLoader) -> None:
        self.load = load
        self.cache: dict[str, list[Change]] = {}

    def position(self, connection: Connection) -> int:
        found = connection.execute(
            select(projection.c.position).where(projection.c.name == PROJECTION_NAME)
        ).scalar()
        return int(found or 0)

    def apply(self, connection: Connection, events: Iterable[Projected]) -> int:
        last = None
        for event in events:
            self._apply_one(connection, event)
            last = event.position
        if last is not None:
            self._track(connection, last)
        return last or 0

    def _apply_one(self, connection: Connection, event: Projected) -> None:
        change = event.change
        earlier = self.cache.get(event.entry_id)
        if earlier is None:
            earlier = self.load(event.entry_id, change.version - 1)
        later = [*earlier, change]
        self.cache[event.entry_id] = later
        day = change.effective_from
        reaching_past = [s for s in timeline_segments(earlier) if s.valid_to > day]
        start = min((s.valid_from for s in reaching_past), default=day)
        recorded = to_micros(change.recorded_at)
        if reaching_past:
            connection.execute(
                update(segments)
                .where(
                    segments.c.entry_id == event.entry_id,
                    segments.c.known_to == KNOWN_FOREVER,
                    segments.c.valid_to > day,
                )
                .values(known_to=recorded)
            )
        registered_on = later[0].effective_from
        rows = [
            _row(event, segment, recorded, registered_on)
            for segment in timeline_segments(later)
            if segment.valid_from >= start
        ]
        if rows:
            connection.execute(insert(segments), rows)

    def _track(self, connection: Connection, position: int) -> None:
        done = connection.execute(
            update(projection).where(projection.c.name == PROJECTION_NAME).values(position=position)
        )
        if done.rowcount == 0:
            connection.execute(insert(projection).values(name=PROJECTION_NAME, position=position))


def _row(event: Projected, segment: Segment, recorded: int, registered_on: date) -> dict[str, Any]:
    fields = dict(segment.state.fields)
    return {
        "entry_id": event.entry_id,
        "entry_kind": event.entry_kind,
        "valid_from": segment.valid_from,
        "valid_to": segment.valid_to,
        "registered_on": registered_on,
        "known_from": recorded,
        "known_to": KNOWN_FOREVER,
        "status": segment.state.status,
        "name": str(fields.get("name") or fields.get("title") or ""),
        "facet": facet_of(event.entry_kind, fields),
        "content": encode(fields),
    }
