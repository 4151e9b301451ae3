"""The chain check on plain data: every way the stored history can disagree with its chain."""

from __future__ import annotations

import uuid

from eventsourcing.persistence import StoredEvent

from register.domain.chain import GENESIS, Held, Link, chain_digest, content_digest, verify

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
