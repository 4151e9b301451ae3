"""/api/v1/vocabularies: every controlled vocabulary's codes with their Dutch or English labels,
so that a client shows "toestemming" where the register stores "Consent"."""

from __future__ import annotations

from typing import Any

from werkzeug.exceptions import NotFound

from api.extensions import Blueprint
from api.resources.vocabularies.schemas import VocabularyQuery, VocabularySchema
from register.domain.vocabulary import COUNTRY_CODES, VOCABULARIES, Vocabulary, country_name

blp = Blueprint.v1("vocabularies", "The controlled vocabularies, with labels in Dutch and English.")

COUNTRIES = "countries"


@blp.route("")
@blp.query(VocabularyQuery)
@blp.response(200, VocabularySchema(many=True))
def list_vocabularies(query: dict[str, Any]) -> list[dict[str, Any]]:
    """Every vocabulary of the register, ISO 3166-1 countries included."""
    language = query["lang"]
    return [_vocabulary(v, language) for v in VOCABULARIES] + [_countries(language)]


@blp.route("/<string:name>")
@blp.query(VocabularyQuery)
@blp.response(200, VocabularySchema)
def get_vocabulary(query: dict[str, Any], name: str) -> dict[str, Any]:
    """One vocabulary by its name, such as legal_bases or countries."""
    language = query["lang"]
    if name == COUNTRIES:
        return _countries(language)
    for vocabulary in VOCABULARIES:
        if vocabulary.name == name:
            return _vocabulary(vocabulary, language)
    names = ", ".join([v.name for v in VOCABULARIES] + [COUNTRIES])
    raise NotFound(f"There is no vocabulary {name!r}; the vocabularies are: {names}.")


def _vocabulary(vocabulary: Vocabulary, language: str) -> dict[str, Any]:
    return {
        "name": vocabulary.name,
        "source": vocabulary.source,
        "terms": [
            {
                "code": term.code,
                "label": vocabulary.label(term.code, language),
                "iri": term.iri,
                "note": term.note,
            }
            for term in vocabulary.terms
        ],
    }


def _countries(language: str) -> dict[str, Any]:
    return {
        "name": COUNTRIES,
        "source": "ISO 3166-1 alpha-2, through pycountry",
        "terms": [
            {"code": code, "label": country_name(code, language), "iri": None, "note": None}
            for code in sorted(COUNTRY_CODES)
        ],
    }
