"""What a generated statement is made of: lines, each built from parts and carrying where it came
from, and the front matter that says which register it was generated from.

A line keeps its parts apart (the generator's own phrases, the register's free text, the markers
of what is missing) so that each representation escapes only what a person typed, and so that a
marker can be found again as a warning.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final, Literal

PHRASE: Final = "phrase"  # the generator's own words: a controlled phrase or a sentence template
VALUE: Final = "value"  # free text from the register, inserted verbatim
MARKER: Final = "marker"  # a required element the register lacks, e.g. [GRONDSLAG NIET VASTGELEGD]
PartKind = Literal["phrase", "value", "marker"]

Block = Literal["title", "heading", "item", "paragraph", "blank"]


@dataclass(frozen=True)
class Part:
    text: str
    kind: PartKind = PHRASE


@dataclass(frozen=True)
class Line:
    """One line of the statement: one fact, and the entry, field and rule it answers to.

    ``rule`` names the follow-up rule whose firing means this line must change (NOTICE-…), or
    the statement's own code for fixed text (STATEMENT-…); ``check`` names the completeness
    check a marker on this line stands for.
    """

    block: Block
    parts: tuple[Part, ...] = ()
    section: str = ""
    entry_id: uuid.UUID | None = None
    field: str | None = None
    rule: str | None = None
    check: str | None = None
    anchor: str | None = None  # for a heading: the id it is linked by, e.g. act-<uuid>

    @property
    def plain(self) -> str:
        return "".join(part.text for part in self.parts)

    @property
    def markers(self) -> tuple[str, ...]:
        return tuple(part.text for part in self.parts if part.kind == MARKER)

    @property
    def has_free_text(self) -> bool:
        return any(part.kind == VALUE for part in self.parts)


BLANK = Line("blank")


@dataclass(frozen=True)
class FrontMatter:
    """Which register the statement was generated from; not part of the statement's text, so
    two statements of one register state differ in it only when asked at other moments."""

    title: str
    language: str
    effective_from: str
    as_of: str
    known_at: str
    position: int
    head_digest: str | None
    register_digest: str
    generator_version: str

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "language": self.language,
            "effective_from": self.effective_from,
            "as_of": self.as_of,
            "known_at": self.known_at,
            "position": self.position,
            "head_digest": self.head_digest,
            "register_digest": self.register_digest,
            "generator_version": self.generator_version,
        }


@dataclass(frozen=True)
class Gap:
    """A marker in the statement: what is missing, where, and which check says so."""

    n: int
    marker: str
    check: str | None
    entry_id: uuid.UUID | None
    field: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "marker": self.marker,
            "check": self.check,
            "entry_id": str(self.entry_id) if self.entry_id else None,
            "field": self.field,
        }


@dataclass(frozen=True)
class Statement:
    front_matter: FrontMatter
    lines: tuple[Line, ...] = field(default_factory=tuple)

    @property
    def warnings(self) -> list[Gap]:
        """Every marker, by the 1-based number of its line."""
        return [
            Gap(n, marker, line.check, line.entry_id, line.field)
            for n, line in numbered(self.lines)
            for marker in line.markers
        ]


def numbered(lines: Iterable[Line]) -> Iterable[tuple[int, Line]]:
    """Lines with their 1-based numbers, as a text editor and a diff count them."""
    return enumerate(lines, start=1)
