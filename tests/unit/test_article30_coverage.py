"""The catalogue answers Article 30 point by point, and fills the ICO template's columns: each
field carries both labels, and every point and column the model claims is declared on a field."""

from __future__ import annotations

from collections.abc import Iterator

from register.domain.catalogue import CATALOGUE, FieldSpec
from register.domain.checks import Check, LabelOrRecord, ListOf, Optional, Record

ARTICLE_30 = {
    "30(1)(a)", "30(1)(b)", "30(1)(c)", "30(1)(d)", "30(1)(e)", "30(1)(f)", "30(1)(g)",
    "30(2)(a)", "30(2)(b)",
}  # fmt: skip
# The ICO controller template's columns the model fills: all of A-W but P (rights, derived from
# the legal basis) and the breach and DPA 2018 columns (X onwards), which are out of scope.
ICO_COLUMNS = set("ABCDEFGHIJKLMNOQRSTUVW")
ICO_PROCESSOR = {"processor 1", "processor 2", "processor 3"}
ICO_HEADER = {"header 1", "header 2", "header 3"}


def every_field() -> Iterator[tuple[str, FieldSpec]]:
    for kind, spec in CATALOGUE.items():
        for field in spec.fields + spec.read_only:
            yield from _with_nested(f"{kind}.{field.name}", field)


def _with_nested(path: str, field: FieldSpec) -> Iterator[tuple[str, FieldSpec]]:
    yield path, field
    for nested in _nested(field.check):
        yield from _with_nested(f"{path}.{nested.name}", nested)


def _nested(check: Check) -> tuple[FieldSpec, ...]:
    match check:
        case Optional(inner=inner) | ListOf(inner=inner):
            return _nested(inner)
        case Record(fields=fields) | LabelOrRecord(record=Record(fields=fields)):
            return fields
    return ()


def test_every_field_has_a_dutch_and_an_english_label() -> None:
    for path, field in every_field():
        assert field.labels.nl.strip() and field.labels.en.strip(), path


def test_every_point_of_article_30_is_answered_by_a_field() -> None:
    answered = {field.article30 for _, field in every_field()}
    assert answered >= ARTICLE_30


def test_the_ico_templates_columns_are_filled() -> None:
    columns = {field.export_column for _, field in every_field()}
    assert columns >= ICO_COLUMNS | ICO_PROCESSOR | ICO_HEADER
