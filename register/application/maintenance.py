"""Work on the store as a whole: rebuilding read models, and moving the history between stores
as JSON Lines that reproduce the same register and the same head digest elsewhere."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import orjson
from eventsourcing.persistence import StoredEvent
from sqlalchemy import Connection, Table

from register.application.import_checks import Admission, ImportRefused, decode
from register.domain.chain import GENESIS, chain_digest, content_digest
from register.domain.entries import Entry
from register.domain.errors import StoreNotEmpty
from register.domain.quoting import printable
from register.store import ledger, tables
from register.store.database import (
    WriteLock,
    lock_for_writing,
    tidy_after_bulk_write,
    unbounded_statements,
)
from register.store.event_store import BATCH, EventStore
from register.store.projections import Progress, Projections

# Seconds a process opening the store waits for another that is rebuilding its read model.
REBUILD_PATIENCE = 3600


@dataclass(frozen=True)
class Exported:
    """One event of an export file, with the line it was read from."""

    line: int
    stored: StoredEvent


class Maintenance:
    def __init__(self, store: EventStore, projections: Projections, zone: ZoneInfo) -> None:
        self.store = store
        self.projections = projections
        self.zone = zone

    def rebuild(self, names: Iterable[str] | None = None, progress: Progress | None = None) -> int:
        """Drop read models and replay every event into them, in one transaction.

        Readers keep seeing the old read model until the new one is committed; writers wait.
        """
        with self.store.transaction(commit=True) as session, unbounded_statements(session):
            lock_for_writing(session)
            position = self.projections.rebuild(session.connection(), names, progress)
        tidy_after_bulk_write(self.store.engine)
        return position

    def rebuild_outdated(self, progress: Progress | None = None) -> list[str]:
        """Rebuild the read models that another version of the register built, if any; the
        names rebuilt. Opening a store calls it, so rows of an older shape are never served.

        Several processes opening the store at once look again under the write lock: one
        rebuilds, the others find the work done.
        """
        with self.store.engine.connect() as connection:
            if not self.projections.outdated(connection):
                return []
        with self.store.transaction(commit=True) as session, unbounded_statements(session):
            lock_for_writing(session, patience=REBUILD_PATIENCE)
            connection = session.connection()
            outdated = self.projections.outdated(connection)
            if outdated:
                self.projections.rebuild(connection, outdated, progress)
        if outdated:
            tidy_after_bulk_write(self.store.engine)
        return outdated

    def import_events(self, events: Iterable[Exported], progress: Progress | None = None) -> int:
        """Append exported events to an empty store, in order, each once the register's rules
        accept it (``import_checks``); the recorder chains them and the read models are built
        from them in bulk in the same transaction, so a refused line leaves nothing behind."""
        with self.store.transaction(commit=True) as session, unbounded_statements(session):
            lock = lock_for_writing(session)
            connection = session.connection()
            if not ledger.is_empty(connection):
                raise StoreNotEmpty(
                    "The store already holds events: import into an empty database "
                    "(set ROPA_DATABASE_URL to a new one)."
                )
            with _indexed_afterwards(connection, tables.ledger):
                count = self._append_admitted(lock, events, progress)
            self.projections.rebuild(connection)
        tidy_after_bulk_write(self.store.engine)
        return count

    def _append_admitted(
        self, lock: WriteLock, events: Iterable[Exported], progress: Progress | None
    ) -> int:
        """Append the events in batches, each once admitted; what the admission kept goes
        when this returns, before the read models are built."""
        count = 0
        admission = Admission(self.zone)
        batch: list[tuple[StoredEvent, Entry.Event]] = []
        for exported in events:
            event = decode(self.store, exported.line, exported.stored)
            admission.admit(exported.line, event)
            batch.append((exported.stored, event))
            if len(batch) == BATCH:
                self.store.insert_imported(lock, batch)
                count += len(batch)
                batch = []
                if progress:
                    progress(count, 0)
        self.store.insert_imported(lock, batch)
        return count + len(batch)

    def export_lines(self) -> Iterator[str]:
        """The history as JSON Lines: each stored event exactly as stored, with its digests."""
        with self.store.engine.connect() as connection:
            digests = {link.position: link for link in ledger.links(connection)}
        for position, event in self.store.everything():
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


# What each key of an exported line must hold, and how to say so when it does not.
_LINE: dict[str, tuple[Callable[[Any], bool], str]] = {
    "position": (lambda v: type(v) is int and v >= 1, "a position (a whole number from 1 up)"),
    "originator_id": (lambda v: isinstance(v, str) and _is_uuid(v), "an entry id (a UUID)"),
    "originator_version": (lambda v: type(v) is int and v >= 1, "a whole number from 1 up"),
    "topic": (lambda v: isinstance(v, str), "text"),
    "state": (lambda v: isinstance(v, str) and _is_utf8(v), "text UTF-8 can encode"),
    "content_digest": (lambda v: isinstance(v, str), "a digest"),
    "chain_digest": (lambda v: isinstance(v, str), "a digest"),
}
_WHOLE_NUMBERS = ("position", "originator_version")  # the keys whose values are numbers


@contextmanager
def _indexed_afterwards(connection: Connection, table: Table) -> Iterator[None]:
    """Drop the table's indexes for a bulk append and build them again once it is done.

    Rows of 2,000 entries arriving in the order of record land all over an index by entry,
    so each row costs a page of every such index, and past the page cache a read and a write
    of it; an index built at the end sorts the rows once. Its unique indexes then check the
    whole table at once. A refused import rolls the drop back with everything else.
    """
    indexes = list(table.indexes)
    for index in indexes:
        index.drop(connection)
    yield
    for index in indexes:
        index.create(connection)


def read_export(lines: Iterable[bytes], expect_head: str | None = None) -> Iterator[Exported]:
    """Parse an export, refusing it at the first line that is not an exported event or does not
    match its digests; and, given the head digest the file should reach, refusing a file that
    ends anywhere else, as one cut short at a line boundary does."""
    previous = GENESIS
    number = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        item = _exported_item(number, raw)
        event = StoredEvent(
            originator_id=uuid.UUID(item["originator_id"]),
            originator_version=item["originator_version"],
            topic=item["topic"],
            state=item["state"].encode("utf-8"),
        )
        content = content_digest(event)
        previous = chain_digest(previous, content)
        if (item["content_digest"], item["chain_digest"]) != (content, previous):
            raise ImportRefused(
                number,
                f"the event at position {item['position']} does not match its digests: "
                "the file was altered after export",
            )
        yield Exported(number, event)
    if expect_head is not None and previous != expect_head:
        raise ImportRefused(
            number,
            f"the file ends here at head digest {previous}, not at the expected {expect_head}: "
            "it was cut short, or it is another history",
        )


def _exported_item(number: int, raw: bytes) -> dict[str, Any]:
    """The line as a JSON object holding exactly the keys of an exported event, each typed."""
    item = _parsed(number, raw)
    if not isinstance(item, dict):
        raise ImportRefused(number, "it is not a JSON object, as every line of an export is")
    if item.keys() != _LINE.keys():
        missing, unknown = sorted(_LINE.keys() - item.keys()), sorted(item.keys() - _LINE.keys())
        if missing:
            raise ImportRefused(
                number, f"it has no {', '.join(missing)}, as every exported event has"
            )
        keys = ", ".join(printable(key) for key in unknown)
        raise ImportRefused(number, f"it has keys no export writes: {keys}")
    for key, (valid, what) in _LINE.items():
        if not valid(item[key]):
            raise ImportRefused(number, f"its {key} is not {what}")
    return item


def _parsed(number: int, raw: bytes) -> Any:
    """The line's JSON, read by orjson (in C, a few times as fast); what orjson refuses or reads
    otherwise than the standard library (a lone surrogate, NaN, a whole number beyond 64 bits,
    which it makes a float) is read again by the standard library, which refuses a line with
    the reason it always gave."""
    try:
        item = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return _parsed_by_the_standard_library(number, raw)
    if isinstance(item, dict) and any(type(item.get(key)) is float for key in _WHOLE_NUMBERS):
        return _parsed_by_the_standard_library(number, raw)
    return item


def _parsed_by_the_standard_library(number: int, raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ImportRefused(number, "it is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ImportRefused(number, f"it is not JSON ({error.msg}, column {error.colno})") from None
    except RecursionError:
        raise ImportRefused(number, "it is JSON nested too deeply to be an event") from None


def _is_uuid(text: str) -> bool:
    """Whether ``text`` is a UUID spelled as exports spell it (and as its digest reads it)."""
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
