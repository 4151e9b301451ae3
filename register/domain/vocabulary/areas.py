"""The European Economic Area, as the ISO 3166-1 codes inside it.

A transfer to a code in ``EEA`` is not a transfer to a third country (GDPR Chapter V), so the set
must hold not only the 30 states but also the parts of them that have a code of their own:

* EU member states: TEU Art. 52 (Greece is GR in ISO 3166, not the EU's EL).
* Their territories inside the EU with their own ISO code: the French outermost regions
  Guadeloupe, French Guiana, Martinique, Réunion, Mayotte and Saint-Martin (TFEU Arts. 349 and
  355(1)) and the Åland Islands (TFEU Art. 355(4)). The Azores, Madeira and the Canary Islands
  are outermost regions too but have no code apart from PT and ES.
* The EFTA states in the EEA: Iceland, Liechtenstein and Norway (EEA Agreement, Art. 126).

Outside, although tied to a member state or Norway: the overseas countries and territories of
TFEU Annex II (among them AW, CW, SX, BQ, GL, NC, PF, PM, WF, BL, TF), the Faroe Islands (TFEU
Art. 355(5)(a)), Svalbard and Jan Mayen (SJ) and Bouvet Island (BV), to which the EEA Agreement
does not apply, and the Crown Dependencies and Gibraltar (GG, JE, IM, GI).
"""

from __future__ import annotations

EU_MEMBER_STATES: frozenset[str] = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)

EFTA_EEA_STATES: frozenset[str] = frozenset({"IS", "LI", "NO"})

EU_TERRITORIES: frozenset[str] = frozenset({"AX", "GF", "GP", "MQ", "RE", "YT", "MF"})

EEA: frozenset[str] = EU_MEMBER_STATES | EU_TERRITORIES | EFTA_EEA_STATES


def in_eea(code: str) -> bool:
    """Whether personal data sent to ``code`` stay inside the EEA (any case accepted)."""
    return code.upper() in EEA
