"""A processing activity: Article 30(1), or 30(2) for the processor role."""

from __future__ import annotations

from register.domain.catalogue.fields import FieldSpec, KindSpec, Labels
from register.domain.catalogue.records import (
    AUTOMATED_DECISIONS,
    DATA_CATEGORY,
    DPIA,
    LABELS,
    PURPOSE,
    RETENTION,
    TRANSFER,
)
from register.domain.checks import (
    MAX_LABEL,
    EntryRef,
    LabelOrRecord,
    ListOf,
    OneOf,
    Optional,
    Text,
)
from register.domain.kinds import EntryKind
from register.domain.vocabulary import (
    ACTIVITY_ROLES,
)

ACTIVITY = KindSpec(
    kind=EntryKind.ACTIVITY,
    topic="ropa:Activity",
    plural="activities",
    labels=Labels("Verwerkingsactiviteit", "Processing activity"),
    description="Processing activities, Article 30(1) and, for the processor role, 30(2).",
    name_field="name",
    facet="role",
    fields=(
        FieldSpec(
            "name",
            Text(MAX_LABEL),
            Labels("Naam van de verwerking", "Name of the processing"),
            "the short name the activity is known by",
            required=True,
        ),
        FieldSpec(
            "role",
            OneOf(ACTIVITY_ROLES),
            Labels("Rol", "Role"),
            "the organisation's role in it: controller (30(1)), joint controller, or "
            "processor (30(2))",
            required=True,
        ),
        FieldSpec(
            "description",
            Optional(Text()),
            Labels("Omschrijving", "Description"),
            "what the activity is, in a few sentences",
        ),
        FieldSpec(
            "purposes",
            ListOf(PURPOSE),
            Labels("Doeleinden en grondslag", "Purposes and legal basis"),
            "why the data is processed, each purpose with its legal basis",
            default=(),
            article30="30(1)(b)",
        ),
        FieldSpec(
            "data_subjects",
            LABELS,
            Labels("Categorieën van betrokkenen", "Categories of data subjects"),
            "the categories of people the data is about",
            default=(),
            article30="30(1)(c)",
        ),
        FieldSpec(
            "data_categories",
            ListOf(
                LabelOrRecord(
                    DATA_CATEGORY,
                    "must be a category name or an object with name, special_category, criminal",
                )
            ),
            Labels("Categorieën van persoonsgegevens", "Categories of personal data"),
            "a category name, or an object flagging special or criminal data",
            default=(),
            article30="30(1)(c)",
        ),
        FieldSpec(
            "sources",
            LABELS,
            Labels("Herkomst van de gegevens", "Sources of the data"),
            "where the data comes from, when not from the data subject (Article 14)",
            default=(),
        ),
        FieldSpec(
            "recipients",
            ListOf(EntryRef(EntryKind.RECIPIENT)),
            Labels("Ontvangers", "Recipients"),
            "ids of recipient entries",
            default=(),
            article30="30(1)(d)",
        ),
        FieldSpec(
            "transfers",
            ListOf(TRANSFER),
            Labels("Doorgifte buiten de EER", "Transfers to third countries"),
            "each transfer to a third country, with its safeguard",
            default=(),
            article30="30(1)(e)",
        ),
        FieldSpec(
            "retention",
            Optional(RETENTION),
            Labels("Bewaartermijn", "Retention"),
            "how long the data is kept before it is erased",
            article30="30(1)(f)",
        ),
        FieldSpec(
            "security_measures",
            ListOf(Text()),
            Labels("Beveiligingsmaatregelen", "Security measures"),
            "the technical and organisational security measures (Article 32(1))",
            default=(),
            article30="30(1)(g)",
        ),
        FieldSpec(
            "dpia",
            Optional(DPIA),
            Labels("Gegevensbeschermingseffectbeoordeling (DPIA)", "Impact assessment (DPIA)"),
            "whether a data protection impact assessment is needed, and where it is",
        ),
        FieldSpec(
            "automated_decision_making",
            Optional(AUTOMATED_DECISIONS),
            Labels("Geautomatiseerde besluitvorming", "Automated decision-making"),
            "whether decisions about people are taken by automated means alone",
        ),
        FieldSpec(
            "systems",
            LABELS,
            Labels("Systemen", "Systems"),
            "the applications and systems the data is processed in",
            default=(),
        ),
        FieldSpec(
            "owner",
            Optional(Text(MAX_LABEL)),
            Labels("Eigenaar", "Owner"),
            "who in the organisation answers for the activity",
        ),
        FieldSpec(
            "controllers",
            LABELS,
            Labels("In opdracht van", "On behalf of"),
            "for a processor: on whose behalf, 30(2)(a)",
            default=(),
            article30="30(2)(a)",
        ),
        FieldSpec(
            "processing_categories",
            LABELS,
            Labels("Categorieën van verwerkingen", "Categories of processing"),
            "for a processor: the categories of processing, 30(2)(b)",
            default=(),
            article30="30(2)(b)",
        ),
    ),
)
