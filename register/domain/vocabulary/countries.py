"""Countries as ISO 3166-1 alpha-2 codes, with their names, all taken from ``pycountry``.

pycountry ships the ISO 3166-1 list and the Debian iso-codes translations of its names, so
neither the codes nor the Dutch names are typed by hand here and both follow the standard when
the package is upgraded.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

COUNTRY_CODES: frozenset[str] = frozenset(country.alpha_2 for country in pycountry.countries)


def is_country(code: str) -> bool:
    """Whether ``code`` is an assigned alpha-2 code; case matters, the register stores capitals."""
    return code in COUNTRY_CODES


@cache
def _translation(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_name(code: str, language: str) -> str:
    """The country's short name in ``language`` (``nl``, or else English); unknown codes as is.

    The common name is preferred where ISO has one ("South Korea" rather than "Korea, Republic
    of"), as a reader of a register or privacy statement expects.
    """
    country = pycountry.countries.get(alpha_2=code) if isinstance(code, str) else None
    if country is None:
        return code
    name: str = getattr(country, "common_name", country.name)
    if language.split("-")[0].lower() != "nl":
        return name
    return _translation("nl").gettext(name)
