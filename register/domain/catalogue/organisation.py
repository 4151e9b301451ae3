"""The organisation: the controller's own details, Article 30(1)(a)."""

from __future__ import annotations

from register.domain.catalogue.fields import FieldSpec, KindSpec, Labels
from register.domain.catalogue.records import ADDRESS, DPO, PERSON
from register.domain.checks import (
    MAX_LABEL,
    Optional,
    Text,
)
from register.domain.kinds import EntryKind

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
            export_column="header 1",
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
            Optional(DPO),
            Labels("Functionaris gegevensbescherming", "Data protection officer"),
            "whether a data protection officer is designated, and how to reach them",
            article30="30(1)(a)",
            export_column="header 2",
        ),
        FieldSpec(
            "eu_representative",
            Optional(PERSON),
            Labels("Vertegenwoordiger in de EU", "Representative in the EU"),
            "the representative in the Union (Article 27), for a controller outside it",
            article30="30(1)(a)",
            export_column="header 3",
        ),
        FieldSpec(
            "notes",
            Optional(Text()),
            Labels("Opmerkingen over het register", "Notes on the register"),
            "what holds for the register as a whole, such as grounds for disclosure that no "
            "single activity carries",
        ),
    ),
)
