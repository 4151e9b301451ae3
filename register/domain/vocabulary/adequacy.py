"""The European Commission's adequacy decisions (GDPR Art. 45; earlier Directive 95/46/EC
Art. 25(6)), dated, so that a transfer can be judged as of the day it took place.

``effective_from`` is the decision's date: the decisions under the Directive took effect on their
notification to the Member States, days later, long before any entry this register holds.
``verified`` says whether the date was confirmed against a source, and ``checked`` which one; the
sources were read in 2026 (EUR-Lex, the Commission's own reports, EDPB and practitioners'
reports of the adoption). The invalidated US arrangements (Safe Harbour, Privacy Shield) are left
out on purpose: the register treats the US as adequate only under the Data Privacy Framework.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Decision:
    # ISO 3166-1 alpha-2; an international organisation has a key of three or more letters.
    country: str
    reference: str  # the decision's number as published in the Official Journal
    effective_from: date
    scope_nl: str
    scope_en: str
    verified: bool
    checked: str  # the source the date was checked against, or why it was not
    until: date | None = None  # the last day it applies, where it expires
    requires_certification: bool = False  # only recipients certified under it are covered

    def scope(self, language: str) -> str:
        return self.scope_nl if language.split("-")[0].lower() == "nl" else self.scope_en

    def covers(self, day: date) -> bool:
        return self.effective_from <= day and (self.until is None or day <= self.until)


_WHOLE = ("het hele land", "whole country")
_UK = (
    "het hele land (AVG-besluit; een apart besluit dekt de richtlijn opsporing en vervolging)",
    "whole country (GDPR decision; a separate decision covers the Law Enforcement Directive)",
)

DECISIONS: tuple[Decision, ...] = (
    Decision(
        "CH",
        "Commission Decision 2000/518/EC",
        date(2000, 7, 26),
        *_WHOLE,
        True,
        "EUR-Lex CELEX 32000D0518",
    ),
    Decision(
        "CA",
        "Commission Decision 2002/2/EC",
        date(2001, 12, 20),
        "commerciële organisaties onder de PIPEDA",
        "commercial organisations under PIPEDA",
        True,
        "EUR-Lex CELEX 32002D0002",
    ),
    Decision(
        "AR",
        "Commission Decision 2003/490/EC",
        date(2003, 6, 30),
        *_WHOLE,
        True,
        "EUR-Lex CELEX 32003D0490",
    ),
    Decision(
        "GG",
        "Commission Decision 2003/821/EC",
        date(2003, 11, 21),
        *_WHOLE,
        True,
        "EUR-Lex CELEX 02003D0821",
    ),
    Decision(
        "IM",
        "Commission Decision 2004/411/EC",
        date(2004, 4, 28),
        *_WHOLE,
        True,
        "text of Decision 2004/411/EC",
    ),
    Decision(
        "JE",
        "Commission Decision 2008/393/EC",
        date(2008, 5, 8),
        *_WHOLE,
        True,
        "report of the adoption (Lexology)",
    ),
    Decision(
        "FO",
        "Commission Decision 2010/146/EU",
        date(2010, 3, 5),
        "ontvangers onder de Faeröerse wet op de verwerking van persoonsgegevens",
        "recipients subject to the Faroese Act on Processing of Personal Data",
        True,
        "Faroese Data Protection Authority",
    ),
    Decision(
        "AD",
        "Commission Decision 2010/625/EU",
        date(2010, 10, 19),
        *_WHOLE,
        True,
        "text of Decision 2010/625/EU",
    ),
    Decision(
        "IL",
        "Commission Decision 2011/61/EU",
        date(2011, 1, 31),
        "geautomatiseerde verwerking van persoonsgegevens",
        "automated processing of personal data",
        True,
        "EUR-Lex CELEX 02011D0061",
    ),
    Decision(
        "UY",
        "Commission Implementing Decision 2012/484/EU",
        date(2012, 8, 21),
        *_WHOLE,
        False,
        "not confirmed: taken from the decision's number and the project's reference table",
    ),
    Decision(
        "NZ",
        "Commission Implementing Decision 2013/65/EU",
        date(2012, 12, 19),
        *_WHOLE,
        True,
        "OJ L 28, 30.1.2013",
    ),
    Decision(
        "JP",
        "Commission Implementing Decision (EU) 2019/419",
        date(2019, 1, 23),
        "bedrijven onder de APPI (private sector)",
        "business operators under the APPI (private sector)",
        True,
        "Commission report COM(2023) 275 on its first review",
    ),
    Decision(
        "GB",
        "Commission Implementing Decision (EU) 2021/1772",
        date(2021, 6, 28),
        *_UK,
        True,
        "reports of the adoption and of the six-month extension to 27 December 2025 (Mondaq, EDPB)",
        until=date(2025, 12, 27),
    ),
    Decision(
        "GB",
        "Commission renewal of 19 December 2025 of the UK adequacy decisions",
        date(2025, 12, 28),
        *_UK,
        False,
        "adoption on 19 December 2025 and expiry on 27 December 2031 confirmed (DPO Centre); "
        "its number and the day it took effect not confirmed, so it is taken to follow the "
        "first decision without a gap",
        until=date(2031, 12, 27),
    ),
    Decision(
        "KR",
        "Commission Implementing Decision (EU) 2022/254",
        date(2021, 12, 17),
        "verwerkingsverantwoordelijken onder de PIPA",
        "personal information controllers subject to PIPA",
        True,
        "EUR-Lex CELEX 32022D0254; Luxembourg CNPD",
    ),
    Decision(
        "US",
        "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
        date(2023, 7, 10),
        "alleen organisaties gecertificeerd onder het EU-US Data Privacy Framework",
        "certified organisations only (EU-US Data Privacy Framework)",
        True,
        "reports of the adoption (A&O Shearman, Norton Rose Fulbright)",
        requires_certification=True,
    ),
    Decision(
        "EPO",
        "Commission Implementing Decision of 15 July 2025 (European Patent Organisation)",
        date(2025, 7, 15),
        "de Europese Octrooiorganisatie (internationale organisatie)",
        "the European Patent Organisation (international organisation)",
        True,
        "date confirmed (Covington, EPO); the decision's number not confirmed",
    ),
    Decision(
        "BR",
        "Commission Implementing Decision (EU) 2026/179",
        date(2026, 1, 26),
        *_WHOLE,
        False,
        "adoption on 26 January 2026 and publication on 28 January 2026 confirmed (Europalov); "
        "the day it took effect not confirmed",
    ),
)


def adequacy_on(country: str, day: date, certified: bool | None) -> Decision | None:
    """The decision that covers a transfer to ``country`` on ``day``, if one does.

    ``certified`` is whether the recipient is certified under the decision's framework (the
    EU-US DPF); ``None``, not known, is not enough for a decision that requires it.
    """
    for decision in DECISIONS:
        if decision.country == country.upper() and decision.covers(day):
            if decision.requires_certification and certified is not True:
                continue
            return decision
    return None
