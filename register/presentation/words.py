"""The register page's own words in each language it is read in; fields are named by the
catalogue's labels and terms by their vocabulary's."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Record of processing activities (GDPR Article 30)",
        "as_of": "In effect on",
        "known_at": "As recorded at",
        "organisation": "Organisation",
        "controller_part": "Processing activities as controller (Art. 30(1))",
        "processor_part": "Processing activities as processor (Art. 30(2))",
        "recipients": "Recipients",
        "policy": "Privacy statement in effect",
        "history": "Computed from history position",
        "digest": "Digest of this register",
        "none": "none",
        "not_recorded": "not recorded",
        "not_kept": "the data is not kept",
        "yes": "yes",
        "no": "no",
    },
    "nl": {
        "title": "Register van verwerkingsactiviteiten (AVG artikel 30)",
        "as_of": "Geldend op",
        "known_at": "Zoals vastgelegd op",
        "organisation": "Organisatie",
        "controller_part": "Verwerkingen als verwerkingsverantwoordelijke (art. 30 lid 1)",
        "processor_part": "Verwerkingen als verwerker (art. 30 lid 2)",
        "recipients": "Ontvangers",
        "policy": "Geldende privacyverklaring",
        "history": "Berekend uit historiepositie",
        "digest": "Digest van dit register",
        "none": "geen",
        "not_recorded": "niet vastgelegd",
        "not_kept": "de gegevens worden niet bewaard",
        "yes": "ja",
        "no": "nee",
    },
}
