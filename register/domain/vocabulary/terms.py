"""A controlled vocabulary as data: each stored code with its Dutch and English label.

Labels live beside the codes so that every representation (the API, the Markdown register, the
privacy-statement texts) names a term the same way in both languages, and a code never leaks into
a Dutch text as an English word.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

DPV = "https://w3id.org/dpv#"


@dataclass(frozen=True)
class Term:
    code: str  # the stored value
    nl: str  # Dutch label, lower-case unless a proper noun ("toestemming")
    en: str  # English label ("consent")
    iri: str | None = None  # e.g. "https://w3id.org/dpv#Consent" for DPV terms
    note: str | None = None  # e.g. the UAVG article a condition maps to


def dpv(code: str, nl: str, en: str, note: str | None = None) -> Term:
    """A DPV 2.1 term: its code is the DPV local name, so the IRI follows from it."""
    return Term(code, nl, en, iri=DPV + code, note=note)


@dataclass(frozen=True)
class Vocabulary:
    """A closed list of terms.

    It iterates over its codes and answers ``in`` for a code, so code written against the plain
    tuples of codes this replaced keeps working.
    """

    name: str  # e.g. "legal_bases"
    source: str  # where the terms come from (DPV 2.1, GDPR Art. 46, ...)
    terms: tuple[Term, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms)

    @cached_property
    def _by_code(self) -> dict[str, Term]:
        return {term.code: term for term in self.terms}

    def term(self, code: str) -> Term | None:
        return self._by_code.get(code)

    def label(self, code: str, language: str) -> str:
        """The term's label in ``language`` (``nl`` or else English); an unknown code as is.

        Stored data may hold a code that a later version of the vocabulary dropped: showing the
        code keeps that history readable instead of failing on it.
        """
        term = self._by_code.get(code)
        if term is None:
            return code
        return term.nl if language.split("-")[0].lower() == "nl" else term.en

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.terms)
