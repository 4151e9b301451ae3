"""The catalogue of entry kinds, without a database: every field declared once and described,
every check refusing what it should at the right path, the API's schemas holding exactly the
catalogue's fields, and references found where the catalogue says entries name each other."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.resources.activities.schemas import ACTIVITY
from api.resources.organisation.schemas import ORGANISATION
from api.resources.policies.schemas import POLICY
from api.resources.recipients.schemas import RECIPIENT
from register.domain.catalogue import (
    CATALOGUE,
    FieldSpec,
    Labels,
    Reference,
    complete,
    partial,
    references,
    spec,
)
from register.domain.checks import (
    MAX_ITEMS,
    Boolean,
    Check,
    Country,
    Duration,
    EntryRef,
    IsoDate,
    LabelOrRecord,
    Language,
    ListOf,
    OneOf,
    Optional,
    Problem,
    Record,
    Text,
)
from register.domain.entries import ENTRY_CLASSES
from register.domain.errors import InvalidCommand
from register.domain.kinds import EntryKind

RECIPIENT_ID = "5f1b1b8e-3c1e-4d5e-9e7a-1b2c3d4e5f60"
OTHER_ID = "0b6c4b0e-8d4b-4c34-9a52-6f1f0c1d2e3f"


def every_field(fields: tuple[FieldSpec, ...]) -> Iterator[FieldSpec]:
    """The fields, and the fields of every object nested in them."""
    for field in fields:
        yield field
        yield from every_field(nested_fields(field.check))


def nested_fields(check: Check) -> tuple[FieldSpec, ...]:
    match check:
        case Optional(inner=inner) | ListOf(inner=inner):
            return nested_fields(inner)
        case Record(fields=fields) | LabelOrRecord(record=Record(fields=fields)):
            return fields
    return ()


def records(fields: tuple[FieldSpec, ...]) -> Iterator[tuple[FieldSpec, ...]]:
    yield fields
    for field in fields:
        if nested := nested_fields(field.check):
            yield from records(nested)


# The declarations -------------------------------------------------------------------------------


def test_every_kind_is_in_the_catalogue_once() -> None:
    assert set(CATALOGUE) == set(EntryKind)
    assert all(spec(kind).kind == kind for kind in EntryKind)
    assert len({spec(kind).plural for kind in EntryKind}) == len(EntryKind)


@pytest.mark.parametrize("kind", list(EntryKind))
def test_each_object_declares_each_field_once(kind: EntryKind) -> None:
    kind_spec = spec(kind)
    for fields in records(kind_spec.fields + kind_spec.read_only):
        names = [field.name for field in fields]
        assert len(names) == len(set(names)), names


@pytest.mark.parametrize("kind", list(EntryKind))
def test_every_field_is_labelled_in_both_languages_and_described(kind: EntryKind) -> None:
    kind_spec = spec(kind)
    assert kind_spec.labels.nl and kind_spec.labels.en and kind_spec.description
    for field in every_field(kind_spec.fields + kind_spec.read_only):
        assert field.labels["nl"].strip() and field.labels["en"].strip(), field.name
        assert field.description.strip(), field.name
        assert field.article30 is None or field.article30.startswith("30("), field.name


@pytest.mark.parametrize("kind", list(EntryKind))
def test_the_kind_names_its_entries_and_lists_by_its_own_fields(kind: EntryKind) -> None:
    kind_spec = spec(kind)
    assert kind_spec.field(kind_spec.name_field).required
    if kind_spec.facet is not None:
        assert kind_spec.facet in kind_spec.by_name


def test_the_topics_are_those_the_stored_events_carry() -> None:
    for kind, entry_class in ENTRY_CLASSES.items():
        assert spec(kind).topic == entry_class.TOPIC


def test_list_facets_and_their_choices() -> None:
    assert spec(EntryKind.ACTIVITY).facet_choices == ("controller", "processor", "joint_controller")
    assert spec(EntryKind.RECIPIENT).facet == "category"
    assert "hosting" in (spec(EntryKind.RECIPIENT).facet_choices or ())
    assert spec(EntryKind.POLICY).facet_choices is None  # any language tag
    assert spec(EntryKind.ORGANISATION).facet is None


def test_a_list_default_is_a_new_list_each_time() -> None:
    first = complete(EntryKind.ACTIVITY, {"name": "x", "role": "controller"})
    second = complete(EntryKind.ACTIVITY, {"name": "y", "role": "controller"})
    first["purposes"].append("changed")
    assert second["purposes"] == []


# The checks -------------------------------------------------------------------------------------

LABELS = Labels("Veld", "Field")
NAMED = Record(
    "Named",
    (
        FieldSpec("name", Text(10), LABELS, "a name", required=True),
        FieldSpec("flag", Boolean(), LABELS, "a flag", default=False),
    ),
)
LABEL_OR_NAMED = LabelOrRecord(NAMED, "must be a label or a named object")

# check, a value it takes, that value as stored, a value it refuses, and why
CASES: list[tuple[Check, Any, Any, Any, str]] = [
    (Text(5), " abc ", "abc", 42, "must be a string"),
    (Text(5), "abc", "abc", "   ", "must not be empty"),
    (Text(5), "abcde", "abcde", "abcdef", "must be at most 5 characters"),
    (Boolean(), False, False, "yes", "must be true or false"),
    (OneOf(("a", "b")), "b", "b", "c", "must be one of: a, b"),
    (
        Country(),
        "us",
        "US",
        "XX",
        "must be an ISO 3166-1 alpha-2 country code, such as NL or US",
    ),
    (Duration(), "P2Y6M", "P2Y6M", "P", "must be an ISO 8601 duration, such as P3M or P2Y"),
    (
        Duration(),
        "PT1.5S",
        "PT1.5S",
        "two years",
        "must be an ISO 8601 duration, such as P3M or P2Y",
    ),
    (IsoDate(), "2024-02-29", "2024-02-29", "2023-02-29", "must be a date in the form YYYY-MM-DD"),
    (IsoDate(), "2024-02-29", "2024-02-29", None, "must be a date in the form YYYY-MM-DD"),
    (
        EntryRef(EntryKind.RECIPIENT),
        RECIPIENT_ID.upper(),
        RECIPIENT_ID,
        "not-a-uuid",
        "must be the id (a UUID) of a recipient entry",
    ),
    (Language(), "nl-BE", "nl-BE", "NL", "must be a language tag such as nl or en"),
    (Optional(Text()), None, None, " ", "must not be empty"),
    (ListOf(Text()), [" a "], ["a"], "a", "must be a list"),
    (ListOf(Text()), [], [], ["a"] * (MAX_ITEMS + 1), f"must hold at most {MAX_ITEMS} items"),
    (NAMED, {"name": "x"}, {"name": "x", "flag": False}, ["x"], "must be an object"),
    (LABEL_OR_NAMED, " x ", {"name": "x", "flag": False}, 42, "must be a label or a named object"),
    (
        LABEL_OR_NAMED,
        {"name": "x", "flag": True},
        {"name": "x", "flag": True},
        "",
        "must not be empty",
    ),
]


@pytest.mark.parametrize(("check", "good", "stored", "bad", "message"), CASES)
def test_each_check_stores_what_it_takes_and_refuses_at_the_path(
    check: Check, good: Any, stored: Any, bad: Any, message: str
) -> None:
    assert check(good, "field") == stored
    with pytest.raises(Problem) as refused:
        check(bad, "field")
    assert (refused.value.path, refused.value.message) == ("field", message)


@pytest.mark.parametrize(
    ("value", "path", "message"),
    [
        ({}, "x.name", "is required"),
        ({"name": None}, "x.name", "is required and cannot be null"),
        ({"name": "a", "colour": "blue"}, "x.colour", "is not a field of this entry"),
        ({"name": "a", "flag": None}, "x.flag", "must be true or false"),
    ],
)
def test_a_record_names_the_key_at_fault(value: dict, path: str, message: str) -> None:
    with pytest.raises(Problem) as refused:
        NAMED(value, "x")
    assert (refused.value.path, refused.value.message) == (path, message)


# A check nested at any depth, a value it takes, one with a single fault, and the fault's path.
# Null is left out of the leaves: whether it is a fault depends on where it is held.
leaf = st.sampled_from(
    [
        (check, good, bad, "")
        for check, good, _, bad, _ in CASES
        if good is not None and bad is not None
    ]
)


def nest(inner: st.SearchStrategy) -> st.SearchStrategy:
    def in_list(node: tuple, before: int) -> tuple:
        check, good, bad, path = node
        return ListOf(check), [good] * (before + 1), [good] * before + [bad], f"[{before}]{path}"

    def in_record(node: tuple, name: str) -> tuple:
        check, good, bad, path = node
        record = Record("R", (FieldSpec(name, check, LABELS, "d", required=True),))
        return record, {name: good}, {name: bad}, f".{name}{path}"

    def optional(node: tuple) -> tuple:
        check, good, bad, path = node
        return Optional(check), good, bad, path

    return st.one_of(
        st.builds(in_list, inner, st.integers(0, 3)),
        st.builds(in_record, inner, st.sampled_from(["a", "b_c", "purposes"])),
        st.builds(optional, inner),
    )


@given(st.recursive(leaf, nest, max_leaves=6))
def test_a_nested_fault_is_named_by_its_full_path(node: tuple) -> None:
    check, good, bad, path = node
    check(good, "field")
    with pytest.raises(Problem) as refused:
        check(bad, "field")
    assert refused.value.path == f"field{path}"


# Commands' content ------------------------------------------------------------------------------


def test_an_amendment_names_fields_and_nulls_only_what_may_be_null() -> None:
    assert partial(EntryKind.ACTIVITY, {"purposes": None, "owner": None}) == {
        "purposes": [],
        "owner": None,
    }
    for content, field in (({}, "fields"), ({"colour": 1}, "colour"), ({"role": None}, "role")):
        with pytest.raises(InvalidCommand) as refused:
            partial(EntryKind.ACTIVITY, content)
        assert list(refused.value.errors) == [field]


def test_a_registration_names_the_nested_field_at_fault() -> None:
    with pytest.raises(InvalidCommand) as refused:
        complete("recipient", {"name": "Host", "data_processing_agreement": {"signed_on": "x"}})
    assert refused.value.errors == {
        "data_processing_agreement.signed_on": ["must be a date in the form YYYY-MM-DD"]
    }


# References -------------------------------------------------------------------------------------


def test_the_catalogue_says_where_entries_name_each_other() -> None:
    assert spec(EntryKind.ACTIVITY).references == (
        Reference("recipients[].recipient", EntryKind.RECIPIENT),
        Reference("transfers[].recipient", EntryKind.RECIPIENT),
        Reference("systems[].provider", EntryKind.RECIPIENT),
    )
    others = (EntryKind.RECIPIENT, EntryKind.POLICY, EntryKind.ORGANISATION)
    assert all(spec(kind).references == () for kind in others)


def test_references_finds_the_recipient_ids_and_leaves_malformed_ones_to_the_checks() -> None:
    content = {
        "name": RECIPIENT_ID,
        "recipients": [RECIPIENT_ID.upper(), "not-an-id", None],
        "transfers": [{"country": "US"}, "junk", {"country": "US", "recipient": OTHER_ID}],
    }
    assert references(EntryKind.ACTIVITY, content) == [
        ("recipients[0].recipient", EntryKind.RECIPIENT, RECIPIENT_ID),
        ("transfers[2].recipient", EntryKind.RECIPIENT, OTHER_ID),
    ]
    assert references(EntryKind.ACTIVITY, {"recipients": "not a list"}) == []
    assert references(EntryKind.RECIPIENT, {"recipients": [RECIPIENT_ID]}) == []


# The API's schemas ------------------------------------------------------------------------------

SCHEMAS = {
    EntryKind.ACTIVITY: ACTIVITY,
    EntryKind.RECIPIENT: RECIPIENT,
    EntryKind.POLICY: POLICY,
    EntryKind.ORGANISATION: ORGANISATION,
}
REPRESENTED = ["id", "version", "status"]
EVENT = ["effective_from", "reason"]


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_the_api_schemas_hold_the_fields_of_the_catalogue(kind: EntryKind) -> None:
    schemas, kind_spec = SCHEMAS[kind], spec(kind)
    own = [field.name for field in kind_spec.fields]
    read_only = [field.name for field in kind_spec.read_only]
    assert schemas.spec is kind_spec
    assert sorted(schemas.entry().fields) == sorted(own + REPRESENTED + read_only)
    assert list(schemas.registration().fields) == own + EVENT
    assert list(schemas.amendment().fields) == own + EVENT
    assert not [name for name, f in schemas.amendment().fields.items() if f.required]
    required = {field.name for field in kind_spec.fields if field.required}
    assert {name for name, f in schemas.registration().fields.items() if f.required} == required
