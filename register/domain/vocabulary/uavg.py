"""The Dutch GDPR Implementation Act (Uitvoeringswet AVG, UAVG; BWBR0040940): the national
exceptions for special categories of data (§ 3.1, arts. 22-30) and for criminal-offence data
(§ 3.2, arts. 31-33).

Art. 22(2) was checked against its text (wetten.overheid.nl / inview.nl, in force since
25-05-2018): points (a)-(e) give effect to GDPR Art. 9(2)(a), (c), (d), (e) and (f). The other
articles are recorded whole, named by their subject; their paragraphs and points were not checked
against the text, so no code claims one.
"""

from __future__ import annotations

from register.domain.vocabulary.terms import Term, Vocabulary


def _article(code: str, nl: str, en: str, note: str) -> Term:
    number = code.removeprefix("uavg_").replace("_", ".")
    return Term(code, f"UAVG art. {number}: {nl}", f"UAVG Art. {number}: {en}", note=note)


UAVG_ARTICLES = Vocabulary(
    "uavg_articles",
    "Uitvoeringswet AVG, §§ 3.1-3.2 (arts. 22-33)",
    (
        Term(
            "uavg_22_2_a",
            "UAVG art. 22 lid 2 sub a: uitdrukkelijke toestemming",
            "UAVG Art. 22(2)(a): explicit consent",
            note="GDPR Art. 9(2)(a)",
        ),
        Term(
            "uavg_22_2_b",
            "UAVG art. 22 lid 2 sub b: vitale belangen",
            "UAVG Art. 22(2)(b): vital interests",
            note="GDPR Art. 9(2)(c)",
        ),
        Term(
            "uavg_22_2_c",
            "UAVG art. 22 lid 2 sub c: stichting, vereniging of instantie zonder winstoogmerk",
            "UAVG Art. 22(2)(c): foundation, association or not-for-profit body",
            note="GDPR Art. 9(2)(d)",
        ),
        Term(
            "uavg_22_2_d",
            "UAVG art. 22 lid 2 sub d: kennelijk openbaar gemaakt door de betrokkene",
            "UAVG Art. 22(2)(d): manifestly made public by the data subject",
            note="GDPR Art. 9(2)(e)",
        ),
        Term(
            "uavg_22_2_e",
            "UAVG art. 22 lid 2 sub e: rechtsvordering of rechterlijke taak",
            "UAVG Art. 22(2)(e): legal claims or courts",
            note="GDPR Art. 9(2)(f)",
        ),
        _article("uavg_23", "algemene uitzonderingen", "general exceptions", "GDPR Art. 9(2)(g)"),
        _article(
            "uavg_24",
            "wetenschappelijk of historisch onderzoek en statistiek",
            "scientific or historical research and statistics",
            "GDPR Art. 9(2)(j)",
        ),
        _article("uavg_25", "ras of etnische afkomst", "racial or ethnic origin", "GDPR Art. 9(2)"),
        _article("uavg_26", "politieke opvattingen", "political opinions", "GDPR Art. 9(2)"),
        _article(
            "uavg_27",
            "religieuze of levensbeschouwelijke overtuigingen",
            "religious or philosophical beliefs",
            "GDPR Art. 9(2)",
        ),
        _article("uavg_28", "genetische gegevens", "genetic data", "GDPR Art. 9(2)"),
        _article("uavg_29", "biometrische gegevens", "biometric data", "GDPR Art. 9(2)"),
        _article(
            "uavg_30",
            "gegevens over gezondheid",
            "data concerning health",
            "GDPR Art. 9(2)(b), (h), (i)",
        ),
        _article(
            "uavg_31",
            "persoonsgegevens van strafrechtelijke aard",
            "personal data relating to criminal convictions and offences",
            "GDPR Art. 10",
        ),
        _article(
            "uavg_32",
            "strafrechtelijke gegevens, algemene uitzonderingen",
            "criminal-offence data, general exceptions",
            "GDPR Art. 10",
        ),
        _article(
            "uavg_33",
            "strafrechtelijke gegevens, aanvullende uitzonderingen",
            "criminal-offence data, further exceptions",
            "GDPR Art. 10",
        ),
    ),
)

ART10_BASES = Vocabulary(
    "art10_bases",
    "GDPR Art. 10 and UAVG arts. 31-33",
    (
        Term(
            "official_authority",
            "onder toezicht van de overheid (art. 10 AVG)",
            "under the control of official authority (GDPR Art. 10)",
        ),
        *(term for term in UAVG_ARTICLES.terms if term.note == "GDPR Art. 10"),
    ),
)
