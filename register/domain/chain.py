"""The hash chain over the global order of events (SPEC §4).

Each event gets a content digest over exactly what is stored (entry id, version, topic, state
bytes) and a chain digest over the previous chain digest and its content digest. The position is
left out of both, so an export imported into an empty store reproduces the same head digest even
where the source's positions had gaps.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields

from eventsourcing.persistence import StoredEvent

GENESIS = "0" * 64


def content_digest(event: StoredEvent) -> str:
    hasher = hashlib.sha256()
    for part in (
        str(event.originator_id).encode(),
        str(event.originator_version).encode(),
        event.topic.encode(),
        bytes(event.state),
    ):
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()


def chain_digest(previous: str, content: str) -> str:
    return hashlib.sha256(bytes.fromhex(previous) + bytes.fromhex(content)).hexdigest()


@dataclass(frozen=True)
class Served:
    """The columns of a ledger row that the feed and the history serve besides its digests.

    They are copies of what the row's event says, written beside it for fast reads; the chain
    covers the event, so each column is checked against the event rather than hashed again
    (which would change every head digest given out before). The values are spelled as the
    ledger stores them, so that a tampered value shows as a difference, not as a failure to
    load it.
    """

    entry_id: str
    version: int
    event_type: str
    entry_kind: str
    effective_from: str  # ISO date
    recorded_at: int  # microseconds since the epoch, UTC
    actor: str


@dataclass(frozen=True)
class Link:
    position: int
    content_digest: str
    chain_digest: str
    served: Served | None = None  # the row's served columns, when they are to be checked


@dataclass(frozen=True)
class Finding:
    """The first place where the stored history and its chain disagree."""

    position: int
    problem: str


@dataclass(frozen=True)
class Verdict:
    count: int
    head_digest: str
    finding: Finding | None

    @property
    def intact(self) -> bool:
        return self.finding is None


REMOVED = "removed: the chain records an event here that the store no longer holds"
INSERTED = "inserted: the store holds an event that the chain never recorded"
ALTERED = "altered: its stored content differs from what the chain recorded"
REWRITTEN = "altered: its chain digest was rewritten"
MISCOPIED = "altered: its ledger row's {column} differs from its event"
NOT_HELD = (
    "rewritten: the chain does not pass through the digest you hold for this position, "
    "so the history before it is not the one you were given"
)


@dataclass(frozen=True)
class Held:
    """A chain digest someone was given earlier, e.g. the ``history`` of a register answer.

    A history rewritten whole, chain included, still verifies against itself; it cannot match
    a digest that was handed out before the rewrite.
    """

    position: int
    digest: str


def verify(
    events: Iterable[tuple[int, StoredEvent]],
    links: Iterable[Link],
    held: Held | None = None,
    served: Callable[[StoredEvent], Served] | None = None,
) -> Verdict:
    """Recompute the chain from the stored events and compare it with the recorded links.

    Both inputs are in position order. Stops at the first disagreement and names it: an event
    altered in place, removed, moved to another position, or present without a link; with
    ``served`` (what a ledger row must say of its event), a link whose served columns say
    otherwise; and, when a ``held`` digest is given, a chain that no longer passes through it.
    """
    event_iter: Iterator[tuple[int, StoredEvent]] = iter(events)
    link_iter: Iterator[Link] = iter(links)
    seen: dict[str, int] = {}
    previous = GENESIS
    count = 0
    for link in link_iter:
        seen[link.content_digest] = link.position
        event = next(event_iter, None)
        if event is None or link.position < event[0]:
            return _finding(count, previous, link.position, REMOVED)
        position, stored = event
        if position < link.position:
            return _finding(count, previous, position, INSERTED)
        digest = content_digest(stored)
        if digest != link.content_digest:
            moved_from = seen.get(digest) or _position_of(digest, link_iter)
            problem = (
                f"reordered: this is the event the chain records at position {moved_from}"
                if moved_from is not None
                else ALTERED
            )
            return _finding(count, previous, position, problem)
        if served is not None and link.served is not None:
            column = _first_difference(served(stored), link.served)
            if column is not None:
                return _finding(count, previous, position, MISCOPIED.format(column=column))
        previous = chain_digest(previous, digest)
        if previous != link.chain_digest:
            return _finding(count, previous, position, REWRITTEN)
        if held is not None and position == held.position and previous != held.digest:
            return _finding(count, previous, position, NOT_HELD)
        count += 1
    extra = next(event_iter, None)
    if extra is not None:
        return _finding(count, previous, extra[0], INSERTED)
    if held is not None and held.position not in seen.values():
        return _finding(count, previous, held.position, NOT_HELD)
    return Verdict(count=count, head_digest=previous, finding=None)


RECORD_REMOVED = "removed: the chain has no record at this position, yet it goes on after it"
RECORD_ALTERED = "altered: the record differs from what its chain recorded"


def follows(previous: str, link: Link) -> bool:
    """Whether a link's chain digest follows from the chain digest recorded before it."""
    return chain_digest(previous, link.content_digest) == link.chain_digest


def verify_records(links: Iterable[Link]) -> Verdict:
    """Recompute a chain kept in the same rows as what it covers, such as the token log.

    Each link's content digest is computed from its row as stored now, and positions run 1, 2,
    3 without gaps. Stops at the first row that is missing or no longer matches its chain. A
    row appended or removed at the very end leaves a chain that verifies against itself: hold
    its head digest to tell.
    """
    previous = GENESIS
    count = 0
    for link in links:
        if link.position != count + 1:
            return _finding(count, previous, count + 1, RECORD_REMOVED)
        if not follows(previous, link):
            return _finding(count, previous, link.position, RECORD_ALTERED)
        previous = link.chain_digest
        count += 1
    return Verdict(count=count, head_digest=previous, finding=None)


def _first_difference(expected: Served, found: Served) -> str | None:
    """The first served column in which the ledger row differs from its event."""
    for column in fields(Served):
        if getattr(expected, column.name) != getattr(found, column.name):
            return column.name
    return None


def _position_of(digest: str, rest: Iterator[Link]) -> int | None:
    """Where the chain records an event with this content, further on, if anywhere."""
    for link in rest:
        if link.content_digest == digest:
            return link.position
    return None


def _finding(count: int, head: str, position: int, problem: str) -> Verdict:
    return Verdict(count=count, head_digest=head, finding=Finding(position, problem))
