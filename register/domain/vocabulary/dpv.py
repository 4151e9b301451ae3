"""The vocabularies taken from the W3C Data Privacy Vocabulary, DPV 2.1 (https://w3id.org/dpv).

Codes are DPV local names, as the Logius processing-activities register API (RvVA) uses them, so
that an export lines up with that register. The lists were checked against the DPV 2.1 release
files of the w3c/dpv repository (``2.1/dpv/modules/legal_basis.csv``, ``processing.csv``,
``entities_datasubject.ttl``, ``technical_measures.ttl`` and ``organisational_measures.csv``).
English labels follow DPV's; the Dutch ones are the register's own, following the Dutch text of
the GDPR where it names the same thing (Art. 4(2) for processing operations).
"""

from __future__ import annotations

from register.domain.vocabulary.terms import DPV, Term, Vocabulary, dpv

LEGAL_BASES = Vocabulary(
    "legal_bases",
    "DPV 2.1 legal bases, for GDPR Art. 6(1)(a)-(f)",
    (
        dpv("Consent", "toestemming", "consent", "art. 6(1)(a)"),
        dpv("Contract", "overeenkomst", "contract", "art. 6(1)(b)"),
        dpv("LegalObligation", "wettelijke verplichting", "legal obligation", "art. 6(1)(c)"),
        dpv("VitalInterest", "vitaal belang", "vital interest", "art. 6(1)(d)"),
        dpv("PublicInterest", "algemeen belang", "public interest", "art. 6(1)(e)"),
        dpv(
            "OfficialAuthorityOfController",
            "openbaar gezag",
            "official authority of the controller",
            "art. 6(1)(e)",
        ),
        dpv("LegitimateInterest", "gerechtvaardigd belang", "legitimate interest", "art. 6(1)(f)"),
    ),
)

# Every DPV 2.1 data-subject class except the abstract HumanSubject it is all a kind of.
DATA_SUBJECTS = Vocabulary(
    "data_subjects",
    "DPV 2.1 data subjects (entities_datasubject)",
    (
        dpv("DataSubject", "betrokkene", "data subject"),
        dpv("Adult", "volwassene", "adult"),
        dpv("Applicant", "aanvrager", "applicant"),
        dpv("AsylumSeeker", "asielzoeker", "asylum seeker"),
        dpv("Child", "kind", "child"),
        dpv("Citizen", "staatsburger", "citizen"),
        dpv("Client", "cliënt", "client"),
        dpv("Consumer", "consument", "consumer"),
        dpv("Customer", "klant", "customer"),
        dpv("ElderlyDataSubject", "oudere betrokkene", "elderly data subject"),
        dpv("ElderlyHuman", "oudere", "elderly person"),
        dpv("Employee", "werknemer", "employee"),
        dpv("GuardianOfDataSubject", "voogd van een betrokkene", "guardian of a data subject"),
        dpv("GuardianOfHuman", "voogd", "guardian"),
        dpv("Immigrant", "immigrant", "immigrant"),
        dpv("JobApplicant", "sollicitant", "job applicant"),
        dpv("Member", "lid", "member"),
        dpv(
            "MentallyVulnerableDataSubject",
            "psychisch kwetsbare betrokkene",
            "mentally vulnerable data subject",
        ),
        dpv("MentallyVulnerableHuman", "psychisch kwetsbare persoon", "mentally vulnerable person"),
        dpv("NonCitizen", "niet-staatsburger", "non-citizen"),
        dpv("ParentOfDataSubject", "ouder van een betrokkene", "parent of a data subject"),
        dpv("ParentOfHuman", "ouder", "parent"),
        dpv("Participant", "deelnemer", "participant"),
        dpv("Patient", "patiënt", "patient"),
        dpv("Student", "student", "student"),
        dpv("Subscriber", "abonnee", "subscriber"),
        dpv("Tourist", "toerist", "tourist"),
        dpv("User", "gebruiker", "user"),
        dpv("Visitor", "bezoeker", "visitor"),
        dpv("VulnerableDataSubject", "kwetsbare betrokkene", "vulnerable data subject"),
        dpv("VulnerableHuman", "kwetsbare persoon", "vulnerable person"),
    ),
)

# Every DPV 2.1 processing class except the root Processing.
PROCESSING_OPERATIONS = Vocabulary(
    "processing_operations",
    "DPV 2.1 processing operations (processing module)",
    (
        dpv("Access", "toegang verkrijgen", "access"),
        dpv("Acquire", "in bezit krijgen", "acquire"),
        dpv("Adapt", "bijwerken", "adapt"),
        dpv("Aggregate", "aggregeren", "aggregate"),
        dpv("Align", "aligneren", "align"),
        dpv("Alter", "wijzigen", "alter"),
        dpv("Analyse", "analyseren", "analyse"),
        dpv("Anonymise", "anonimiseren", "anonymise"),
        dpv("Assess", "beoordelen", "assess"),
        dpv("Collect", "verzamelen", "collect"),
        dpv("Combine", "combineren", "combine"),
        dpv("Consult", "raadplegen", "consult"),
        dpv("Copy", "kopiëren", "copy"),
        dpv("CrossBorderTransfer", "grensoverschrijdend doorgeven", "cross-border transfer"),
        dpv("Delete", "verwijderen (herstelbaar)", "delete"),
        dpv("Derive", "afleiden", "derive"),
        dpv("Destruct", "vernietigen", "destruct"),
        dpv("Disclose", "bekendmaken", "disclose"),
        dpv(
            "DiscloseByTransmission",
            "verstrekken door middel van doorzending",
            "disclose by transmission",
        ),
        dpv("Display", "tonen", "display"),
        dpv("Disseminate", "verspreiden", "disseminate"),
        dpv("Download", "downloaden", "download"),
        dpv("Erase", "wissen", "erase"),
        dpv("Export", "exporteren", "export"),
        dpv("Filter", "filteren", "filter"),
        dpv("Format", "opmaken", "format"),
        dpv("Generate", "genereren", "generate"),
        dpv("Infer", "infereren", "infer"),
        dpv("MakeAvailable", "ter beschikking stellen", "make available"),
        dpv("Match", "matchen", "match"),
        dpv("Modify", "aanpassen", "modify"),
        dpv("Monitor", "monitoren", "monitor"),
        dpv("Move", "verplaatsen", "move"),
        dpv("Observe", "observeren", "observe"),
        dpv("Obtain", "verkrijgen", "obtain"),
        dpv("Organise", "ordenen", "organise"),
        dpv("Profiling", "profileren", "profiling"),
        dpv("Pseudonymise", "pseudonimiseren", "pseudonymise"),
        dpv("Query", "bevragen", "query"),
        dpv("Record", "vastleggen", "record"),
        dpv("Reformat", "herformatteren", "reformat"),
        dpv("Remove", "verwijderen", "remove"),
        dpv("Restrict", "afschermen", "restrict"),
        dpv("Retrieve", "opvragen", "retrieve"),
        dpv("Screen", "uitfilteren", "screen"),
        dpv("Share", "delen", "share"),
        dpv("Store", "opslaan", "store"),
        dpv("Structure", "structureren", "structure"),
        dpv("Tracking", "volgen", "tracking"),
        dpv("TrackingByFirstParty", "volgen door een eerste partij", "tracking by first party"),
        dpv("TrackingByThirdParty", "volgen door een derde partij", "tracking by third party"),
        dpv("Transfer", "doorgeven", "transfer"),
        dpv("Transform", "transformeren", "transform"),
        dpv("Transmit", "doorzenden", "transmit"),
        dpv("Use", "gebruiken", "use"),
    ),
)

MEASURE_TYPES = Vocabulary(
    "measure_types",
    "DPV 2.1 TechnicalMeasure and OrganisationalMeasure (as RvVA measureType)",
    (
        Term("technical", "technisch", "technical", iri=DPV + "TechnicalMeasure"),
        Term(
            "organisational", "organisatorisch", "organisational", iri=DPV + "OrganisationalMeasure"
        ),
    ),
)

_T = "technical"
_O = "organisational"

# A subset useful for Art. 32 descriptions; the note says which of MEASURE_TYPES it belongs to.
MEASURES = Vocabulary(
    "measures",
    "DPV 2.1 technical and organisational measures (a subset)",
    (
        dpv("AccessControlMethod", "toegangsbeheersing", "access control method", _T),
        dpv("ActivityMonitoring", "monitoring van activiteiten", "activity monitoring", _T),
        dpv("Anonymisation", "anonimisering", "anonymisation", _T),
        dpv("AuthenticationProtocols", "authenticatieprotocollen", "authentication protocols", _T),
        dpv("AuthorisationProtocols", "autorisatieprotocollen", "authorisation protocols", _T),
        dpv(
            "BiometricAuthentication", "biometrische authenticatie", "biometric authentication", _T
        ),
        dpv("CryptographicKeyManagement", "sleutelbeheer", "cryptographic key management", _T),
        dpv("DataBackupProtocols", "back-upprocedures", "data backup protocols", _T),
        dpv("DataRedaction", "weglakken van gegevens", "data redaction", _T),
        dpv("Deidentification", "de-identificatie", "de-identification", _T),
        dpv("DifferentialPrivacy", "differentiële privacy", "differential privacy", _T),
        dpv("DigitalSignatures", "digitale handtekeningen", "digital signatures", _T),
        dpv("DocumentSecurity", "documentbeveiliging", "document security", _T),
        dpv("Encryption", "versleuteling", "encryption", _T),
        dpv("EncryptionAtRest", "versleuteling bij opslag", "encryption at rest", _T),
        dpv(
            "EncryptionInTransfer", "versleuteling tijdens transport", "encryption in transfer", _T
        ),
        dpv("EndToEndEncryption", "end-to-endversleuteling", "end-to-end encryption", _T),
        dpv("FileSystemSecurity", "beveiliging van bestandssystemen", "file system security", _T),
        dpv("HashFunctions", "hashfuncties", "hash functions", _T),
        dpv(
            "InformationFlowControl",
            "beheersing van informatiestromen",
            "information flow control",
            _T,
        ),
        dpv("IntrusionDetectionSystem", "inbraakdetectie", "intrusion detection system", _T),
        dpv(
            "MobilePlatformSecurity",
            "beveiliging van mobiele platforms",
            "mobile platform security",
            _T,
        ),
        dpv(
            "MultiFactorAuthentication",
            "meerfactorauthenticatie",
            "multi-factor authentication",
            _T,
        ),
        dpv("NetworkSecurityProtocols", "netwerkbeveiliging", "network security protocols", _T),
        dpv(
            "OperatingSystemSecurity",
            "beveiliging van besturingssystemen",
            "operating system security",
            _T,
        ),
        dpv(
            "PasswordAuthentication", "authenticatie met wachtwoord", "password authentication", _T
        ),
        dpv("PenetrationTestingMethods", "penetratietests", "penetration testing methods", _T),
        dpv("Pseudonymisation", "pseudonimisering", "pseudonymisation", _T),
        dpv("SingleSignOn", "single sign-on", "single sign-on", _T),
        dpv("UsageControl", "gebruiksbeheersing", "usage control", _T),
        dpv(
            "VulnerabilityTestingMethods",
            "kwetsbaarheidstests",
            "vulnerability testing methods",
            _T,
        ),
        dpv("WebSecurityProtocols", "webbeveiligingsprotocollen", "web security protocols", _T),
        dpv(
            "WirelessSecurityProtocols",
            "beveiliging van draadloze verbindingen",
            "wireless security protocols",
            _T,
        ),
        dpv(
            "AssetManagementProcedures",
            "beheer van bedrijfsmiddelen",
            "asset management procedures",
            _O,
        ),
        dpv("AuthorisationProcedure", "autorisatieprocedure", "authorisation procedure", _O),
        dpv("BackgroundChecks", "antecedentenonderzoek", "background checks", _O),
        dpv("Certification", "certificering", "certification", _O),
        dpv("CodeOfConduct", "gedragscode", "code of conduct", _O),
        dpv("ConsentManagement", "toestemmingsbeheer", "consent management", _O),
        dpv("ConsentRecord", "registratie van toestemmingen", "consent record", _O),
        dpv("ConsultationWithDPO", "raadplegen van de FG", "consultation with the DPO", _O),
        dpv("CredentialManagement", "beheer van inloggegevens", "credential management", _O),
        dpv("CybersecurityTraining", "training in cyberbeveiliging", "cybersecurity training", _O),
        dpv("DataBreachRecord", "register van datalekken", "data breach record", _O),
        dpv("DataDeletionPolicy", "verwijderbeleid", "data deletion policy", _O),
        dpv("DataErasurePolicy", "beleid voor definitief wissen", "data erasure policy", _O),
        dpv(
            "DataProtectionTraining",
            "training in gegevensbescherming",
            "data protection training",
            _O,
        ),
        dpv("DataRestorationPolicy", "herstelbeleid", "data restoration policy", _O),
        dpv("DataStoragePolicy", "bewaarbeleid", "data storage policy", _O),
        dpv(
            "DisasterRecoveryProcedures",
            "uitwijk- en herstelprocedures",
            "disaster recovery procedures",
            _O,
        ),
        dpv("IdentityManagementMethod", "identiteitsbeheer", "identity management method", _O),
        dpv("IncidentManagementProcedures", "incidentbeheer", "incident management procedures", _O),
        dpv(
            "IncidentReportingCommunication",
            "melden van incidenten",
            "incident reporting communication",
            _O,
        ),
        dpv(
            "InformationSecurityPolicy",
            "informatiebeveiligingsbeleid",
            "information security policy",
            _O,
        ),
        dpv(
            "LegitimateInterestAssessment", "belangenafweging", "legitimate interest assessment", _O
        ),
        dpv("LoggingPolicy", "logbeleid", "logging policy", _O),
        dpv("MonitoringPolicy", "monitoringbeleid", "monitoring policy", _O),
        dpv("PrivacyByDefault", "privacy by default", "privacy by default", _O),
        dpv("PrivacyByDesign", "privacy by design", "privacy by design", _O),
        dpv("PrivacyNotice", "privacyverklaring", "privacy notice", _O),
        dpv("ReviewProcedure", "periodieke herbeoordeling", "review procedure", _O),
        dpv("ROPA", "register van verwerkingsactiviteiten", "records of processing activities", _O),
        dpv("SecurityAudit", "beveiligingsaudit", "security audit", _O),
        dpv(
            "SecurityKnowledgeTraining",
            "training in beveiliging",
            "security knowledge training",
            _O,
        ),
        dpv("SecurityRoleProcedures", "beveiligingsrollen", "security role procedures", _O),
        dpv("StaffTraining", "training van personeel", "staff training", _O),
        dpv(
            "ThirdPartySecurityProcedures",
            "beveiligingseisen aan derden",
            "third party security procedures",
            _O,
        ),
    ),
)
