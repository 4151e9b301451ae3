"""Controlled vocabularies of the register (SPEC §2).

Legal bases and legal roles use the W3C Data Privacy Vocabulary (DPV 2.1) term names, as the
Logius processing-activities register API does, so that exports line up with that register.
"""

from __future__ import annotations

ACTIVITY_ROLES = ("controller", "processor", "joint_controller")

# The order of the parts of the register: the controller part (30(1)) first, then 30(2).
REGISTER_ROLE_ORDER = ("controller", "joint_controller", "processor")

LEGAL_BASES = (
    "Consent",
    "Contract",
    "LegalObligation",
    "VitalInterest",
    "PublicInterest",
    "OfficialAuthorityOfController",
    "LegitimateInterest",
)

RECIPIENT_CATEGORIES = (
    "hosting",
    "software_development",
    "it_services",
    "payment",
    "feedback_and_communication_platform",
    "analytics",
    "advertising_platform",
    "public_authority",
    "other",
)

RECIPIENT_LEGAL_ROLES = (
    "processor",
    "sub_processor",
    "independent_controller",
    "joint_controller",
    "authority",
)

TRANSFER_SAFEGUARDS = (
    "adequacy_decision",
    "standard_contractual_clauses",
    "binding_corporate_rules",
    "art49_derogation",
)

# ISO 3166-1 alpha-2, officially assigned codes.
COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
    BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
    GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
    KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
    MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
    TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
    ZW
    """.split()
)

# The European Economic Area: the EU member states plus Iceland, Liechtenstein and Norway.
EEA = frozenset(
    """
    AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO
    """.split()
)
