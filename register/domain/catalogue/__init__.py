"""The catalogue of entry kinds: each kind, and each of its fields, declared once (SPEC §2, §7).

A field is declared here with its check, whether it is required, its default, what it means,
its labels in Dutch and English and the Article 30 point it answers. Everything else that needs
to know the fields reads them from here: the validation of commands, the API's schemas and
their OpenAPI text, the Markdown register, the read model's names and list facets, and the
references between entries. So a field added here shows everywhere, and nothing can disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from register.domain.catalogue.activity import ACTIVITY
from register.domain.catalogue.fields import FieldSpec, KindSpec, Labels, Reference
from register.domain.catalogue.followup import FOLLOWUP
from register.domain.catalogue.organisation import ORGANISATION
from register.domain.catalogue.policy import POLICY
from register.domain.catalogue.recipient import RECIPIENT
from register.domain.checks import (
    Check,
    EntryRef,
    LabelOrRecord,
    ListOf,
    Optional,
    Problem,
    Record,
    validate_fields,
)
from register.domain.errors import InvalidCommand
from register.domain.kinds import EntryKind

__all__ = [
    "CATALOGUE",
    "FieldSpec",
    "KindSpec",
    "Labels",
    "Reference",
    "complete",
    "conformed",
    "partial",
    "references",
    "spec",
]

CATALOGUE: Mapping[EntryKind, KindSpec] = {
    spec.kind: spec for spec in (ORGANISATION, ACTIVITY, RECIPIENT, POLICY, FOLLOWUP)
}


def spec(kind: EntryKind | str) -> KindSpec:
    return CATALOGUE[EntryKind(kind)]


# Commands' content ------------------------------------------------------------------------------


def complete(kind: EntryKind | str, value: Mapping[str, Any]) -> dict[str, Any]:
    """Every field of a new entry: given ones checked, missing optional ones at their default."""
    try:
        return validate_fields(spec(kind).fields, value)
    except Problem as problem:
        raise _invalid(problem) from None


def partial(kind: EntryKind | str, value: Mapping[str, Any]) -> dict[str, Any]:
    """Only the fields an amendment names, each checked; required fields cannot become null."""
    fields = spec(kind).by_name
    if not value:
        raise InvalidCommand({"fields": ["an amendment must name at least one field"]})
    try:
        unknown = sorted(set(value) - set(fields))
        if unknown:
            raise Problem(unknown[0], "is not a field of this entry")
        return {name: _checked(fields[name], raw, name) for name, raw in value.items()}
    except Problem as problem:
        raise _invalid(problem) from None


def references(
    kind: EntryKind | str, content: Mapping[str, Any]
) -> list[tuple[str, EntryKind, str]]:
    """The entries ``content`` names bindingly: each one's path, kind and id.

    Content not yet validated is read leniently: a malformed id is left for the field's check
    to refuse in its own words.
    """
    return list(_named_in(spec(kind).fields, content, ""))


def _named_in(
    fields: tuple[FieldSpec, ...], value: Mapping[str, Any], prefix: str
) -> Iterator[tuple[str, EntryKind, str]]:
    for field in fields:
        if field.name in value:
            yield from _named(field.check, value[field.name], prefix + field.name)


def _named(check: Check, value: Any, path: str) -> Iterator[tuple[str, EntryKind, str]]:
    match check:
        case EntryRef(kind=kind, binding=True):
            try:
                yield path, kind, check(value, path)
            except Problem:
                return
        case Optional(inner=inner) if value is not None:
            yield from _named(inner, value, path)
        case ListOf(inner=inner) if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _named(inner, item, f"{path}[{i}]")
        case LabelOrRecord(record=record) if isinstance(value, str):
            label = record.label_field  # named where the register keeps it, as given or not
            yield from _named(label.check, value, f"{path}.{label.name}")
        case Record(fields=fields) | LabelOrRecord(record=Record(fields=fields)) if isinstance(
            value, dict
        ):
            yield from _named_in(fields, value, f"{path}.")


def conformed(kind: EntryKind | str, fields: Mapping[str, Any], *, whole: bool) -> dict[str, Any]:
    """Stored fields brought to the catalogue's shape without judging them again.

    Missing fields of nested objects take their default, and plain labels become the objects
    they stand for, as a check would store them today. With ``whole`` (a registration), missing
    fields of the entry take their default too. Values are kept as stored: an event recorded
    under older rules stays what it was, even where today's checks would word it differently.
    """
    specs = spec(kind).by_name
    result = {
        name: _conform(specs[name].check, value) if name in specs else value
        for name, value in fields.items()
    }
    if whole:
        for name, field in specs.items():
            result.setdefault(name, field.initial())
    return result


def _conform(check: Check, value: Any) -> Any:
    match check:
        case Optional(inner=inner) if value is not None:
            return _conform(inner, value)
        case ListOf(inner=inner) if isinstance(value, list):
            return [_conform(inner, item) for item in value]
        case LabelOrRecord(record=record) if isinstance(value, str):
            return _conform(record, {record.label_field.name: value})
        case Record(fields=fields) | LabelOrRecord(record=Record(fields=fields)) if isinstance(
            value, dict
        ):
            given = {f.name: _conform(f.check, value[f.name]) for f in fields if f.name in value}
            return {f.name: given[f.name] if f.name in given else f.initial() for f in fields}
    return value


def _checked(field: FieldSpec, raw: Any, path: str) -> Any:
    if raw is None:
        if field.required:
            raise Problem(path, "is required and cannot be null")
        return field.initial()
    return field.check(raw, path)


def _invalid(problem: Problem) -> InvalidCommand:
    return InvalidCommand({problem.path: [problem.message]})
