"""The nested objects entries hold (a purpose, a transfer, a retention rule…), declared once."""

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
    LEGAL_BASES,
    TRANSFER_SAFEGUARDS,
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
