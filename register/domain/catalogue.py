"""The catalogue of entry kinds: each kind, and each of its fields, declared once (SPEC §2, §7).

A field is declared here with its check, whether it is required, its default, what it means,
its labels in Dutch and English and the Article 30 point it answers. Everything else that needs
to know the fields reads them from here: the validation of commands, the API's schemas and
their OpenAPI text, the Markdown register, the read model's names and list facets, and the
references between entries. So a field added here shows everywhere, and nothing can disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from register.domain.checks import (
    MAX_DOCUMENT,
    MAX_LABEL,
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
    validate_fields,
)
from register.domain.errors import InvalidCommand
from register.domain.kinds import EntryKind
from register.domain.vocabulary import (
    ACTIVITY_ROLES,
    LEGAL_BASES,
    RECIPIENT_CATEGORIES,
    RECIPIENT_LEGAL_ROLES,
    TRANSFER_SAFEGUARDS,
)


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

    @property
    def references(self) -> tuple[Reference, ...]:
        """Where its entries name other entries, read from the checks that say so."""
        return tuple(_references_in(self.fields, ""))


def _references_in(fields: tuple[FieldSpec, ...], prefix: str) -> Iterator[Reference]:
    for field in fields:
        yield from _references_of(field.check, prefix + field.name)


def _references_of(check: Check, path: str) -> Iterator[Reference]:
    match check:
        case EntryRef(kind=kind):
            yield Reference(path, kind)
        case Optional(inner=inner):
            yield from _references_of(inner, path)
        case ListOf(inner=inner):
            yield from _references_of(inner, f"{path}[]")
        case Record(fields=fields) | LabelOrRecord(record=Record(fields=fields)):
            yield from _references_in(fields, f"{path}.")


# Nested objects ---------------------------------------------------------------------------------

PURPOSE = Record(
    "Purpose",
    (
        FieldSpec(
            "description",
            Text(),
            Labels("Doel", "Purpose"),
            "what the data is processed for",
            required=True,
        ),
        FieldSpec(
            "legal_basis",
            Optional(OneOf(LEGAL_BASES)),
            Labels("Grondslag", "Legal basis"),
            "a DPV legal basis (Article 6(1)), or null when not yet recorded",
        ),
        FieldSpec(
            "special_category_condition",
            Optional(Text(MAX_LABEL)),
            Labels("Uitzondering voor bijzondere persoonsgegevens", "Special-category condition"),
            "the Art. 9(2) condition where special categories are involved",
        ),
    ),
)

DATA_CATEGORY = Record(
    "DataCategory",
    (
        FieldSpec(
            "name",
            Text(MAX_LABEL),
            Labels("Categorie", "Category"),
            "the category of personal data, such as email address",
            required=True,
        ),
        FieldSpec(
            "special_category",
            Boolean(),
            Labels("Bijzondere persoonsgegevens", "Special category"),
            "whether it is special-category data (Article 9)",
            default=False,
        ),
        FieldSpec(
            "criminal",
            Boolean(),
            Labels("Strafrechtelijke gegevens", "Criminal offence data"),
            "whether it is data about criminal convictions and offences (Article 10)",
            default=False,
        ),
    ),
)

TRANSFER = Record(
    "Transfer",
    (
        FieldSpec(
            "country",
            Country(),
            Labels("Land", "Country"),
            "the third country, ISO 3166-1 alpha-2, such as US",
            required=True,
        ),
        FieldSpec(
            "safeguard",
            Optional(OneOf(TRANSFER_SAFEGUARDS)),
            Labels("Passende waarborg", "Safeguard"),
            "what the transfer rests on: an adequacy decision, SCCs, BCRs or an Art. 49 derogation",
        ),
        FieldSpec(
            "recipient",
            Optional(EntryRef(EntryKind.RECIPIENT)),
            Labels("Ontvanger", "Recipient"),
            "the recipient entry it goes to",
        ),
        FieldSpec(
            "note",
            Optional(Text()),
            Labels("Toelichting", "Note"),
            "what else the transfer needs said, such as where its documentation is",
        ),
    ),
)

RETENTION = Record(
    "Retention",
    (
        FieldSpec(
            "period",
            Optional(Duration()),
            Labels("Termijn", "Period"),
            "an ISO 8601 duration, such as P3M",
        ),
        FieldSpec(
            "trigger",
            Optional(Text(MAX_LABEL)),
            Labels("Ingangsmoment", "Starts from"),
            "the event the period starts from",
        ),
        FieldSpec(
            "note",
            Optional(Text()),
            Labels("Toelichting", "Note"),
            "what a duration cannot say",
        ),
    ),
)

DPIA = Record(
    "Dpia",
    (
        FieldSpec(
            "required",
            Optional(Boolean()),
            Labels("DPIA verplicht", "DPIA required"),
            "whether a DPIA is required (Article 35), or null when not yet assessed",
        ),
        FieldSpec(
            "reference",
            Optional(Text(MAX_LABEL)),
            Labels("Vindplaats", "Reference"),
            "where the DPIA is kept",
        ),
    ),
)

AUTOMATED_DECISIONS = Record(
    "AutomatedDecisions",
    (
        FieldSpec(
            "applies",
            Boolean(),
            Labels("Van toepassing", "Applies"),
            "whether decisions are taken by automated means alone (Article 22)",
            required=True,
        ),
        FieldSpec(
            "description",
            Optional(Text()),
            Labels("Omschrijving", "Description"),
            "the logic involved and what it means for the data subject",
        ),
    ),
)

DATA_PROCESSING_AGREEMENT = Record(
    "DataProcessingAgreement",
    (
        FieldSpec(
            "reference",
            Optional(Text(MAX_LABEL)),
            Labels("Kenmerk", "Reference"),
            "the agreement's reference, or where it is kept",
        ),
        FieldSpec(
            "signed_on",
            Optional(IsoDate()),
            Labels("Ondertekend op", "Signed on"),
            "the day it was signed",
        ),
    ),
)

ADDRESS = Record(
    "Address",
    (
        FieldSpec(
            "street",
            Optional(Text(MAX_LABEL)),
            Labels("Straat en huisnummer", "Street and number"),
            "the street and house number",
        ),
        FieldSpec(
            "postal_code",
            Optional(Text(50)),
            Labels("Postcode", "Postal code"),
            "the postal code",
        ),
        FieldSpec(
            "city",
            Optional(Text(200)),
            Labels("Plaats", "City"),
            "the city or town",
        ),
        FieldSpec(
            "country",
            Optional(Country()),
            Labels("Land", "Country"),
            "ISO 3166-1 alpha-2",
        ),
    ),
)

PERSON = Record(
    "Person",
    (
        FieldSpec(
            "name",
            Optional(Text(MAX_LABEL)),
            Labels("Naam", "Name"),
            "the person's name, or the role to ask for",
        ),
        FieldSpec(
            "email",
            Optional(Text(MAX_LABEL)),
            Labels("E-mailadres", "Email address"),
            "an email address",
        ),
        FieldSpec(
            "phone",
            Optional(Text(100)),
            Labels("Telefoonnummer", "Phone number"),
            "a phone number",
        ),
    ),
)

LABELS = ListOf(Text(MAX_LABEL))


# The kinds --------------------------------------------------------------------------------------

ORGANISATION = KindSpec(
    kind=EntryKind.ORGANISATION,
    topic="ropa:Organisation",
    plural="organisation",
    labels=Labels("Organisatie", "Organisation"),
    description="The controller's own details, Article 30(1)(a).",
    name_field="name",
    fields=(
        FieldSpec(
            "name",
            Text(MAX_LABEL),
            Labels("Naam", "Name"),
            "the controller's legal name",
            required=True,
            article30="30(1)(a)",
        ),
        FieldSpec(
            "trade_name",
            Optional(Text(MAX_LABEL)),
            Labels("Handelsnaam", "Trade name"),
            "the name it trades under, where that differs",
            article30="30(1)(a)",
        ),
        FieldSpec(
            "address",
            Optional(ADDRESS),
            Labels("Adres", "Address"),
            "where the controller is established",
            article30="30(1)(a)",
        ),
        FieldSpec(
            "registration_number",
            Optional(Text(100)),
            Labels("KvK-nummer", "Registration number"),
            "such as the KvK number",
            article30="30(1)(a)",
        ),
        FieldSpec(
            "contact",
            Optional(PERSON),
            Labels("Contactpersoon", "Contact"),
            "whom to ask about the processing",
            article30="30(1)(a)",
        ),
        FieldSpec(
            "website",
            Optional(Text(2000)),
            Labels("Website", "Website"),
            "the controller's website",
        ),
        FieldSpec(
            "dpo",
            Optional(PERSON),
            Labels("Functionaris gegevensbescherming", "Data protection officer"),
            "the data protection officer, where one is designated",
            article30="30(1)(a)",
        ),
        FieldSpec(
            "eu_representative",
            Optional(PERSON),
            Labels("Vertegenwoordiger in de EU", "Representative in the EU"),
            "the representative in the Union (Article 27), for a controller outside it",
            article30="30(1)(a)",
        ),
    ),
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

RECIPIENT = KindSpec(
    kind=EntryKind.RECIPIENT,
    topic="ropa:Recipient",
    plural="recipients",
    labels=Labels("Ontvanger", "Recipient"),
    description="Recipients of personal data, Article 30(1)(d).",
    name_field="name",
    facet="category",
    fields=(
        FieldSpec(
            "name",
            Text(MAX_LABEL),
            Labels("Naam", "Name"),
            "the party's name, or what kind of party it is",
            required=True,
            article30="30(1)(d)",
        ),
        FieldSpec(
            "category",
            Optional(OneOf(RECIPIENT_CATEGORIES)),
            Labels("Categorie", "Category"),
            "the category of recipient it belongs to",
            article30="30(1)(d)",
        ),
        FieldSpec(
            "legal_role",
            Optional(OneOf(RECIPIENT_LEGAL_ROLES)),
            Labels("Juridische rol", "Legal role"),
            "its role under the GDPR: processor, sub-processor, controller or authority",
        ),
        FieldSpec(
            "country",
            Optional(Country()),
            Labels("Land", "Country"),
            "ISO 3166-1 alpha-2, such as NL",
            article30="30(1)(d)",
        ),
        FieldSpec(
            "transfer_safeguard",
            Optional(OneOf(TRANSFER_SAFEGUARDS)),
            Labels("Passende waarborg bij doorgifte", "Transfer safeguard"),
            "what a transfer to it rests on, when it is outside the EEA",
            article30="30(1)(e)",
        ),
        FieldSpec(
            "data_processing_agreement",
            Optional(DATA_PROCESSING_AGREEMENT),
            Labels("Verwerkersovereenkomst", "Data processing agreement"),
            "the contract with a processor (Article 28(3))",
        ),
        FieldSpec(
            "contact",
            Optional(Text(MAX_LABEL)),
            Labels("Contactgegevens", "Contact"),
            "how to reach the party about the data",
        ),
        FieldSpec(
            "description",
            Optional(Text()),
            Labels("Omschrijving", "Description"),
            "what the party does with the data",
        ),
    ),
)

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

CATALOGUE: Mapping[EntryKind, KindSpec] = {
    spec.kind: spec for spec in (ORGANISATION, ACTIVITY, RECIPIENT, POLICY)
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
    """The entries ``content`` names: each one's path, kind and id.

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
        case EntryRef(kind=kind):
            try:
                yield path, kind, check(value, path)
            except Problem:
                return
        case Optional(inner=inner) if value is not None:
            yield from _named(inner, value, path)
        case ListOf(inner=inner) if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _named(inner, item, f"{path}[{i}]")
        case Record(fields=fields) | LabelOrRecord(record=Record(fields=fields)) if isinstance(
            value, dict
        ):
            yield from _named_in(fields, value, f"{path}.")


def _checked(field: FieldSpec, raw: Any, path: str) -> Any:
    if raw is None:
        if field.required:
            raise Problem(path, "is required and cannot be null")
        return field.initial()
    return field.check(raw, path)


def _invalid(problem: Problem) -> InvalidCommand:
    return InvalidCommand({problem.path: [problem.message]})
