"""§3 of the statement: one block per activity the organisation controls, one line per Art. 13/14
element, each line citing the field it is made from."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from register.domain.statement.context import Context, collation_key
from register.domain.statement.disclosures import recipients, transfers
from register.domain.statement.model import BLANK, Line, Part
from register.domain.statement.retention import retention
from register.domain.statement.sentences import joined
from register.domain.views import EntryView
from register.domain.vocabulary import ART9_CONDITIONS, PROVISION_REQUIREMENTS, SPECIAL_CATEGORIES
from register.domain.vocabulary.phrases import legal_basis_phrase

REQUIRED = ("statutory", "contractual", "contract_prerequisite")


def anchor(activity: EntryView) -> str:
    return f"act-{activity.id}"


def activity_block(context: Context, activity: EntryView) -> Iterator[Line]:
    heading = context.line(
        "heading",
        (context.value(activity.fields["name"]),),
        rule="NOTICE-ACTIVITY-ADDED",
        entry=activity,
        field="name",
    )
    yield replace(heading, anchor=anchor(activity))
    yield BLANK
    yield from _purposes(context, activity)
    yield from _data(context, activity)
    yield from _sources(context, activity)
    yield from _provision(context, activity)
    yield from recipients(context, activity)
    yield from transfers(context, activity)
    yield from retention(context, activity)
    yield from _automated_decisions(context, activity)
    yield BLANK


def _purposes(context: Context, activity: EntryView) -> Iterator[Line]:
    purposes = activity.fields.get("purposes") or []
    if not purposes:
        yield context.item(
            (context.marker("purposes"),),
            rule="NOTICE-PURPOSE-ADDED",
            entry=activity,
            field="purposes",
            check="CHK-NO-PURPOSE",
        )
    for index, purpose in enumerate(purposes):
        basis = purpose.get("legal_basis")
        shown = (
            context.phrase(legal_basis_phrase(basis, context.language))
            if basis
            else context.marker("legal_basis")
        )
        yield context.item(
            context.sentence(
                "purpose", description=context.sentence_value(purpose["description"]), basis=shown
            ),
            rule="NOTICE-LEGAL-BASIS",
            entry=activity,
            field=f"purposes[{index}]",
            check=None if basis else "CHK-LEGAL-BASIS-MISSING",
        )
        if basis == "LegitimateInterest":
            interest = purpose.get("legitimate_interest")
            yield context.item(
                context.sentence(
                    "legitimate_interest",
                    interest=context.sentence_value(interest)
                    if interest
                    else context.marker("legitimate_interest"),
                ),
                rule="NOTICE-LEGITIMATE-INTEREST",
                entry=activity,
                field=f"purposes[{index}].legitimate_interest",
            )
    yield from _special_categories(context, activity, purposes)


def _special_categories(
    context: Context, activity: EntryView, purposes: list[Mapping[str, Any]]
) -> Iterator[Line]:
    special = sorted(
        {
            SPECIAL_CATEGORIES.label(c["special_category_type"], context.language)
            if c.get("special_category_type")
            else c["name"]
            for c in _categories(activity)
            if c.get("special_category")
        },
        key=collation_key,
    )
    if not special:
        return
    kinds = joined([context.phrase(name) for name in special])
    conditions = [
        (index, (purpose.get("art9_condition") or {}).get("point"))
        for index, purpose in enumerate(purposes)
    ]
    given = [(index, point) for index, point in conditions if point]
    for index, point in given:
        yield context.item(
            context.sentence(
                "art9",
                type=kinds,
                condition=context.phrase(ART9_CONDITIONS.label(point, context.language)),
            ),
            rule="DPIA-SPECIAL-CATEGORY",
            entry=activity,
            field=f"purposes[{index}].art9_condition",
        )
    if not given:
        yield context.item(
            context.sentence(
                "art9_missing", type=kinds, condition=context.marker("art9_condition")
            ),
            rule="DPIA-SPECIAL-CATEGORY",
            entry=activity,
            field="purposes",
            check="CHK-ART9-CONDITION",
        )


def _categories(activity: EntryView) -> list[Mapping[str, Any]]:
    return [
        c if isinstance(c, Mapping) else {"name": c}
        for c in activity.fields.get("data_categories") or []
    ]


def _names(context: Context, items: list[Mapping[str, Any]]) -> tuple[Part, ...]:
    names = sorted({str(item["name"]) for item in items}, key=collation_key)
    return joined([context.value(name) for name in names])


def _data(context: Context, activity: EntryView) -> Iterator[Line]:
    for field, key, rule, check in (
        (
            "data_categories",
            "data_categories",
            "NOTICE-DATA-CATEGORY",
            "CHK-DATA-CATEGORIES-MISSING",
        ),
        ("data_subjects", "data_subjects", "NOTICE-DATA-SUBJECT", "CHK-DATA-SUBJECTS-MISSING"),
    ):
        items = [
            c if isinstance(c, Mapping) else {"name": c} for c in activity.fields.get(field) or []
        ]
        slot = "categories" if field == "data_categories" else "subjects"
        shown = _names(context, items) if items else (context.marker(field),)
        yield context.item(
            context.sentence(key, **{slot: shown}),
            rule=rule,
            entry=activity,
            field=field,
            check=None if items else check,
        )


def _sources(context: Context, activity: EntryView) -> Iterator[Line]:
    """Sources other than the data subject (Art. 14(2)(f)); one whose kind is not recorded is
    named too, as it may be one."""
    for index, source in enumerate(activity.fields.get("sources") or []):
        source = source if isinstance(source, Mapping) else {"name": source}
        kind = source.get("kind")
        if kind == "data_subject":
            continue
        public = context.sentence("public_source") if kind == "public_source" else ()
        yield context.item(
            context.sentence(
                "source", source=context.sentence_value(source["name"]), public=public
            ),
            rule="NOTICE-SOURCE",
            entry=activity,
            field=f"sources[{index}]",
        )


def _provision(context: Context, activity: EntryView) -> Iterator[Line]:
    """Whether the data subject must provide the data (Art. 13(2)(e)), where it is recorded."""
    for index, purpose in enumerate(activity.fields.get("purposes") or []):
        requirement = purpose.get("provision_requirement")
        if not requirement:
            continue
        consequences = purpose.get("provision_consequences")
        consequence = (
            context.sentence(
                "provision_consequence", consequence=context.sentence_value(consequences)
            )
            if consequences
            else ()
        )
        key = "provision_required" if requirement in REQUIRED else "provision_voluntary"
        label = PROVISION_REQUIREMENTS.label(requirement, context.language)
        yield context.item(
            context.sentence(key, requirement=context.phrase(label), consequence=consequence),
            rule="NOTICE-PURPOSE-ADDED",
            entry=activity,
            field=f"purposes[{index}].provision_requirement",
        )


def _automated_decisions(context: Context, activity: EntryView) -> Iterator[Line]:
    decisions = activity.fields.get("automated_decision_making")
    if decisions is None:
        return
    provenance: dict[str, Any] = {
        "rule": "NOTICE-ADM",
        "entry": activity,
        "field": "automated_decision_making",
    }
    if decisions.get("applies"):
        description = decisions.get("description")
        shown = (
            context.sentence_value(description)
            if description
            else context.marker("adm_description")
        )
        yield context.item(context.sentence("adm_applies", description=shown), **provenance)
    else:
        yield context.item(context.sentence("adm_none"), **provenance)
