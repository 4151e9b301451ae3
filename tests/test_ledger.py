"""The chain check on plain data: every way the stored history, its ledger rows and a chain kept
beside its rows (the token log) can disagree with their chain."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import replace

import pytest
from eventsourcing.persistence import StoredEvent

from register.domain.chain import (
    GENESIS,
    RECORD_ALTERED,
    RECORD_REMOVED,
    Finding,
    Held,
    Link,
    Served,
    Verdict,
    chain_digest,
    content_digest,
    follows,
    verify,
    verify_records,
)

ENTRY = uuid.UUID(int=7)


def history(size: int) -> tuple[list[tuple[int, StoredEvent]], list[Link]]:
    events, links, previous = [], [], GENESIS
    for position in range(1, size + 1):
        event = StoredEvent(ENTRY, position, "ropa:Activity.Amended", f"{{{position}}}".encode())
        digest = content_digest(event)
        previous = chain_digest(previous, digest)
        events.append((position, event))
        links.append(Link(position, digest, previous))
    return events, links


def problem(events, links) -> tuple[int, str] | None:
    verdict = verify(events, links)
    return (
        None
        if verdict.finding is None
        else (
            verdict.finding.position,
            verdict.finding.problem.split(":")[0],
        )
    )


def test_intact_history_gives_its_head_and_count() -> None:
    events, links = history(5)
    verdict = verify(events, links)
    assert verdict.intact and verdict.count == 5 and verdict.head_digest == links[-1].chain_digest


def test_empty_history_is_intact_with_the_genesis_digest() -> None:
    verdict = verify([], [])
    assert verdict.intact and verdict.count == 0 and verdict.head_digest == GENESIS


def test_altered_event() -> None:
    events, links = history(5)
    position, event = events[2]
    events[2] = (position, StoredEvent(ENTRY, 3, event.topic, b"{changed}"))
    assert problem(events, links) == (3, "altered")


def test_removed_event_in_the_middle_and_at_the_end() -> None:
    events, links = history(5)
    assert problem(events[:2] + events[3:], links) == (3, "removed")
    assert problem(events[:4], links) == (5, "removed")


def test_inserted_event_in_the_middle_and_at_the_end() -> None:
    events, links = history(5)
    stray = StoredEvent(ENTRY, 99, "ropa:Activity.Amended", b"{}")
    assert problem([*events, (6, stray)], links) == (6, "inserted")
    renumbered = [(p * 10, e) for p, e in events]
    links_renumbered = [
        Link(link.position * 10, link.content_digest, link.chain_digest) for link in links
    ]
    assert problem([*renumbered[:2], (25, stray), *renumbered[2:]], links_renumbered) == (
        25,
        "inserted",
    )


def test_swapped_events_are_named_as_reordered() -> None:
    events, links = history(5)
    (p2, e2), (p4, e4) = events[1], events[3]
    events[1], events[3] = (p2, e4), (p4, e2)
    verdict = verify(events, links)
    assert verdict.finding is not None
    assert verdict.finding.position == 2
    assert verdict.finding.problem == "reordered: this is the event the chain records at position 4"


def test_rewritten_chain_digest_is_found() -> None:
    events, links = history(3)
    links[1] = Link(2, links[1].content_digest, "0" * 64)
    assert problem(events, links) == (2, "altered")


def test_a_held_digest_must_still_be_on_the_chain() -> None:
    events, links = history(5)
    assert verify(events, links, Held(3, links[2].chain_digest)).intact
    assert problem_held(events, links, Held(3, "0" * 64)) == (3, "rewritten")
    assert problem_held(events, links, Held(9, links[2].chain_digest)) == (9, "rewritten")


def problem_held(events, links, held: Held) -> tuple[int, str] | None:
    verdict = verify(events, links, held)
    assert verdict.finding is not None
    return verdict.finding.position, verdict.finding.problem.split(":")[0]


# The ledger's served columns, checked against each event ------------------------------------


def served_by(event: StoredEvent) -> Served:
    """What a ledger row must say of the events of ``history``."""
    return Served(
        entry_id=str(event.originator_id),
        version=event.originator_version,
        event_type=event.topic,
        entry_kind="activity",
        effective_from="2023-10-24",
        recorded_at=1_700_000_000_000_000 + event.originator_version,
        actor="dpo",
    )


def with_served(events, links) -> list[Link]:
    return [
        replace(link, served=served_by(event))
        for (_, event), link in zip(events, links, strict=True)
    ]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("actor", "mallory"),
        ("recorded_at", 1),
        ("effective_from", "2020-01-01"),
        ("event_type", "ropa:Activity.Retired"),
        ("entry_kind", "recipient"),
        ("version", 99),
        ("entry_id", str(uuid.UUID(int=8))),
    ],
)
def test_a_served_column_that_differs_from_its_event_is_named(column: str, value) -> None:
    events, links = history(5)
    links = with_served(events, links)
    assert verify(events, links, served=served_by).intact
    served = links[2].served
    assert served is not None
    links[2] = replace(links[2], served=replace(served, **{column: value}))
    verdict = verify(events, links, served=served_by)
    assert verdict.finding == Finding(
        3, f"altered: its ledger row's {column} differs from its event"
    )
    assert verdict.count == 2 and verdict.head_digest == links[1].chain_digest


def test_served_columns_are_checked_only_when_asked() -> None:
    events, links = history(3)
    links = with_served(events, links)
    links[1] = replace(links[1], served=replace(links[1].served, actor="mallory"))
    assert verify(events, links).intact


# A chain kept in the rows it covers (the token log) ------------------------------------------


def records(size: int) -> list[Link]:
    found, previous = [], GENESIS
    for position in range(1, size + 1):
        content = hashlib.sha256(f"record {position}".encode()).hexdigest()
        previous = chain_digest(previous, content)
        found.append(Link(position, content, previous))
    return found


def test_records_that_follow_their_chain_verify() -> None:
    links = records(4)
    assert verify_records(links) == Verdict(4, links[-1].chain_digest, None)
    assert verify_records([]) == Verdict(0, GENESIS, None)


def test_an_altered_record_and_one_whose_digest_was_recomputed() -> None:
    links = records(4)
    altered = [*links[:1], replace(links[1], content_digest="f" * 64), *links[2:]]
    assert verify_records(altered).finding == Finding(2, RECORD_ALTERED)
    recomputed = chain_digest(links[0].chain_digest, "f" * 64)
    forged = [*links[:1], Link(2, "f" * 64, recomputed), *links[2:]]
    assert verify_records(forged).finding == Finding(3, RECORD_ALTERED)
    assert not follows(recomputed, links[2])


def test_a_removed_record() -> None:
    links = records(4)
    assert verify_records([*links[:1], *links[2:]]).finding == Finding(2, RECORD_REMOVED)
    assert verify_records(links[1:]).finding == Finding(1, RECORD_REMOVED)
