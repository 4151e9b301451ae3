"""Vocabularies whose terms are points of the GDPR itself (Arts. 9, 13, 45-49).

A code names the provision; the labels say what the provision is about and cite it, because a
reader of the register must be able to find the text a term stands for.
"""

from __future__ import annotations

from register.domain.vocabulary.terms import Term, Vocabulary

SPECIAL_CATEGORIES = Vocabulary(
    "special_categories",
    "GDPR Art. 9(1); the note names the UAVG article with the category's own exceptions",
    (
        Term(
            "racial_or_ethnic_origin",
            "ras of etnische afkomst",
            "racial or ethnic origin",
            note="UAVG art. 25",
        ),
        Term(
            "political_opinions", "politieke opvattingen", "political opinions", note="UAVG art. 26"
        ),
        Term(
            "religious_or_philosophical_beliefs",
            "religieuze of levensbeschouwelijke overtuigingen",
            "religious or philosophical beliefs",
            note="UAVG art. 27",
        ),
        Term("trade_union_membership", "lidmaatschap van een vakbond", "trade union membership"),
        Term("genetic_data", "genetische gegevens", "genetic data", note="UAVG art. 28"),
        Term(
            "biometric_data",
            "biometrische gegevens voor unieke identificatie",
            "biometric data for unique identification",
            note="UAVG art. 29",
        ),
        Term("health", "gezondheid", "health", note="UAVG art. 30"),
        Term(
            "sex_life_or_sexual_orientation",
            "seksueel gedrag of seksuele gerichtheid",
            "sex life or sexual orientation",
        ),
    ),
)

# The note is where Dutch law (the UAVG) gives effect to the point; see UAVG_ARTICLES.
ART9_CONDITIONS = Vocabulary(
    "art9_conditions",
    "GDPR Art. 9(2)(a)-(j), with the UAVG articles that implement them",
    (
        Term(
            "a",
            "uitdrukkelijke toestemming (art. 9(2)(a))",
            "explicit consent (Art. 9(2)(a))",
            note="UAVG art. 22(2)(a)",
        ),
        Term(
            "b",
            "arbeidsrecht, sociale zekerheid en sociale bescherming (art. 9(2)(b))",
            "employment, social security and social protection law (Art. 9(2)(b))",
            note="UAVG arts. 25-30 (per category)",
        ),
        Term(
            "c",
            "vitaal belang als de betrokkene geen toestemming kan geven (art. 9(2)(c))",
            "vital interests where consent cannot be given (Art. 9(2)(c))",
            note="UAVG art. 22(2)(b)",
        ),
        Term(
            "d",
            "stichting, vereniging of instantie zonder winstoogmerk (art. 9(2)(d))",
            "foundation, association or other not-for-profit body (Art. 9(2)(d))",
            note="UAVG art. 22(2)(c)",
        ),
        Term(
            "e",
            "kennelijk openbaar gemaakt door de betrokkene (art. 9(2)(e))",
            "manifestly made public by the data subject (Art. 9(2)(e))",
            note="UAVG art. 22(2)(d)",
        ),
        Term(
            "f",
            "rechtsvordering of rechterlijke taak (art. 9(2)(f))",
            "legal claims or courts acting in their judicial capacity (Art. 9(2)(f))",
            note="UAVG art. 22(2)(e)",
        ),
        Term(
            "g",
            "zwaarwegend algemeen belang (art. 9(2)(g))",
            "substantial public interest (Art. 9(2)(g))",
            note="UAVG art. 23 and arts. 25-30",
        ),
        Term(
            "h",
            "gezondheidszorg, arbeidsgeneeskunde en sociale zorg (art. 9(2)(h))",
            "health or social care and occupational medicine (Art. 9(2)(h))",
            note="UAVG art. 30",
        ),
        Term(
            "i",
            "algemeen belang op het gebied van de volksgezondheid (art. 9(2)(i))",
            "public interest in the area of public health (Art. 9(2)(i))",
            note="UAVG art. 30",
        ),
        Term(
            "j",
            "archivering, wetenschappelijk of historisch onderzoek of statistiek (art. 9(2)(j))",
            "archiving, scientific or historical research or statistics (Art. 9(2)(j))",
            note="UAVG art. 24",
        ),
    ),
)

TRANSFER_SAFEGUARDS = Vocabulary(
    "transfer_safeguards",
    "GDPR Arts. 45, 46(2)-(3), 47 and 49(1)",
    (
        Term("adequacy_decision", "adequaatheidsbesluit (art. 45)", "adequacy decision (Art. 45)"),
        Term(
            "standard_contractual_clauses",
            "modelcontractbepalingen (art. 46(2)(c))",
            "standard contractual clauses (Art. 46(2)(c))",
        ),
        Term(
            "binding_corporate_rules",
            "bindende bedrijfsvoorschriften (art. 47)",
            "binding corporate rules (Art. 47)",
        ),
        Term("code_of_conduct", "gedragscode (art. 46(2)(e))", "code of conduct (Art. 46(2)(e))"),
        Term(
            "certification",
            "certificeringsmechanisme (art. 46(2)(f))",
            "certification mechanism (Art. 46(2)(f))",
        ),
        Term(
            "ad_hoc_clauses",
            "ad-hoccontractbepalingen (art. 46(3)(a))",
            "ad hoc contractual clauses (Art. 46(3)(a))",
        ),
        Term(
            "public_authority_instrument",
            "instrument of regeling tussen overheidsinstanties (art. 46(2)(a), 46(3)(b))",
            "instrument or arrangement between public authorities (Art. 46(2)(a), 46(3)(b))",
        ),
        Term(
            "art49_1_a",
            "uitdrukkelijke toestemming (art. 49(1)(a))",
            "explicit consent (Art. 49(1)(a))",
        ),
        Term(
            "art49_1_b",
            "uitvoering van een overeenkomst met de betrokkene (art. 49(1)(b))",
            "performance of a contract with the data subject (Art. 49(1)(b))",
        ),
        Term(
            "art49_1_c",
            "overeenkomst in het belang van de betrokkene (art. 49(1)(c))",
            "contract in the interest of the data subject (Art. 49(1)(c))",
        ),
        Term(
            "art49_1_d",
            "gewichtige redenen van algemeen belang (art. 49(1)(d))",
            "important reasons of public interest (Art. 49(1)(d))",
        ),
        Term("art49_1_e", "rechtsvordering (art. 49(1)(e))", "legal claims (Art. 49(1)(e))"),
        Term("art49_1_f", "vitale belangen (art. 49(1)(f))", "vital interests (Art. 49(1)(f))"),
        Term("art49_1_g", "openbaar register (art. 49(1)(g))", "public register (Art. 49(1)(g))"),
        Term(
            "art49_1_second_subpara",
            "dwingende gerechtvaardigde belangen (art. 49(1), tweede alinea)",
            "compelling legitimate interests (Art. 49(1), second subparagraph)",
        ),
        # Entries recorded before the point of Art. 49(1) was asked for keep this code.
        Term(
            "art49_derogation",
            "uitzondering van art. 49 (onderdeel niet vastgelegd)",
            "Art. 49 derogation (point not recorded)",
        ),
    ),
)

PROVISION_REQUIREMENTS = Vocabulary(
    "provision_requirements",
    "GDPR Art. 13(2)(e)",
    (
        Term("statutory", "wettelijke verplichting", "statutory requirement"),
        Term("contractual", "contractuele verplichting", "contractual requirement"),
        Term(
            "contract_prerequisite",
            "noodzakelijk om een overeenkomst te sluiten",
            "requirement necessary to enter into a contract",
        ),
        Term("voluntary", "vrijwillig", "voluntary"),
    ),
)
