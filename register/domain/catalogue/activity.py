"""A processing activity: Article 30(1), or 30(2) for the processor role."""

from __future__ import annotations

from register.domain.catalogue.fields import FieldSpec, KindSpec, Labels
from register.domain.catalogue.records import (
    AUTOMATED_DECISIONS,
    CLIENT_CONTROLLER,
    DATA_CATEGORY,
    DATA_SUBJECT,
    DPIA,
    JOINT_CONTROLLER,
    LABELS,
    NOTES,
    PURPOSE,
    RECIPIENT_LINK,
    RETENTION_RULE,
    SECURITY_MEASURE,
    SOURCE,
    SYSTEM,
    TRANSFER,
)
from register.domain.checks import (
    MAX_LABEL,
    IsoDate,
    LabelOrRecord,
    ListOf,
    OneOf,
    Optional,
    Text,
)
from register.domain.kinds import EntryKind
from register.domain.vocabulary import ACTIVITY_ROLES, PROCESSING_OPERATIONS

NOT_RECORDED = "null when not recorded, an empty list when there are none"

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
            "joint_controllers",
            ListOf(JOINT_CONTROLLER),
            Labels("Gezamenlijke verwerkingsverantwoordelijken", "Joint controllers"),
            "for a joint controller: the other controllers and the Art. 26 arrangement",
            default=(),
            article30="30(1)(a)",
            export_column="C",
        ),
        FieldSpec(
            "purposes",
            ListOf(PURPOSE),
            Labels("Doeleinden en grondslag", "Purposes and legal basis"),
            "why the data is processed, each purpose with its legal basis",
            default=(),
            article30="30(1)(b)",
            export_column="B",
        ),
        FieldSpec(
            "data_subjects",
            ListOf(LabelOrRecord(DATA_SUBJECT, "must be a category name or an object with name")),
            Labels("Categorieën van betrokkenen", "Categories of data subjects"),
            "the categories of people the data is about, each with its DPV term where one fits",
            default=(),
            article30="30(1)(c)",
            export_column="D",
            dpv="hasDataSubject",
        ),
        FieldSpec(
            "data_categories",
            ListOf(LabelOrRecord(DATA_CATEGORY, "must be a category name or an object with name")),
            Labels("Categorieën van persoonsgegevens", "Categories of personal data"),
            "a category name, or an object flagging special, criminal or identifying data",
            default=(),
            article30="30(1)(c)",
            export_column="E",
            dpv="hasPersonalData",
        ),
        FieldSpec(
            "processing_operations",
            ListOf(OneOf(PROCESSING_OPERATIONS)),
            Labels("Verwerkingshandelingen", "Processing operations"),
            "what is done with the data, as DPV processing terms",
            default=(),
            dpv="hasProcessing",
        ),
        FieldSpec(
            "sources",
            ListOf(LabelOrRecord(SOURCE, "must be a source name or an object with name")),
            Labels("Herkomst van de gegevens", "Sources of the data"),
            "where the data comes from, each with its kind (Article 14)",
            default=(),
            export_column="R",
        ),
        FieldSpec(
            "recipients",
            Optional(
                ListOf(
                    LabelOrRecord(
                        RECIPIENT_LINK, "must be a recipient id or an object with recipient"
                    )
                )
            ),
            Labels("Ontvangers", "Recipients"),
            "the recipient entries, each by id or with its role in this activity; " + NOT_RECORDED,
            article30="30(1)(d)",
            export_column="F",
            dpv="hasRecipient",
        ),
        FieldSpec(
            "transfers",
            Optional(ListOf(TRANSFER)),
            Labels("Doorgifte buiten de EER", "Transfers to third countries"),
            "each transfer to a third country or international organisation, with its "
            "safeguard; " + NOT_RECORDED,
            article30="30(1)(e)",
            export_column="H",
        ),
        FieldSpec(
            "retention",
            Optional(ListOf(RETENTION_RULE)),
            Labels("Bewaartermijnen", "Retention"),
            "one rule per category of data or purpose; null when not recorded, an empty list "
            "when the data is not kept",
            article30="30(1)(f)",
            export_column="J",
        ),
        FieldSpec(
            "security_measures",
            ListOf(LabelOrRecord(SECURITY_MEASURE, "must be a text or an object with description")),
            Labels("Beveiligingsmaatregelen", "Security measures"),
            "the technical and organisational security measures (Article 32(1))",
            default=(),
            article30="30(1)(g)",
            export_column="K",
        ),
        FieldSpec(
            "dpia",
            Optional(DPIA),
            Labels("Gegevensbeschermingseffectbeoordeling (DPIA)", "Impact assessment (DPIA)"),
            "whether a data protection impact assessment is needed, how far it is, and where",
            export_column="U",
        ),
        FieldSpec(
            "automated_decision_making",
            Optional(AUTOMATED_DECISIONS),
            Labels("Geautomatiseerde besluitvorming", "Automated decision-making"),
            "whether decisions about people are taken by automated means alone",
            export_column="Q",
        ),
        FieldSpec(
            "systems",
            ListOf(LabelOrRecord(SYSTEM, "must be a system name or an object with name")),
            Labels("Systemen", "Systems"),
            "the applications and systems the data is processed in, and where it is stored",
            default=(),
            export_column="T",
        ),
        FieldSpec(
            "owner",
            Optional(Text(MAX_LABEL)),
            Labels("Eigenaar", "Owner"),
            "who in the organisation answers for the activity",
            export_column="A",
        ),
        FieldSpec(
            "controllers",
            ListOf(
                LabelOrRecord(CLIENT_CONTROLLER, "must be a controller name or an object with name")
            ),
            Labels("In opdracht van", "On behalf of"),
            "for a processor: each client controller, with its contact details, its categories "
            "of processing and the agreement with it",
            default=(),
            article30="30(2)(a)",
            export_column="processor 1",
        ),
        FieldSpec(
            "processing_categories",
            LABELS,
            Labels("Categorieën van verwerkingen", "Categories of processing"),
            "for a processor: the categories of processing done for every client",
            default=(),
            article30="30(2)(b)",
            export_column="processor 3",
        ),
        FieldSpec(
            "next_review_on",
            Optional(IsoDate()),
            Labels("Volgende herziening", "Next review"),
            "the day the entry is next to be reviewed",
        ),
        NOTES,
    ),
)
