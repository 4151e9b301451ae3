"""The privacy statement generated from the register at a moment (statement-generation.md §5).

``generate`` is a pure function of the register snapshot and the language: the same register
and the same ``GENERATOR_VERSION`` give the same lines, byte for byte, so two statements can be
diffed and the diff shows the wording the DPO must change. Only activities the organisation
controls get an Art. 13/14 block; processor work is described in an informative section.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from register.domain.instants import rfc3339
from register.domain.statement.activity import activity_block
from register.domain.statement.context import Context, collation_key
from register.domain.statement.controller import data_protection_officer, title, who_we_are
from register.domain.statement.disclosures import categories, category_parts
from register.domain.statement.model import BLANK, FrontMatter, Line, Part, Statement
from register.domain.statement.sentences import enumerated
from register.domain.views import EntryView, RegisterSnapshot
from register.domain.vocabulary import REGISTER_ROLE_ORDER

# Raise it whenever a change here changes the lines of any statement: statements of two
# versions are not to be diffed.
GENERATOR_VERSION = "statement/1"
LANGUAGES = ("nl", "en")
PROCESSOR = "processor"


def generate(snapshot: RegisterSnapshot, language: str) -> Statement:
    if language not in LANGUAGES:
        raise ValueError(f"a statement is generated in {' or '.join(LANGUAGES)}, not {language}")
    context = Context(snapshot, language)
    controlled = _in_order(a for a in snapshot.activities if a.fields.get("role") != PROCESSOR)
    processed = _in_order(a for a in snapshot.activities if a.fields.get("role") == PROCESSOR)
    lines = [
        *title(context.at("§0")),
        BLANK,
        *who_we_are(context.at("§1")),
        BLANK,
        *data_protection_officer(context.at("§2")),
        BLANK,
    ]
    for activity in controlled:
        lines += activity_block(context.at("§3"), activity)
    lines += _on_behalf_of_clients(context.at("§4"), processed)
    lines += _recipients_in_general(context.at("§5"), controlled)
    lines += _security(context.at("§6"), controlled)
    lines += _rights(context.at("§7"), controlled)
    lines += _complaint(context.at("§8"))
    lines += _changes(context.at("§9"))
    while lines and lines[-1] == BLANK:
        lines.pop()
    return Statement(_front_matter(context, lines), tuple(lines))


def _in_order(activities: Iterable[EntryView]) -> list[EntryView]:
    """By role (the register's order), then name as people sort it, then id for equal names."""
    order = {role: rank for rank, role in enumerate(REGISTER_ROLE_ORDER)}
    return sorted(
        activities,
        key=lambda a: (
            order.get(str(a.fields.get("role")), len(order)),
            collation_key(a.fields["name"]),
            str(a.id),
        ),
    )


def _front_matter(context: Context, lines: list[Line]) -> FrontMatter:
    snapshot = context.snapshot
    return FrontMatter(
        title=lines[0].plain,
        language=context.language,
        effective_from=snapshot.moment.as_of.isoformat(),
        as_of=snapshot.moment.as_of.isoformat(),
        known_at=rfc3339(snapshot.moment.known_at),
        position=snapshot.history.position,
        head_digest=snapshot.history.head_digest,
        register_digest=snapshot.as_json()["digest"],
        generator_version=GENERATOR_VERSION,
    )


def _on_behalf_of_clients(context: Context, activities: list[EntryView]) -> Iterator[Line]:
    if not activities:
        return
    yield context.heading("processor_heading")
    yield BLANK
    for activity in activities:
        categories_ = activity.fields.get("processing_categories") or [activity.fields["name"]]
        controllers = [
            c["name"] if isinstance(c, dict) else c
            for c in activity.fields.get("controllers") or []
        ]
        yield context.item(
            context.sentence(
                "processor",
                categories=enumerated([context.value(c) for c in categories_], context.language),
                controllers=enumerated(
                    [context.value(c) for c in controllers] or [context.marker("controller")],
                    context.language,
                ),
            ),
            rule="CONTROLLERS-ADDED",
            entry=activity,
            field="controllers",
        )
    yield BLANK


def _recipients_in_general(context: Context, activities: list[EntryView]) -> Iterator[Line]:
    links = [link for a in activities for link in a.fields.get("recipients") or []]
    if not links:
        return
    yield context.heading("recipients_heading")
    yield BLANK
    for code, names in categories(context, links).items():
        parts = category_parts(context, code, names)
        category = parts["category"][0]
        parts["category"] = (context.phrase(category.text[:1].upper() + category.text[1:]),)
        yield context.item(
            context.sentence("recipient_category", **parts),
            rule="NOTICE-RECIPIENT-CATEGORY",
            field="recipients",
        )
    yield BLANK


def _security(context: Context, activities: list[EntryView]) -> Iterator[Line]:
    """Each distinct measure once, however many activities take it."""
    takers: dict[str, list[EntryView]] = {}
    for activity in activities:
        for measure in activity.fields.get("security_measures") or []:
            text = measure["description"] if isinstance(measure, dict) else str(measure)
            takers.setdefault(" ".join(text.split()), []).append(activity)
    yield context.heading("security_heading")
    yield BLANK
    if not takers:
        yield context.item(
            (context.marker("security_measures"),),
            rule="STATEMENT-SECURITY",
            field="security_measures",
            check="CHK-SECURITY-MISSING",
        )
    for measure in sorted(takers, key=collation_key):
        only = takers[measure][0] if len(takers[measure]) == 1 else None
        yield context.item(
            context.sentence("measure", measure=context.sentence_value(measure)),
            rule="STATEMENT-SECURITY",
            entry=only,
            field="security_measures",
        )
    yield BLANK


def _rights(context: Context, activities: list[EntryView]) -> Iterator[Line]:
    yield context.heading("rights_heading")
    yield BLANK
    yield context.item(context.sentence("rights"), rule="STATEMENT-RIGHTS")
    consent = [
        a
        for a in activities
        if any(p.get("legal_basis") == "Consent" for p in a.fields.get("purposes") or [])
    ]
    if consent:
        yield context.item(
            context.sentence("withdraw_consent"),
            rule="NOTICE-LEGAL-BASIS",
            entry=consent[0] if len(consent) == 1 else None,
            field="purposes[].legal_basis",
        )
    yield context.item(
        context.sentence("requests", email=context.email()),
        rule="NOTICE-CONTROLLER",
        entry=context.snapshot.organisation,
        field="contact.email",
    )
    yield BLANK


def _complaint(context: Context) -> Iterator[Line]:
    yield context.heading("complaint_heading")
    yield BLANK
    yield context.line("paragraph", context.sentence("complaint"), rule="STATEMENT-COMPLAINT")
    yield BLANK


def _changes(context: Context) -> Iterator[Line]:
    """Where the revision this statement replaces is found, once there is an earlier one."""
    policy = context.snapshot.policy
    as_of = context.snapshot.moment.as_of
    if policy is None or policy.registered_on >= as_of:
        return
    url: Any = policy.fields.get("source_url")
    previous: Part = context.day(policy.registered_on)
    yield context.heading("changes_heading")
    yield BLANK
    yield context.line(
        "paragraph",
        context.sentence(
            "changed",
            date=context.day(as_of),
            previous=previous,
            url=context.value(url) if url else context.marker("source_url"),
        ),
        rule="POLICY-STALE",
        entry=policy,
        field="source_url",
    )
