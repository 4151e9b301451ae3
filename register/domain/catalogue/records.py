"""The nested objects entries hold (a purpose, a transfer, a retention rule…), declared once.

Where a list item may be given as a plain label (a data category, a source, a system), the label
is stored as the object it stands for, with only its name set: so every reader meets one shape,
and a term or flag can be added to the item later without rewriting the list.
"""

from __future__ import annotations

from register.domain.catalogue.fields import FieldSpec, Labels
from register.domain.checks import (
    MAX_LABEL,
    Boolean,
    Country,
    Duration,
    EntryRef,
    IsoDate,
    ListOf,
    OneOf,
    Optional,
    Record,
    Text,
)
from register.domain.kinds import EntryKind
from register.domain.vocabulary import (
    ART9_CONDITIONS,
    ART10_BASES,
    DATA_SUBJECTS,
    DPIA_CRITERIA,
    DPIA_STATUSES,
    DPO_STATUSES,
    LEGAL_BASES,
    MEASURE_TYPES,
    MEASURES,
    PROVISION_REQUIREMENTS,
    RECIPIENT_ROLES,
    RETENTION_KINDS,
    SOURCE_KINDS,
    SPECIAL_CATEGORIES,
    TRANSFER_SAFEGUARDS,
    TRIGGER_ROLES,
    UAVG_ARTICLES,
)

LABELS = ListOf(Text(MAX_LABEL))

NOTES = FieldSpec(
    "notes",
    Optional(Text()),
    Labels("Opmerkingen", "Notes"),
    "what else an auditor should know, such as what is inferred and from what",
)


def _note(
    what: str = "what else needs saying, such as what is inferred and from what",
) -> FieldSpec:
    return FieldSpec("note", Optional(Text()), Labels("Toelichting", "Note"), what)


def _reference(
    name: str,
    labels: Labels,
    what: str,
    article30: str | None = None,
    export_column: str | None = None,
) -> FieldSpec:
    """Where a document the register does not hold is kept: a link, a file or a record number."""
    return FieldSpec(
        name,
        Optional(Text(MAX_LABEL)),
        labels,
        what,
        article30=article30,
        export_column=export_column,
    )


ART9_CONDITION = Record(
    "Article9Condition",
    (
        FieldSpec(
            "point",
            Optional(OneOf(ART9_CONDITIONS)),
            Labels("Uitzondering (art. 9 lid 2)", "Condition (Art. 9(2))"),
            "the point of Article 9(2) the processing of special-category data rests on",
        ),
        FieldSpec(
            "uavg_article",
            Optional(OneOf(UAVG_ARTICLES)),
            Labels("Artikel UAVG", "UAVG article"),
            "the article of the Dutch implementation act (UAVG) that applies it",
        ),
        _note(),
    ),
)

PURPOSE = Record(
    "Purpose",
    (
        FieldSpec(
            "description",
            Text(),
            Labels("Doel", "Purpose"),
            "what the data is processed for",
            required=True,
            export_column="B",
        ),
        FieldSpec(
            "legal_basis",
            Optional(OneOf(LEGAL_BASES)),
            Labels("Grondslag", "Legal basis"),
            "a DPV legal basis (Article 6(1)), or null when not yet recorded",
            export_column="L",
            dpv="hasLegalBasis",
        ),
        FieldSpec(
            "legitimate_interest",
            Optional(Text()),
            Labels("Gerechtvaardigd belang", "Legitimate interest"),
            "the legitimate interest pursued, where the basis is a legitimate interest (13(1)(d))",
            export_column="N",
        ),
        _reference(
            "lia_ref",
            Labels("Belangenafweging (vindplaats)", "Legitimate interests assessment"),
            "where the legitimate interests assessment is kept",
            export_column="O",
        ),
        _reference(
            "consent_record_ref",
            Labels("Vastlegging van toestemming", "Record of consent"),
            "where the consents given are recorded (Article 7(1))",
            export_column="S",
        ),
        FieldSpec(
            "art9_condition",
            Optional(ART9_CONDITION),
            Labels("Uitzondering voor bijzondere persoonsgegevens", "Special-category condition"),
            "the Art. 9(2) condition where special categories are processed, with its UAVG article",
            export_column="M",
        ),
        FieldSpec(
            "art10_basis",
            Optional(OneOf(ART10_BASES)),
            Labels("Grondslag strafrechtelijke gegevens", "Criminal offence data basis"),
            "what processing criminal offence data rests on (Article 10, UAVG articles 31-33)",
        ),
        FieldSpec(
            "provision_requirement",
            Optional(OneOf(PROVISION_REQUIREMENTS)),
            Labels("Verplichting tot verstrekking", "Requirement to provide the data"),
            "whether providing the data is a statutory or contractual requirement (Art. 13(2)(e))",
        ),
        FieldSpec(
            "provision_consequences",
            Optional(Text()),
            Labels("Gevolgen van niet verstrekken", "Consequences of not providing"),
            "what follows when the data subject does not provide the data (Art. 13(2)(e))",
        ),
        _note(),
    ),
)

DATA_SUBJECT = Record(
    "DataSubjectCategory",
    (
        FieldSpec(
            "name",
            Text(MAX_LABEL),
            Labels("Categorie", "Category"),
            "the category of people, in the register's own words",
            required=True,
        ),
        FieldSpec(
            "dpv",
            Optional(OneOf(DATA_SUBJECTS)),
            Labels("DPV-term", "DPV term"),
            "the DPV data-subject term it falls under",
            dpv="hasDataSubject",
        ),
        _note(),
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
            "special_category_type",
            Optional(OneOf(SPECIAL_CATEGORIES)),
            Labels("Soort bijzonder persoonsgegeven", "Kind of special category"),
            "which category of Article 9(1) it is",
        ),
        FieldSpec(
            "criminal",
            Boolean(),
            Labels("Strafrechtelijke gegevens", "Criminal offence data"),
            "whether it is data about criminal convictions and offences (Article 10)",
            default=False,
        ),
        FieldSpec(
            "national_identifier",
            Boolean(),
            Labels("Nationaal identificatienummer (BSN)", "National identification number"),
            "whether it is a national identification number such as the BSN (Art. 87, UAVG 46)",
            default=False,
        ),
        _note(),
    ),
)

SOURCE = Record(
    "Source",
    (
        FieldSpec(
            "name",
            Text(MAX_LABEL),
            Labels("Herkomst", "Source"),
            "where the data comes from",
            required=True,
        ),
        FieldSpec(
            "kind",
            Optional(OneOf(SOURCE_KINDS)),
            Labels("Soort bron", "Kind of source"),
            "the data subject, a third party, a public source, the organisation or a device",
        ),
        _note(),
    ),
)

RECIPIENT_LINK = Record(
    "RecipientLink",
    (
        FieldSpec(
            "recipient",
            EntryRef(EntryKind.RECIPIENT),
            Labels("Ontvanger", "Recipient"),
            "the id of the recipient entry",
            required=True,
        ),
        FieldSpec(
            "role",
            Optional(OneOf(RECIPIENT_ROLES)),
            Labels("Rol bij deze verwerking", "Role in this activity"),
            "its role in this activity, where it differs from or adds to its usual role "
            "(a processor is a sub-processor in a processor activity)",
        ),
        _note(),
    ),
)

TRANSFER = Record(
    "Transfer",
    (
        FieldSpec(
            "country",
            Optional(Country()),
            Labels("Land", "Country"),
            "the third country, ISO 3166-1 alpha-2, such as US",
            export_column="H",
        ),
        FieldSpec(
            "international_organisation",
            Optional(Text(MAX_LABEL)),
            Labels("Internationale organisatie", "International organisation"),
            "the international organisation, where the data goes to one rather than a country",
            export_column="H",
        ),
        FieldSpec(
            "safeguard",
            Optional(OneOf(TRANSFER_SAFEGUARDS)),
            Labels("Passende waarborg", "Safeguard"),
            "what the transfer rests on: an adequacy decision, Art. 46 safeguards or an "
            "Art. 49 derogation",
            export_column="I",
        ),
        FieldSpec(
            "recipient",
            Optional(EntryRef(EntryKind.RECIPIENT)),
            Labels("Ontvanger", "Recipient"),
            "the recipient entry it goes to",
        ),
        _reference(
            "documentation_ref",
            Labels("Documentatie van de waarborg", "Safeguard documentation"),
            "where the safeguard is documented (Art. 30(1)(e), 49(6))",
            article30="30(1)(e)",
            export_column="I",
        ),
        _reference(
            "tia_ref",
            Labels("Doorgiftetoetsing (TIA)", "Transfer impact assessment"),
            "where the transfer impact assessment is kept",
        ),
        _note(),
    ),
    one_of=("country", "international_organisation"),
)

RETENTION_RULE = Record(
    "RetentionRule",
    (
        FieldSpec(
            "applies_to",
            LABELS,
            Labels("Geldt voor", "Applies to"),
            "the categories of data or the purposes the rule covers; empty for all of them",
            default=(),
        ),
        FieldSpec(
            "period",
            Optional(Duration()),
            Labels("Termijn", "Period"),
            "an ISO 8601 duration, such as P3M",
        ),
        FieldSpec(
            "kind",
            Optional(OneOf(RETENTION_KINDS)),
            Labels("Soort termijn", "Kind of limit"),
            "a fixed period, a period at most, or until an event",
        ),
        FieldSpec(
            "criteria",
            Optional(Text()),
            Labels("Criteria", "Criteria"),
            "how the period is decided, where no period can be given (Art. 13(2)(a))",
        ),
        FieldSpec(
            "trigger",
            Optional(Text(MAX_LABEL)),
            Labels("Gebeurtenis", "Event"),
            "the event that starts or ends the period",
        ),
        FieldSpec(
            "trigger_role",
            Optional(OneOf(TRIGGER_ROLES)),
            Labels("Rol van de gebeurtenis", "The event"),
            "whether the event starts the period or ends it",
        ),
        FieldSpec(
            "legal_source",
            Optional(Text(MAX_LABEL)),
            Labels("Wettelijke grondslag van de termijn", "Legal source of the period"),
            "the law or rule the period follows from, such as art. 52 AWR",
        ),
        _note("what a duration cannot say"),
    ),
)

SECURITY_MEASURE = Record(
    "SecurityMeasure",
    (
        FieldSpec(
            "description",
            Text(),
            Labels("Maatregel", "Measure"),
            "the measure, in the register's own words",
            required=True,
        ),
        FieldSpec(
            "type",
            Optional(OneOf(MEASURE_TYPES)),
            Labels("Soort", "Type"),
            "technical or organisational",
        ),
        FieldSpec(
            "dpv",
            Optional(OneOf(MEASURES)),
            Labels("DPV-term", "DPV term"),
            "the DPV measure it is an instance of",
            dpv="hasTechnicalOrganisationalMeasure",
        ),
        _reference(
            "assessment_ref",
            Labels("Risicobeoordeling", "Risk assessment"),
            "where the assessment it answers is kept",
        ),
    ),
)

SYSTEM = Record(
    "System",
    (
        FieldSpec(
            "name",
            Text(MAX_LABEL),
            Labels("Systeem", "System"),
            "the application or system",
            required=True,
        ),
        FieldSpec(
            "location_country",
            Optional(Country()),
            Labels("Locatie van de gegevens", "Location of the data"),
            "the country the data is stored in",
            export_column="T",
        ),
        FieldSpec(
            "provider",
            Optional(EntryRef(EntryKind.RECIPIENT)),
            Labels("Aanbieder", "Provider"),
            "the recipient entry that provides or hosts it",
        ),
        _note(),
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
            export_column="U",
        ),
        FieldSpec(
            "status",
            Optional(OneOf(DPIA_STATUSES)),
            Labels("Voortgang", "Progress"),
            "how far the DPIA is",
            export_column="V",
        ),
        FieldSpec(
            "completed_on",
            Optional(IsoDate()),
            Labels("Afgerond op", "Completed on"),
            "the day the DPIA was completed",
        ),
        FieldSpec(
            "reference",
            Optional(Text(MAX_LABEL)),
            Labels("Vindplaats", "Reference"),
            "where the DPIA is kept",
            export_column="W",
        ),
        FieldSpec(
            "criteria",
            ListOf(OneOf(DPIA_CRITERIA)),
            Labels("Risico-indicatoren", "Screening criteria"),
            "the WP248 criteria the processing meets: two or more usually call for a DPIA",
            default=(),
        ),
        FieldSpec(
            "prior_consultation",
            Optional(Boolean()),
            Labels("Voorafgaande raadpleging", "Prior consultation"),
            "whether the supervisory authority was consulted beforehand (Article 36)",
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
            export_column="G",
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

_PERSON_FIELDS = (
    FieldSpec(
        "name",
        Optional(Text(MAX_LABEL)),
        Labels("Naam", "Name"),
        "the person's name, or the role to ask for",
    ),
    FieldSpec(
        "address",
        Optional(ADDRESS),
        Labels("Adres", "Address"),
        "a postal address",
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
)

PERSON = Record("Person", _PERSON_FIELDS)

DPO = Record(
    "DataProtectionOfficer",
    (
        FieldSpec(
            "status",
            Optional(OneOf(DPO_STATUSES)),
            Labels("Aanwijzing", "Designation"),
            "whether a DPO is designated as Article 37 requires, not required, or designated "
            "voluntarily",
        ),
        *_PERSON_FIELDS,
    ),
)

DPF_CERTIFICATION = Record(
    "DpfCertification",
    (
        FieldSpec(
            "certified",
            Boolean(),
            Labels("Gecertificeerd", "Certified"),
            "whether the recipient is on the EU-US Data Privacy Framework list",
            required=True,
        ),
        FieldSpec(
            "checked_on",
            IsoDate(),
            Labels("Gecontroleerd op", "Checked on"),
            "the day the Data Privacy Framework list was checked",
            required=True,
        ),
        FieldSpec(
            "covers_hr",
            Optional(Boolean()),
            Labels("Inclusief HR-gegevens", "Covers HR data"),
            "whether the certification covers human-resources data",
        ),
    ),
)


def _party(who: str, export_column: str | None = None) -> tuple[FieldSpec, ...]:
    """The name, address and contact of another organisation the register names."""
    return (
        FieldSpec(
            "name",
            Text(MAX_LABEL),
            Labels("Naam", "Name"),
            who,
            required=True,
            export_column=export_column,
        ),
        FieldSpec(
            "address",
            Optional(ADDRESS),
            Labels("Adres", "Address"),
            "where it is established",
        ),
        FieldSpec(
            "contact",
            Optional(PERSON),
            Labels("Contactgegevens", "Contact"),
            "whom to reach there",
        ),
    )


JOINT_CONTROLLER = Record(
    "JointController",
    (
        *_party("the other controller's name", export_column="C"),
        _reference(
            "arrangement_ref",
            Labels("Regeling (art. 26)", "Arrangement (Art. 26)"),
            "where the arrangement between the joint controllers is kept",
        ),
        _note(),
    ),
)

CLIENT_CONTROLLER = Record(
    "ClientController",
    (
        *_party("the controller on whose behalf the processing is done"),
        FieldSpec(
            "representative",
            Optional(PERSON),
            Labels("Vertegenwoordiger", "Representative"),
            "its representative in the Union, where it has one (Article 27)",
            article30="30(2)(a)",
            export_column="processor 2",
        ),
        FieldSpec(
            "dpo",
            Optional(PERSON),
            Labels("Functionaris gegevensbescherming", "Data protection officer"),
            "its data protection officer, where it has one",
        ),
        FieldSpec(
            "processing_categories",
            LABELS,
            Labels("Categorieën van verwerkingen", "Categories of processing"),
            "what is processed on its behalf, beyond the activity's common categories",
            article30="30(2)(b)",
            export_column="processor 3",
            default=(),
        ),
        FieldSpec(
            "agreement",
            Optional(DATA_PROCESSING_AGREEMENT),
            Labels("Verwerkersovereenkomst", "Data processing agreement"),
            "the agreement with this client (Article 28(3))",
        ),
        _note(),
    ),
)
