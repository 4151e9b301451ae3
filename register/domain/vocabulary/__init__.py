"""The register's controlled vocabularies (SPEC §2), kept as data with Dutch and English labels.

Where a published vocabulary exists the terms come from it: DPV 2.1 for legal bases, data
subjects, processing operations and measures (``dpv``), the GDPR's own points (``gdpr``), the
Dutch implementation act (``uavg``), ISO 3166-1 through pycountry (``countries``), the EEA
(``areas``), the Commission's adequacy decisions (``adequacy``) and ISO 8601 durations
(``durations``). The rest are the register's own distinctions (``practice``).
"""

from register.domain.vocabulary.adequacy import DECISIONS, Decision, adequacy_on
from register.domain.vocabulary.areas import EEA, EU_MEMBER_STATES, EU_TERRITORIES, in_eea
from register.domain.vocabulary.countries import COUNTRY_CODES, country_name, is_country
from register.domain.vocabulary.dpv import (
    DATA_SUBJECTS,
    LEGAL_BASES,
    MEASURE_TYPES,
    MEASURES,
    PROCESSING_OPERATIONS,
)
from register.domain.vocabulary.gdpr import (
    ART9_CONDITIONS,
    PROVISION_REQUIREMENTS,
    SPECIAL_CATEGORIES,
    TRANSFER_SAFEGUARDS,
)
from register.domain.vocabulary.practice import (
    ACTIVITY_ROLES,
    DPIA_CRITERIA,
    DPIA_STATUSES,
    DPO_STATUSES,
    RECIPIENT_CATEGORIES,
    RECIPIENT_ROLES,
    REGISTER_ROLE_ORDER,
    RETENTION_KINDS,
    SOURCE_KINDS,
    TRIGGER_ROLES,
)
from register.domain.vocabulary.terms import Term, Vocabulary
from register.domain.vocabulary.uavg import ART10_BASES, UAVG_ARTICLES

# The names other modules imported before the vocabularies became data.
COUNTRIES = COUNTRY_CODES
RECIPIENT_LEGAL_ROLES = RECIPIENT_ROLES

# Every Vocabulary above, for code that lists or checks them all.
VOCABULARIES: tuple[Vocabulary, ...] = (
    ACTIVITY_ROLES,
    LEGAL_BASES,
    DATA_SUBJECTS,
    PROCESSING_OPERATIONS,
    MEASURE_TYPES,
    MEASURES,
    RECIPIENT_CATEGORIES,
    RECIPIENT_ROLES,
    TRANSFER_SAFEGUARDS,
    SPECIAL_CATEGORIES,
    ART9_CONDITIONS,
    UAVG_ARTICLES,
    ART10_BASES,
    DPIA_STATUSES,
    DPIA_CRITERIA,
    SOURCE_KINDS,
    RETENTION_KINDS,
    TRIGGER_ROLES,
    DPO_STATUSES,
    PROVISION_REQUIREMENTS,
)

__all__ = [
    "ACTIVITY_ROLES",
    "ART9_CONDITIONS",
    "ART10_BASES",
    "COUNTRIES",
    "COUNTRY_CODES",
    "DATA_SUBJECTS",
    "DECISIONS",
    "DPIA_CRITERIA",
    "DPIA_STATUSES",
    "DPO_STATUSES",
    "EEA",
    "EU_MEMBER_STATES",
    "EU_TERRITORIES",
    "LEGAL_BASES",
    "MEASURES",
    "MEASURE_TYPES",
    "PROCESSING_OPERATIONS",
    "PROVISION_REQUIREMENTS",
    "RECIPIENT_CATEGORIES",
    "RECIPIENT_LEGAL_ROLES",
    "RECIPIENT_ROLES",
    "REGISTER_ROLE_ORDER",
    "RETENTION_KINDS",
    "SOURCE_KINDS",
    "SPECIAL_CATEGORIES",
    "TRANSFER_SAFEGUARDS",
    "TRIGGER_ROLES",
    "UAVG_ARTICLES",
    "VOCABULARIES",
    "Decision",
    "Term",
    "Vocabulary",
    "adequacy_on",
    "country_name",
    "in_eea",
    "is_country",
]
