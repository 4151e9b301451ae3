"""The register's own vocabularies: distinctions Article 30, the ICO template, the CNIL model or
the WP248 guidelines ask for, where no published vocabulary offers codes.

Roles that DPV names carry its IRI, as the RvVA ``legalRole`` does, so an export can map them.
"""

from __future__ import annotations

from register.domain.vocabulary.terms import DPV, Term, Vocabulary

ACTIVITY_ROLES = Vocabulary(
    "activity_roles",
    "GDPR Arts. 4(7), 4(8), 26 and 30(1)-(2)",
    (
        Term(
            "controller", "verwerkingsverantwoordelijke", "controller", iri=DPV + "DataController"
        ),
        Term("processor", "verwerker", "processor", iri=DPV + "DataProcessor"),
        Term(
            "joint_controller",
            "gezamenlijke verwerkingsverantwoordelijke",
            "joint controller",
            iri=DPV + "JointDataControllers",
        ),
    ),
)

# The order of the parts of the register: the controller part (30(1)) first, then 30(2).
REGISTER_ROLE_ORDER = ("controller", "joint_controller", "processor")

RECIPIENT_CATEGORIES = Vocabulary(
    "recipient_categories",
    "the register's categories of recipients (Art. 30(1)(d); ICO and CNIL templates)",
    (
        Term("hosting", "hostingpartij", "hosting provider"),
        Term("software_development", "softwareontwikkelaar", "software developer"),
        Term("it_services", "IT-dienstverlener", "IT service provider"),
        Term("payment", "betalingsdienstverlener", "payment service provider"),
        Term(
            "feedback_and_communication_platform",
            "feedback- en communicatieplatform",
            "feedback and communication platform",
        ),
        Term("analytics", "analysedienst", "analytics provider"),
        Term("advertising_platform", "advertentieplatform", "advertising platform"),
        Term("public_authority", "overheidsinstantie", "public authority"),
        Term("other", "overig", "other"),
        Term("internal_department", "interne afdeling", "internal department"),
        Term("group_company", "groepsmaatschappij", "group company"),
        Term(
            "acquirer_or_successor", "overnemende partij of rechtsopvolger", "acquirer or successor"
        ),
        Term("insolvency_administrator", "curator of bewindvoerder", "insolvency administrator"),
        Term("accountant_or_auditor", "accountant of controleur", "accountant or auditor"),
        Term("insurer", "verzekeraar", "insurer"),
        Term("bank", "bank", "bank"),
        Term("legal_adviser", "juridisch adviseur", "legal adviser"),
        Term("cookie_service_provider", "cookiedienstverlener", "cookie service provider"),
    ),
)

RECIPIENT_ROLES = Vocabulary(
    "recipient_roles",
    "GDPR Arts. 4(7)-(10), 26 and 28; the role a recipient has in one activity",
    (
        Term("processor", "verwerker", "processor", iri=DPV + "DataProcessor"),
        Term("sub_processor", "subverwerker", "sub-processor"),
        Term(
            "independent_controller",
            "zelfstandige verwerkingsverantwoordelijke",
            "independent controller",
            iri=DPV + "DataController",
        ),
        Term(
            "joint_controller",
            "gezamenlijke verwerkingsverantwoordelijke",
            "joint controller",
            iri=DPV + "JointDataControllers",
        ),
        Term("authority", "bevoegde autoriteit", "authority"),
        Term("internal", "interne ontvanger", "internal recipient"),
    ),
)

SOURCE_KINDS = Vocabulary(
    "source_kinds",
    "GDPR Arts. 13 and 14 (whether data come from the data subject), 14(2)(f)",
    (
        Term("data_subject", "de betrokkene zelf", "the data subject"),
        Term("third_party", "derde", "third party"),
        Term("public_source", "openbare bron", "publicly accessible source"),
        Term(
            "organisation",
            "de organisatie zelf (zoals gespreksnotities)",
            "the organisation itself (such as call notes)",
        ),
        Term("device", "apparaat van de betrokkene", "the data subject's device"),
    ),
)

RETENTION_KINDS = Vocabulary(
    "retention_kinds",
    "GDPR Arts. 5(1)(e), 13(2)(a) and 30(1)(f)",
    (
        Term("fixed", "vaste termijn", "fixed period"),
        Term("maximum", "maximale termijn", "maximum period"),
        Term("until_event", "tot een gebeurtenis", "until an event"),
    ),
)

TRIGGER_ROLES = Vocabulary(
    "trigger_roles",
    "whether the named event starts or ends the retention period",
    (
        Term("starts", "start de termijn", "starts the period"),
        Term("ends", "beëindigt de termijn", "ends the period"),
    ),
)

DPO_STATUSES = Vocabulary(
    "dpo_statuses",
    "GDPR Art. 37",
    (
        Term("designated", "aangesteld", "designated"),
        Term("not_required", "niet verplicht", "not required"),
        Term("voluntary", "vrijwillig aangesteld", "designated voluntarily"),
    ),
)

DPIA_STATUSES = Vocabulary(
    "dpia_statuses",
    "GDPR Art. 35",
    (
        Term("not_started", "niet gestart", "not started"),
        Term("in_progress", "in uitvoering", "in progress"),
        Term("completed", "afgerond", "completed"),
        Term("not_required", "niet vereist", "not required"),
    ),
)

DPIA_CRITERIA = Vocabulary(
    "dpia_criteria",
    "WP248 rev.01 (EDPB-endorsed DPIA guidelines), the nine criteria",
    (
        Term("evaluation_or_scoring", "evaluatie of scoretoekenning", "evaluation or scoring"),
        Term(
            "automated_decision_with_legal_effect",
            "geautomatiseerde besluitvorming met rechtsgevolg of vergelijkbaar wezenlijk gevolg",
            "automated decision-making with legal or similarly significant effect",
        ),
        Term("systematic_monitoring", "stelselmatige monitoring", "systematic monitoring"),
        Term(
            "sensitive_data",
            "gevoelige gegevens of gegevens van zeer persoonlijke aard",
            "sensitive data or data of a highly personal nature",
        ),
        Term("large_scale", "grootschalige verwerking", "data processed on a large scale"),
        Term(
            "matching_or_combining",
            "koppelen of combineren van datasets",
            "matching or combining datasets",
        ),
        Term(
            "vulnerable_data_subjects",
            "kwetsbare betrokkenen",
            "data concerning vulnerable data subjects",
        ),
        Term(
            "innovative_technology",
            "innovatief gebruik of nieuwe technologische of organisatorische oplossingen",
            "innovative use or new technological or organisational solutions",
        ),
        Term(
            "prevents_exercising_rights",
            "verhindert de uitoefening van een recht of het gebruik van een dienst of overeenkomst",
            "prevents data subjects from exercising a right or using a service or contract",
        ),
    ),
)
