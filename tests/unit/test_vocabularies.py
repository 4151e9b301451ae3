"""The controlled vocabularies as data: labels, countries, the EEA, adequacy and durations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.domain.checks import OneOf
from register.domain.vocabulary import (
    ART9_CONDITIONS,
    ART10_BASES,
    COUNTRIES,
    DATA_SUBJECTS,
    DECISIONS,
    EEA,
    EU_MEMBER_STATES,
    LEGAL_BASES,
    MEASURE_TYPES,
    MEASURES,
    PROCESSING_OPERATIONS,
    RECIPIENT_LEGAL_ROLES,
    RECIPIENT_ROLES,
    TRANSFER_SAFEGUARDS,
    UAVG_ARTICLES,
    VOCABULARIES,
    Vocabulary,
    adequacy_on,
    country_name,
    in_eea,
    is_country,
)
from register.domain.vocabulary.durations import compare, in_words, longer, parse
from register.domain.vocabulary.terms import DPV

DPIA_DAY = date(2023, 10, 24)


# Vocabularies -----------------------------------------------------------------------------------


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.name)
def test_every_vocabulary_has_unique_codes_and_both_labels(vocabulary: Vocabulary) -> None:
    assert len(set(vocabulary.codes)) == len(vocabulary.codes) > 0
    for term in vocabulary.terms:
        assert term.nl.strip() and term.en.strip(), term.code


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.name)
def test_vocabulary_names_are_unique_and_say_their_source(vocabulary: Vocabulary) -> None:
    assert [v.name for v in VOCABULARIES].count(vocabulary.name) == 1
    assert vocabulary.source


def test_dutch_shows_the_dutch_label_not_the_code() -> None:
    assert LEGAL_BASES.label("Consent", "nl") == "toestemming"
    assert LEGAL_BASES.label("Consent", "nl-NL") == "toestemming"
    assert LEGAL_BASES.label("Consent", "en") == "consent"
    assert LEGAL_BASES.label("LegitimateInterest", "nl") == "gerechtvaardigd belang"


def test_an_unknown_code_is_shown_as_stored() -> None:
    assert LEGAL_BASES.label("SomethingOld", "nl") == "SomethingOld"


def test_a_vocabulary_behaves_as_the_tuple_of_codes_it_replaced() -> None:
    assert tuple(LEGAL_BASES) == LEGAL_BASES.codes
    assert "Consent" in LEGAL_BASES
    assert "consent" not in LEGAL_BASES
    assert 42 not in LEGAL_BASES
    assert len(LEGAL_BASES) == 7
    assert RECIPIENT_LEGAL_ROLES is RECIPIENT_ROLES


def test_one_of_takes_a_vocabulary_or_a_tuple() -> None:
    check = OneOf(LEGAL_BASES)
    assert check.choices == LEGAL_BASES.codes
    assert check.vocabulary is LEGAL_BASES
    assert OneOf(("a", "b")).choices == ("a", "b")
    assert OneOf(("a", "b")).vocabulary is None


@pytest.mark.parametrize(
    "vocabulary", [LEGAL_BASES, DATA_SUBJECTS, PROCESSING_OPERATIONS, MEASURES], ids=str
)
def test_dpv_terms_are_named_by_their_iri(vocabulary: Vocabulary) -> None:
    for term in vocabulary.terms:
        assert term.iri == DPV + term.code


def test_the_rvva_data_subjects_and_processing_options_are_all_dpv_terms_here() -> None:
    rvva_subjects = (
        "Adult Applicant Citizen Consumer Customer DataSubject Employee GuardianOfHuman "
        "Immigrant JobApplicant Member NonCitizen ParentOfHuman Participant Patient Student "
        "Subscriber Tourist User Visitor VulnerableHuman"
    ).split()
    rvva_operations = "Copy Disclose Obtain Organise Remove Store Transfer Transform Use".split()
    assert set(rvva_subjects) <= set(DATA_SUBJECTS)
    assert set(rvva_operations) <= set(PROCESSING_OPERATIONS)


def test_every_measure_says_whether_it_is_technical_or_organisational() -> None:
    assert {term.note for term in MEASURES.terms} == set(MEASURE_TYPES)


def test_art9_conditions_name_the_uavg_and_art10_bases_include_official_authority() -> None:
    assert ART9_CONDITIONS.codes == tuple("abcdefghij")
    assert ART9_CONDITIONS.label("a", "nl") == "uitdrukkelijke toestemming (art. 9(2)(a))"
    assert ART9_CONDITIONS.label("a", "en") == "explicit consent (Art. 9(2)(a))"
    assert all(term.note and "UAVG" in term.note for term in ART9_CONDITIONS.terms)
    assert set(ART10_BASES) == {"official_authority", "uavg_31", "uavg_32", "uavg_33"}
    assert set(ART10_BASES) - {"official_authority"} <= set(UAVG_ARTICLES)


def test_the_legacy_art49_code_says_the_point_was_not_recorded() -> None:
    label = TRANSFER_SAFEGUARDS.label("art49_derogation", "en")
    assert label == "Art. 49 derogation (point not recorded)"


# Countries and the EEA --------------------------------------------------------------------------


def test_country_names_come_in_dutch_and_english() -> None:
    assert country_name("DE", "nl") == "Duitsland"
    assert country_name("DE", "en") == "Germany"
    assert country_name("NL", "nl") == "Nederland"
    assert country_name("KR", "en") == "South Korea"
    assert country_name("XX", "nl") == "XX"


def test_country_codes_are_iso_alpha_2_in_capitals() -> None:
    assert is_country("NL") and is_country("AX")
    assert not is_country("nl")
    assert not is_country("XX")
    assert not is_country("EL")  # the EU's code for Greece; ISO says GR
    assert {"NL", "US", "AX", "BQ", "CW", "SS"} <= COUNTRIES


@pytest.mark.parametrize("code", ["AX", "GF", "GP", "MQ", "RE", "YT", "MF"])
def test_eu_territories_with_their_own_code_are_inside_the_eea(code: str) -> None:
    assert in_eea(code)


@pytest.mark.parametrize(
    "code", ["AW", "CW", "SX", "BQ", "GL", "NC", "PF", "FO", "SJ", "GG", "JE", "GB", "CH", "US"]
)
def test_overseas_countries_and_other_neighbours_are_outside_the_eea(code: str) -> None:
    assert not in_eea(code)


def test_the_eea_is_the_27_member_states_iceland_liechtenstein_norway_and_territories() -> None:
    assert len(EU_MEMBER_STATES) == 27
    assert {"IS", "LI", "NO"} <= EEA
    assert EEA <= COUNTRIES
    assert in_eea("gr") and in_eea("NL")


# Adequacy ---------------------------------------------------------------------------------------


def test_us_adequacy_holds_only_from_10_july_2023_and_only_for_a_certified_recipient() -> None:
    assert adequacy_on("US", date(2023, 7, 9), certified=True) is None
    decision = adequacy_on("US", date(2023, 7, 10), certified=True)
    assert decision is not None and decision.requires_certification
    assert adequacy_on("US", date(2023, 7, 10), certified=False) is None
    assert adequacy_on("US", DPIA_DAY, certified=None) is None


def test_other_decisions_hold_from_their_date_for_their_scope() -> None:
    assert adequacy_on("JP", date(2019, 1, 22), None) is None
    assert adequacy_on("JP", date(2019, 1, 23), None) is not None
    canada = adequacy_on("ca", DPIA_DAY, None)
    assert canada is not None and "PIPEDA" in canada.scope("en")
    assert adequacy_on("CH", DPIA_DAY, None) is not None
    assert adequacy_on("KR", date(2021, 12, 17), None) is not None
    assert adequacy_on("CN", DPIA_DAY, None) is None


def test_brazil_was_not_adequate_when_the_example_register_was_drawn_up() -> None:
    assert adequacy_on("BR", DPIA_DAY, None) is None
    assert adequacy_on("BR", date(2026, 2, 1), None) is not None


def test_the_uk_is_covered_without_a_gap_until_the_renewal_expires() -> None:
    day = date(2021, 6, 28)
    while day <= date(2031, 12, 27):
        assert adequacy_on("GB", day, None) is not None, day
        day += timedelta(days=30)
    assert adequacy_on("GB", date(2031, 12, 27), None) is not None
    assert adequacy_on("GB", date(2031, 12, 28), None) is None


def test_every_decision_names_a_country_or_an_organisation_and_its_source() -> None:
    for decision in DECISIONS:
        assert is_country(decision.country) or len(decision.country) > 2
        assert decision.checked and decision.scope("nl") and decision.scope("en")
        assert decision.until is None or decision.effective_from <= decision.until


# Durations --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        ("P3M", "3 maanden", "3 months"),
        ("P1Y", "1 jaar", "1 year"),
        ("P2Y6M", "2 jaar en 6 maanden", "2 years and 6 months"),
        ("P4W", "4 weken", "4 weeks"),
        ("P1D", "1 dag", "1 day"),
        ("PT2H", "2 uur", "2 hours"),
        ("PT1M", "1 minuut", "1 minute"),
        ("PT30M", "30 minuten", "30 minutes"),
        ("P1Y2M3D", "1 jaar, 2 maanden en 3 dagen", "1 year, 2 months and 3 days"),
        ("P0D", "0 dagen", "0 days"),
        ("PT1,5S", "1,5 seconden", "1.5 seconds"),
    ],
)
def test_durations_in_words(text: str, nl: str, en: str) -> None:
    assert in_words(text, "nl") == nl
    assert in_words(text, "en") == en


UNITS = [
    ("Y", "jaar", "jaar", "year"),
    ("M", "maand", "maanden", "month"),
    ("D", "dag", "dagen", "day"),
]


@given(st.integers(min_value=1, max_value=10_000), st.sampled_from(UNITS))
def test_round_numbers_in_words(number: int, unit: tuple[str, str, str, str]) -> None:
    letter, singular, plural, english = unit
    assert in_words(f"P{number}{letter}", "nl") == f"{number} {singular if number == 1 else plural}"
    assert in_words(f"P{number}{letter}", "en") == f"{number} {english}{'' if number == 1 else 's'}"


@pytest.mark.parametrize("text", ["", "P", "PT", "P1YT", "-P1D", "P1.5Y", "3M", "p3m", "P3X"])
def test_a_malformed_duration_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse(text)
    with pytest.raises(ValueError):
        in_words(text, "nl")


@given(st.text(max_size=12).filter(lambda text: not text.startswith("P")))
def test_anything_not_starting_with_p_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse(text)


def test_a_month_is_compared_from_the_reference_date() -> None:
    assert longer("P30D", "P1M", reference=date(2023, 2, 1))
    assert longer("P1M", "P30D", reference=date(2023, 1, 1))
    assert compare("P4W", "P28D", reference=DPIA_DAY) == 0
    assert compare("P1Y", "P12M", reference=DPIA_DAY) == 0
    assert longer("P2Y", "P1Y", reference=DPIA_DAY)


durations = st.builds(
    lambda y, m, d: (
        "P" + ("".join(f"{n}{u}" for n, u in ((y, "Y"), (m, "M"), (d, "D")) if n) or "0D")
    ),
    st.integers(0, 30),
    st.integers(0, 40),
    st.integers(0, 400),
)


@given(durations, durations, st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
def test_comparison_is_antisymmetric(a: str, b: str, reference: date) -> None:
    assert compare(a, b, reference) == -compare(b, a, reference)


@given(st.integers(0, 5000), st.integers(0, 5000), st.dates(max_value=date(9000, 1, 1)))
def test_days_compare_as_numbers(a: int, b: int, reference: date) -> None:
    assert compare(f"P{a}D", f"P{b}D", reference) == (a > b) - (a < b)
