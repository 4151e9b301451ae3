"""What Article 30 asks the register to hold, checked on the register as it stands: the gaps an
auditor would point at, whatever change made them. The checks of transfers, processors,
retention, special data and the DPIA sit beside the rules of their area."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from register.domain.followups import words
from register.domain.followups.context import each_activity
from register.domain.followups.model import CHECK, INFO, MUST, Finding, Rule
from register.domain.followups.purposes import CONSENT, LEGITIMATE_INTEREST
from register.domain.followups.reading import Side, basis, is_ctrl, listed, purposes
from register.domain.views import EntryView

ORG_IDENTITY = Rule(
    "CHK-ORG-IDENTITY",
    "30(1)(a), 30(2)(a)",
    MUST,
    "Naam of contactgegevens van de organisatie ontbreken.",
    "The organisation's name or contact details are missing.",
)
NO_PURPOSE = Rule(
    "CHK-NO-PURPOSE", "30(1)(b)", MUST, "'{name}' heeft geen doel.", "'{name}' has no purpose."
)
LEGAL_BASIS_MISSING = Rule(
    "CHK-LEGAL-BASIS-MISSING",
    "6(1), 5(2)",
    MUST,
    "Voor doel '{purpose}' van '{name}' is geen grondslag vastgelegd.",
    "No legal basis is recorded for purpose '{purpose}' of '{name}'.",
)
DATA_SUBJECTS_MISSING = Rule(
    "CHK-DATA-SUBJECTS-MISSING",
    "30(1)(c)",
    MUST,
    "'{name}' noemt geen categorieën betrokkenen.",
    "'{name}' lists no categories of data subjects.",
)
DATA_CATEGORIES_MISSING = Rule(
    "CHK-DATA-CATEGORIES-MISSING",
    "30(1)(c)",
    MUST,
    "'{name}' noemt geen categorieën persoonsgegevens.",
    "'{name}' lists no categories of personal data.",
)
SECURITY_MISSING = Rule(
    "CHK-SECURITY-MISSING",
    "30(1)(g), 30(2)(d)",
    MUST,
    "'{name}' beschrijft geen beveiligingsmaatregelen.",
    "'{name}' describes no security measures.",
)
COUNTRY_UNKNOWN = Rule(
    "CHK-RECIPIENT-COUNTRY-UNKNOWN",
    "30(1)(d)–(e)",
    INFO,
    "Van ontvanger {recipient} is het land niet vastgelegd, dus een doorgifte is niet uit te "
    "sluiten.",
    "{recipient}'s country is not recorded, so a transfer cannot be ruled out.",
)
ORPHAN_RECIPIENT = Rule(
    "CHK-ORPHAN-RECIPIENT",
    "30(1)(d)",
    INFO,
    "Ontvanger {recipient} is aan geen enkele verwerking gekoppeld.",
    "Recipient {recipient} is not linked to any activity.",
)
CONSENT_RECORD = Rule(
    "CHK-CONSENT-RECORD",
    "7(1)",
    CHECK,
    "Voor '{purpose}' is niet vastgelegd waar de toestemmingen worden bewaard.",
    "For '{purpose}' it is not recorded where the consents are kept.",
)
LI_ASSESSMENT = Rule(
    "CHK-LI-ASSESSMENT",
    "6(1)(f), 13(1)(d), 5(2)",
    CHECK,
    "Voor '{purpose}' ontbreekt het gerechtvaardigd belang of de belangenafweging.",
    "For '{purpose}' the legitimate interest or its balancing test is missing.",
)
JOINT_ARRANGEMENT = Rule(
    "CHK-JOINT-ARRANGEMENT",
    "26",
    MUST,
    "Bij '{name}' ontbreekt de regeling met de andere verwerkingsverantwoordelijke.",
    "'{name}' lacks the arrangement with the other controller.",
)

CHECK_RULES = (
    ORG_IDENTITY,
    NO_PURPOSE,
    LEGAL_BASIS_MISSING,
    DATA_SUBJECTS_MISSING,
    DATA_CATEGORIES_MISSING,
    SECURITY_MISSING,
    COUNTRY_UNKNOWN,
    ORPHAN_RECIPIENT,
    CONSENT_RECORD,
    LI_ASSESSMENT,
    JOINT_ARRANGEMENT,
)

CONTACT_CHANNELS = ("email", "phone", "address")


def organisation_identity(side: Side) -> Iterator[Finding]:
    """A missing DPO is no finding: Art. 13(1)(b) asks for one only where one is designated."""
    organisation = side.register.organisation
    if organisation is None:
        yield ORG_IDENTITY.on(None, "organisation")
        return
    fields = organisation.fields
    contact = fields.get("contact") or {}
    reachable = fields.get("address") or any(contact.get(k) for k in CONTACT_CHANNELS)
    if not fields.get("name") or not reachable:
        yield ORG_IDENTITY.on(organisation, "contact")


@each_activity
def controller_record(side: Side, activity: EntryView) -> Iterator[Finding]:
    """Art. 30(1)(b)–(c) for the organisation's own activities; Art. 30(2) asks a processor
    for none of these."""
    if not is_ctrl(activity):
        return
    if not listed(activity, "purposes"):
        yield NO_PURPOSE.on(activity, "purposes")
    for key, purpose in purposes(activity).items():
        if basis(purpose) is None:
            yield LEGAL_BASIS_MISSING.on(
                activity, f"purposes[{key}].legal_basis", purpose=str(purpose["description"])
            )
    if not listed(activity, "data_subjects"):
        yield DATA_SUBJECTS_MISSING.on(activity, "data_subjects")
    if not listed(activity, "data_categories"):
        yield DATA_CATEGORIES_MISSING.on(activity, "data_categories")
    if activity.fields.get("role") == "joint_controller":
        partners = listed(activity, "joint_controllers")
        if not partners or not all(_arranged(p) for p in partners):
            yield JOINT_ARRANGEMENT.on(activity, "joint_controllers")


def _arranged(partner: object) -> bool:
    return isinstance(partner, Mapping) and bool(partner.get("arrangement_ref"))


@each_activity
def security(side: Side, activity: EntryView) -> Iterator[Finding]:
    if not listed(activity, "security_measures"):
        yield SECURITY_MISSING.on(activity, "security_measures")


@each_activity
def basis_records(side: Side, activity: EntryView) -> Iterator[Finding]:
    """Where the consents are kept (Art. 7(1)) and the interest weighed (Art. 6(1)(f)): what
    an authority asks to see first for these two bases."""
    for key, purpose in purposes(activity).items():
        description = str(purpose["description"])
        if basis(purpose) == CONSENT and not purpose.get("consent_record_ref"):
            yield CONSENT_RECORD.on(
                activity, f"purposes[{key}].consent_record_ref", purpose=description
            )
        assessed = purpose.get("legitimate_interest") and purpose.get("lia_ref")
        if basis(purpose) == LEGITIMATE_INTEREST and not assessed:
            yield LI_ASSESSMENT.on(activity, f"purposes[{key}].lia_ref", purpose=description)


def recipients_standing(side: Side) -> Iterator[Finding]:
    for recipient in side.register.recipients:
        said = words.named(recipient)
        if recipient.id not in side.linked_to:
            yield ORPHAN_RECIPIENT.on(recipient, "activities", recipient=said)
        elif not recipient.fields.get("country"):
            yield COUNTRY_UNKNOWN.on(recipient, "country", recipient=said)


CHECKS = (organisation_identity, controller_record, security, basis_records, recipients_standing)
