"""The controlled phrases of the generated privacy statement (statement-generation.md §5.3).

A statement says a legal basis, a safeguard or a recipient category in a whole phrase a data
subject can read, not as the register's short label: "noodzakelijk voor de uitvoering van een
overeenkomst met jou …" rather than "overeenkomst". The phrases are data beside the labels, so a
wording change is one edit here and shows in every statement (and in the diff of two of them).
"""

from __future__ import annotations

from register.domain.vocabulary.dpv import LEGAL_BASES
from register.domain.vocabulary.practice import RECIPIENT_CATEGORIES

# One phrase per DPV legal basis (GDPR Art. 6(1)), as §5.3 words it.
LEGAL_BASIS_PHRASES: dict[str, tuple[str, str]] = {
    "Consent": (
        "toestemming (art. 6 lid 1 sub a AVG); je kunt deze altijd intrekken",
        "consent (Art. 6(1)(a) GDPR); you can withdraw it at any time",
    ),
    "Contract": (
        "noodzakelijk voor de uitvoering van een overeenkomst met jou of om op jouw verzoek "
        "vóór het sluiten daarvan maatregelen te nemen (art. 6 lid 1 sub b AVG)",
        "necessary for performing a contract with you or for steps at your request before "
        "entering into one (Art. 6(1)(b) GDPR)",
    ),
    "LegalObligation": (
        "noodzakelijk om te voldoen aan een wettelijke verplichting (art. 6 lid 1 sub c AVG)",
        "necessary to comply with a legal obligation (Art. 6(1)(c) GDPR)",
    ),
    "VitalInterest": (
        "noodzakelijk om vitale belangen te beschermen (art. 6 lid 1 sub d AVG)",
        "necessary to protect vital interests (Art. 6(1)(d) GDPR)",
    ),
    "PublicInterest": (
        "noodzakelijk voor een taak van algemeen belang (art. 6 lid 1 sub e AVG)",
        "necessary for a task in the public interest (Art. 6(1)(e) GDPR)",
    ),
    "OfficialAuthorityOfController": (
        "noodzakelijk voor de uitoefening van openbaar gezag (art. 6 lid 1 sub e AVG)",
        "necessary in the exercise of official authority (Art. 6(1)(e) GDPR)",
    ),
    "LegitimateInterest": (
        "noodzakelijk voor ons gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
        "necessary for our legitimate interests (Art. 6(1)(f) GDPR)",
    ),
}

# A statement names a kind of party in the plural ("onze IT-dienstverleners"), as §5.3 does;
# where the plural is the register's own label, the label is used.
RECIPIENT_CATEGORY_PHRASES: dict[str, tuple[str, str]] = {
    "software_development": ("softwareontwikkelaars", "software developers"),
    "it_services": ("IT-dienstverleners", "IT service providers"),
    "advertising_platform": ("advertentieplatforms", "advertising platforms"),
    "public_authority": ("overheidsinstanties", "public authorities"),
    "other": ("overige ontvangers", "other recipients"),
    "internal_department": ("interne afdelingen", "internal departments"),
    "group_company": ("groepsmaatschappijen", "group companies"),
    "acquirer_or_successor": (
        "een overnemende partij of rechtsopvolger",
        "an acquirer or successor",
    ),
    "insolvency_administrator": ("een curator of bewindvoerder", "an insolvency administrator"),
    "accountant_or_auditor": ("accountants en controleurs", "accountants and auditors"),
    "insurer": ("verzekeraars", "insurers"),
    "bank": ("banken", "banks"),
    "legal_adviser": ("juridisch adviseurs", "legal advisers"),
    "cookie_service_provider": ("cookiedienstverleners", "cookie service providers"),
}

# Placeholders: {country}, {recipient}, {email}, {point} (a letter of Art. 49(1)), {description}.
SAFEGUARD_PHRASES: dict[str, tuple[str, str]] = {
    "adequacy_decision": (
        "de Europese Commissie heeft vastgesteld dat {country} een passend beschermingsniveau "
        "biedt (adequaatheidsbesluit)",
        "the European Commission has decided that {country} ensures an adequate level of "
        "protection (adequacy decision)",
    ),
    "adequacy_us": (
        "{recipient} is gecertificeerd onder het EU-VS Data Privacy Framework, waarvoor het "
        "adequaatheidsbesluit van 10 juli 2023 geldt",
        "{recipient} is certified under the EU-US Data Privacy Framework, covered by the "
        "adequacy decision of 10 July 2023",
    ),
    "standard_contractual_clauses": (
        "wij hebben de standaardcontractbepalingen van de Europese Commissie gesloten; een kopie "
        "kun je opvragen via {email}",
        "we have concluded the European Commission's standard contractual clauses; you can "
        "request a copy at {email}",
    ),
    "binding_corporate_rules": (
        "{recipient} hanteert goedgekeurde bindende bedrijfsvoorschriften; een kopie kun je "
        "opvragen via {email}",
        "{recipient} applies approved binding corporate rules; you can request a copy at {email}",
    ),
    "art49": (
        "incidentele doorgifte op grond van art. 49 lid 1 sub {point} AVG ({description})",
        "occasional transfer under Art. 49(1)({point}) GDPR ({description})",
    ),
    "other": (
        "passende waarborg: {description}; een kopie kun je opvragen via {email}",
        "appropriate safeguard: {description}; you can request a copy at {email}",
    ),
}

# What a statement shows where the register lacks a required element (§5.1 rule 4).
MARKERS: dict[str, tuple[str, str]] = {
    "controller": ("[VERWERKINGSVERANTWOORDELIJKE NIET VASTGELEGD]", "[CONTROLLER NOT RECORDED]"),
    "address": ("[ADRES NIET VASTGELEGD]", "[ADDRESS NOT RECORDED]"),
    "contact": ("[CONTACTGEGEVENS NIET VASTGELEGD]", "[CONTACT DETAILS NOT RECORDED]"),
    "dpo_status": ("[FG-STATUS NIET VASTGELEGD]", "[DPO STATUS NOT RECORDED]"),
    "dpo_contact": ("[CONTACTGEGEVENS FG NIET VASTGELEGD]", "[DPO CONTACT DETAILS NOT RECORDED]"),
    "purposes": ("[DOEL NIET VASTGELEGD]", "[PURPOSE NOT RECORDED]"),
    "legal_basis": ("[GRONDSLAG NIET VASTGELEGD]", "[LEGAL BASIS NOT RECORDED]"),
    "legitimate_interest": (
        "[GERECHTVAARDIGD BELANG NIET VASTGELEGD]",
        "[LEGITIMATE INTEREST NOT RECORDED]",
    ),
    "art9_condition": (
        "[UITZONDERING VOOR BIJZONDERE PERSOONSGEGEVENS NIET VASTGELEGD]",
        "[SPECIAL-CATEGORY CONDITION NOT RECORDED]",
    ),
    "data_categories": ("[GEGEVENS NIET VASTGELEGD]", "[DATA CATEGORIES NOT RECORDED]"),
    "data_subjects": ("[BETROKKENEN NIET VASTGELEGD]", "[DATA SUBJECTS NOT RECORDED]"),
    "recipients": ("[ONTVANGERS NIET VASTGELEGD]", "[RECIPIENTS NOT RECORDED]"),
    "transfers": ("[DOORGIFTE NIET VASTGELEGD]", "[TRANSFERS NOT RECORDED]"),
    "safeguard": ("[WAARBORG NIET VASTGELEGD]", "[SAFEGUARD NOT RECORDED]"),
    "retention": ("[BEWAARTERMIJN NIET VASTGELEGD]", "[RETENTION NOT RECORDED]"),
    "adm_description": ("[OMSCHRIJVING NIET VASTGELEGD]", "[DESCRIPTION NOT RECORDED]"),
    "security_measures": ("[BEVEILIGING NIET VASTGELEGD]", "[SECURITY MEASURES NOT RECORDED]"),
    "source_url": ("[VINDPLAATS NIET VASTGELEGD]", "[LOCATION NOT RECORDED]"),
}

MONTHS: dict[str, tuple[str, ...]] = {
    "nl": tuple(
        "januari februari maart april mei juni juli augustus september oktober november "
        "december".split()
    ),
    "en": tuple(
        "January February March April May June July August September October November "
        "December".split()
    ),
}


def in_language(pair: tuple[str, str], language: str) -> str:
    """The Dutch or the English one of a pair of phrases."""
    return pair[0] if language == "nl" else pair[1]


def legal_basis_phrase(code: str, language: str) -> str:
    """The basis as a statement says it; a code no longer in the table by its label."""
    pair = LEGAL_BASIS_PHRASES.get(code)
    return in_language(pair, language) if pair else LEGAL_BASES.label(code, language)


def recipient_category_phrase(code: str, language: str) -> str:
    pair = RECIPIENT_CATEGORY_PHRASES.get(code)
    return in_language(pair, language) if pair else RECIPIENT_CATEGORIES.label(code, language)
