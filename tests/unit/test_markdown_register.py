"""The Markdown register, rendered from register documents built without a database."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from markdown_it import MarkdownIt

from register.domain.catalogue import complete, spec
from register.domain.kinds import EntryKind
from register.domain.timeline import ACTIVE
from register.domain.views import EntryView, HistoryPosition, Moment, compose_register
from register.presentation.markdown import render

MOMENT = Moment(date(2024, 3, 1), datetime(2024, 3, 2, tzinfo=UTC))
HOST = str(uuid.UUID(int=900))
HOSTILE = "# Evil\n- item [x](http://a) | *b* `c` <i>"


def entry(kind: EntryKind, number: int, **body: Any) -> EntryView:
    return EntryView(
        id=uuid.UUID(int=number),
        kind=kind,
        version=1,
        status=ACTIVE,
        fields=complete(kind, body),
        registered_on=date(2024, 1, 1),
    )


def host(name: str = "Hosting B.V.") -> EntryView:
    return entry(EntryKind.RECIPIENT, 900, name=name, category="hosting", country="US")


def activity(number: int = 1, **body: Any) -> EntryView:
    return entry(EntryKind.ACTIVITY, number, **{"name": "Werving", "role": "controller", **body})


def full_activity(role: str, text: str = "Plain") -> dict[str, Any]:
    """An activity with every nested object filled in, ``text`` wherever user text goes."""
    person = {"name": text, "email": "a@example.org", "address": {"city": text, "country": "BE"}}
    return {
        "name": text,
        "role": role,
        "description": text,
        "joint_controllers": [{"name": text, "contact": person, "arrangement_ref": text}],
        "purposes": [
            {
                "description": text,
                "legal_basis": "Consent",
                "art9_condition": {"point": "a", "note": text},
                "provision_consequences": text,
            }
        ],
        "data_subjects": [text, {"name": "Sollicitanten", "dpv": "JobApplicant"}],
        "data_categories": [text, {"name": "gezondheid", "special_category": True}],
        "processing_operations": ["Collect"],
        "sources": [{"name": text, "note": text}],
        "recipients": [{"recipient": HOST, "role": "sub_processor", "note": text}],
        "transfers": [{"country": "US", "safeguard": "standard_contractual_clauses"}],
        "retention": [{"period": "P3M", "trigger": text, "applies_to": [text]}],
        "security_measures": [text, {"description": text, "type": "technical"}],
        "dpia": {"required": False, "reference": text},
        "automated_decision_making": {"applies": False},
        "systems": [{"name": text, "location_country": "DE", "provider": HOST}],
        "owner": text,
        "controllers": [
            {
                "name": text,
                "contact": person,
                "processing_categories": [text],
                "agreement": {"reference": text, "signed_on": "2023-05-01"},
            }
        ],
        "processing_categories": [text],
        "next_review_on": "2025-01-01",
        "notes": text,
    }


def policy_revision(**body: Any) -> EntryView:
    """A revision as the register stores it: with the hash it derives from the text."""
    revision = entry(EntryKind.POLICY, 5, **body)
    return replace(revision, fields={**revision.fields, "content_hash": "sha256:" + "cd" * 32})


def markdown(*entries: EntryView, lang: str = "nl") -> str:
    document = compose_register(MOMENT, entries, HistoryPosition(7, "ab" * 32)).as_json()
    return render(document, lang)


def section(rendered: str, heading: str) -> str:
    """The lines under ``### heading``, up to the next heading."""
    after = rendered.split(f"### {heading}\n", 1)[1]
    return after.split("\n#", 1)[0]


def structure(rendered: str) -> list[str]:
    found = []
    for token in MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(rendered):
        found.append(f"{token.type}@{token.level}")
        found += [child.type for child in token.children or []]
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_field_of_an_activity_shows_with_its_catalogue_label(lang: str) -> None:
    rendered = markdown(
        host(),
        entry(EntryKind.ACTIVITY, 1, **full_activity("joint_controller", "Gezamenlijk")),
        entry(EntryKind.ACTIVITY, 2, **full_activity("processor", "Verwerker")),
        lang=lang,
    )
    joint, processor = section(rendered, "Gezamenlijk"), section(rendered, "Verwerker")
    for field in spec(EntryKind.ACTIVITY).fields:
        assert f"**{field.labels[lang]}**:" in joint + processor, field.name
    for field in spec(EntryKind.RECIPIENT).fields:
        assert f"**{field.labels[lang]}**:" in section(rendered, "Hosting B.V."), field.name


def test_a_field_only_another_role_answers_is_left_out_rather_than_not_recorded() -> None:
    rendered = markdown(activity(role="controller"))
    assert "**Gezamenlijke verwerkingsverantwoordelijken**" not in rendered
    assert "**In opdracht van**" not in rendered
    assert "**Categorieën van verwerkingen**" not in rendered
    assert "**Doeleinden en grondslag**: _niet vastgelegd_" in rendered


def test_nested_objects_show_what_they_record_under_their_own_labels() -> None:
    lines = section(markdown(host(), activity(**full_activity("processor"))), "Plain")
    assert "  - **Doel**: Plain" in lines
    assert "    - **Grondslag**: toestemming" in lines
    assert "    - **Uitzondering voor bijzondere persoonsgegevens**:" in lines
    assert "      - **Toelichting**: Plain" in lines
    assert "- **Categorieën van betrokkenen**:" in lines
    assert "  - Sollicitanten\n    - **DPV-term**: sollicitant" in lines
    assert "  - gezondheid\n    - **Bijzondere persoonsgegevens**: ja" in lines
    assert "  - Hosting B.V.\n    - **Rol bij deze verwerking**:" in lines
    assert "    - **Ondertekend op**: 2023-05-01" in lines
    assert (
        "- **Gegevensbeschermingseffectbeoordeling (DPIA)**:\n  - **DPIA verplicht**: nee" in lines
    )
    assert "**Aanbieder**: Hosting B.V." in lines


def test_a_purpose_without_its_legal_basis_says_so_and_empty_details_stay_out() -> None:
    lines = section(markdown(activity(purposes=[{"description": "Werven"}])), "Werving")
    purposes = "- **Doeleinden en grondslag**:\n  - **Doel**: Werven\n"
    assert purposes + "    - **Grondslag**: _niet vastgelegd_\n- " in lines
    assert "Gerechtvaardigd belang" not in lines


@pytest.mark.parametrize(
    ("lang", "not_recorded", "none", "not_kept"),
    [
        ("nl", "niet vastgelegd", "geen", "de gegevens worden niet bewaard"),
        ("en", "not recorded", "none", "the data is not kept"),
    ],
)
def test_null_is_not_recorded_and_an_empty_list_is_none(
    lang: str, not_recorded: str, none: str, not_kept: str
) -> None:
    fields = spec(EntryKind.ACTIVITY).field
    rendered = markdown(
        activity(1, name="Unknown", recipients=None, transfers=None, retention=None),
        activity(2, name="Nothing", recipients=[], transfers=[], retention=[]),
        lang=lang,
    )
    unknown, nothing = section(rendered, "Unknown"), section(rendered, "Nothing")
    for name in ("recipients", "transfers", "retention"):
        assert f"- **{fields(name).labels[lang]}**: _{not_recorded}_\n" in unknown
    for name, word in (("recipients", none), ("transfers", none), ("retention", not_kept)):
        assert f"- **{fields(name).labels[lang]}**: _{word}_\n" in nothing
    assert f"_{none}_" not in unknown


def test_a_policy_tells_unrecorded_coverage_from_none() -> None:
    policy = {"title": "Privacy", "language": "nl", "text": "# Tekst\n\n- zonder structuur"}
    unknown = markdown(policy_revision(**policy))
    nothing = markdown(policy_revision(**policy, covers=[]))
    covering = markdown(activity(1), policy_revision(**policy, covers=[str(uuid.UUID(int=1))]))
    assert "- **Beschreven verwerkingen**: _niet vastgelegd_" in unknown
    assert "- **Beschreven verwerkingen**: _geen_" in nothing
    assert "- **Beschreven verwerkingen**: Werving" in covering
    assert "zonder structuur" not in covering


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["toestemming", "3 maanden", "Verenigde Staten", "verwerkingsverantwoordelijke"]),
        ("en", ["consent", "3 months", "United States", "controller"]),
    ],
)
def test_terms_durations_and_countries_read_as_words_of_the_language(
    lang: str, words: list[str]
) -> None:
    rendered = markdown(
        activity(
            purposes=[{"description": "Werven", "legal_basis": "Consent"}],
            retention=[{"period": "P3M"}],
            transfers=[{"country": "US", "safeguard": "standard_contractual_clauses"}],
        ),
        lang=lang,
    )
    for word in words:
        assert word in rendered
    for code in ("Consent", "P3M", "standard_contractual_clauses", "**: US"):
        assert code not in rendered


def test_the_organisation_shows_every_field_and_its_dpo_status() -> None:
    organisation = entry(
        EntryKind.ORGANISATION,
        3,
        name="Opgelucht B.V.",
        address={"street": "Kade 1", "country": "NL"},
        dpo={"status": "designated", "name": "Dana"},
    )
    rendered = markdown(organisation)
    part = rendered.split("## Organisatie\n", 1)[1].split("\n## ", 1)[0]
    for field in spec(EntryKind.ORGANISATION).fields:
        assert f"**{field.labels['nl']}**:" in part, field.name
    assert "- **Handelsnaam**: _niet vastgelegd_" in part
    assert "  - **Land**: Nederland" in part
    assert "  - **Naam**: Dana" in part
    assert "  - **Aanwijzing**: aangesteld" in part


def test_a_register_without_organisation_or_policy_says_they_are_not_recorded() -> None:
    rendered = markdown()
    assert rendered.count("_niet vastgelegd_") == 2
    assert rendered.count("_geen_") == 3  # no activities in either part, and no recipients


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "hostile",
    [HOSTILE, "- list", "1. ordered", "> quote", "Name\n===", "```\ncode\n```", "a | b\n--|--\nc"],
)
def test_user_text_with_markdown_in_it_adds_no_structure(lang: str, hostile: str) -> None:
    """Wherever user text stands, at any depth, its document has the plain one's structure."""
    rendered = markdown(host(hostile), activity(**full_activity("processor", hostile)), lang=lang)
    plain = markdown(host("Plain"), activity(**full_activity("processor", "Plain")), lang=lang)
    assert structure(rendered) == structure(plain)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_user_text_reads_as_itself(lang: str) -> None:
    hostile = markdown(activity(**full_activity("controller", HOSTILE)), lang=lang)
    owner = spec(EntryKind.ACTIVITY).field("owner").labels[lang]
    assert (
        f"- **{owner}**: \\# Evil - item \\[x\\](http://a) \\| \\*b\\* \\`c\\` \\<i\\>" in hostile
    )
