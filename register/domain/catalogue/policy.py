"""A revision of the public privacy statement."""

from __future__ import annotations

from register.domain.catalogue.fields import FieldSpec, KindSpec, Labels
from register.domain.checks import (
    MAX_DOCUMENT,
    MAX_LABEL,
    EntryRef,
    IsoDate,
    Language,
    ListOf,
    Optional,
    Sha256,
    Text,
)
from register.domain.kinds import EntryKind

POLICY = KindSpec(
    kind=EntryKind.POLICY,
    topic="ropa:PolicyRevision",
    plural="policies",
    labels=Labels("Versie van de privacyverklaring", "Privacy statement revision"),
    description="Revisions of the public privacy statement, each with its effective date.",
    name_field="title",
    facet="language",
    fields=(
        FieldSpec(
            "title",
            Text(MAX_LABEL),
            Labels("Titel", "Title"),
            "the statement's title as published",
            required=True,
        ),
        FieldSpec(
            "language",
            Language(),
            Labels("Taal", "Language"),
            "a language tag such as nl or en",
            required=True,
        ),
        FieldSpec(
            "source_url",
            Optional(Text(2000)),
            Labels("Vindplaats (URL)", "Source URL"),
            "where the statement is published",
        ),
        FieldSpec(
            "text",
            Text(MAX_DOCUMENT),
            Labels("Tekst", "Text"),
            "the full text, in Markdown",
            required=True,
        ),
        FieldSpec(
            "audience",
            Optional(Text(MAX_LABEL)),
            Labels("Doelgroep", "Audience"),
            "whom the statement addresses, such as website visitors or job applicants",
        ),
        FieldSpec(
            "covers",
            Optional(ListOf(EntryRef(EntryKind.ACTIVITY, binding=False))),
            Labels("Beschreven verwerkingen", "Activities covered"),
            "the activities the statement describes; null when not recorded. They are not "
            "held in effect by it: retiring one is what makes a new revision due",
        ),
        FieldSpec(
            "source_sha256",
            Optional(Sha256()),
            Labels("Hash van de gepubliceerde tekst", "Hash of the published text"),
            "sha256 of the statement's bytes as published (the page or PDF), which the "
            "Markdown text need not reproduce byte for byte",
        ),
    ),
    read_only=(
        FieldSpec(
            "effective_from",
            IsoDate(),
            Labels("Geldig vanaf", "Effective from"),
            "the day the revision takes effect: the effective date of its registration",
            required=True,
        ),
        FieldSpec(
            "content_hash",
            Text(100),
            Labels("Hash van de tekst", "Content hash"),
            "sha256 of the text, which pins its exact wording",
            required=True,
            example="sha256:…",
        ),
    ),
)
