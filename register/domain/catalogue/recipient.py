"""A recipient of personal data, Article 30(1)(d)."""

from __future__ import annotations

from register.domain.catalogue.fields import FieldSpec, KindSpec, Labels
from register.domain.catalogue.records import (
    DATA_PROCESSING_AGREEMENT,
    DPF_CERTIFICATION,
    NOTES,
)
from register.domain.checks import (
    MAX_LABEL,
    Country,
    OneOf,
    Optional,
    Text,
)
from register.domain.kinds import EntryKind
from register.domain.vocabulary import (
    RECIPIENT_CATEGORIES,
    RECIPIENT_ROLES,
    TRANSFER_SAFEGUARDS,
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
            Optional(OneOf(RECIPIENT_ROLES)),
            Labels("Juridische rol", "Legal role"),
            "its role under the GDPR: processor, sub-processor, controller, authority or an "
            "internal recipient; an activity may give it another role for itself",
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
            "dpf_certification",
            Optional(DPF_CERTIFICATION),
            Labels("EU-VS Data Privacy Framework", "EU-US Data Privacy Framework"),
            "for a recipient in the United States: whether it is certified, and when that was "
            "checked",
            article30="30(1)(e)",
        ),
        FieldSpec(
            "data_processing_agreement",
            Optional(DATA_PROCESSING_AGREEMENT),
            Labels("Verwerkersovereenkomst", "Data processing agreement"),
            "the contract with a processor (Article 28(3))",
            export_column="G",
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
        NOTES,
    ),
)
