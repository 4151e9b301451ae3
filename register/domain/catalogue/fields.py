"""How a kind of entry and each of its fields are described: what everything else reads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from register.domain.checks import (
    Check,
    EntryRef,
    LabelOrRecord,
    ListOf,
    OneOf,
    Optional,
    Record,
)
from register.domain.kinds import EntryKind


@dataclass(frozen=True)
class Labels:
    """What a field or kind is called for people: the register is kept and read in both."""

    nl: str
    en: str

    def __getitem__(self, language: str) -> str:
        return {"nl": self.nl, "en": self.en}[language]


@dataclass(frozen=True)
class FieldSpec:
    """One field of an entry or of a nested object.

    ``default`` is what a missing optional field is stored as; a tuple stands for a new empty
    list each time, so that no entry shares a list with the declaration. ``article30`` is the
    point of Article 30 the field answers, such as "30(1)(c)". ``export_column`` and ``dpv``
    are the names the regulators' exports and the RvVA/DPV mapping will give it.
    """

    name: str
    check: Check
    labels: Labels
    description: str
    required: bool = False
    default: Any = None
    article30: str | None = None
    example: str | None = None
    export_column: str | None = None
    dpv: str | None = None

    def initial(self) -> Any:
        return list(self.default) if isinstance(self.default, tuple) else self.default


@dataclass(frozen=True)
class Reference:
    """A place in an entry that names another entry: ``path`` such as ``transfers[].recipient``."""

    path: str
    kind: EntryKind


@dataclass(frozen=True)
class KindSpec:
    """A kind of entry: its fields, and how lists, names and documents present it.

    ``topic`` is the stable prefix of its stored event topics. ``name_field`` names an entry in
    lists; ``facet`` is the one field its lists are filtered by. ``read_only`` fields are
    derived by the register and only appear in its representation.
    """

    kind: EntryKind
    topic: str
    plural: str
    labels: Labels
    description: str
    fields: tuple[FieldSpec, ...]
    name_field: str
    facet: str | None = None
    read_only: tuple[FieldSpec, ...] = ()

    def field(self, name: str) -> FieldSpec:
        return self.by_name[name]

    @cached_property
    def by_name(self) -> Mapping[str, FieldSpec]:
        return {spec.name: spec for spec in self.fields}

    @property
    def facet_choices(self) -> tuple[str, ...] | None:
        """The values a list may be filtered by, when the facet's vocabulary is closed."""
        if self.facet is None:
            return None
        check = self.field(self.facet).check
        check = check.inner if isinstance(check, Optional) else check
        return check.choices if isinstance(check, OneOf) else None

    @cached_property
    def references(self) -> tuple[Reference, ...]:
        """Where its entries name other entries, read from the checks that say so: once, as
        every write asks."""
        return tuple(_references_in(self.fields, ""))


def _references_in(fields: tuple[FieldSpec, ...], prefix: str) -> Iterator[Reference]:
    for field in fields:
        yield from _references_of(field.check, prefix + field.name)


def _references_of(check: Check, path: str) -> Iterator[Reference]:
    match check:
        case EntryRef(kind=kind, binding=True):
            yield Reference(path, kind)
        case Optional(inner=inner):
            yield from _references_of(inner, path)
        case ListOf(inner=inner):
            yield from _references_of(inner, f"{path}[]")
        case Record(fields=fields) | LabelOrRecord(record=Record(fields=fields)):
            yield from _references_in(fields, f"{path}.")
