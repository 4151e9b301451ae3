"""The generated privacy statement as a pure function of a register snapshot: the same register
gives the same bytes, one fact per line, a visible marker for every gap, none told apart from
not recorded, both languages, and each line traced to its entry, field and rule."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest

from register.domain.catalogue import complete
from register.domain.kinds import EntryKind
from register.domain.statement import GENERATOR_VERSION, generate
from register.domain.statement.model import Statement
from register.domain.views import EntryView, HistoryPosition, Moment, RegisterSnapshot
from register.presentation.statement_diff import statement_diff
from register.presentation.statement_html import render_html
from register.presentation.statement_markdown import body_lines, render_markdown, statement_json
from register.presentation.statement_word_diff import word_diff

DAY = date(2023, 10, 24)
HOST = uuid.UUID(int=1)
CLOUD = uuid.UUID(int=2)


def entry(kind: EntryKind, number: int, **fields: Any) -> EntryView:
    return EntryView(uuid.UUID(int=100 + number), kind, 1, "active", complete(kind, fields), DAY)


def activity(number: int, **fields: Any) -> EntryView:
    return entry(EntryKind.ACTIVITY, number, **{"role": "controller", **fields})


def organisation(**fields: Any) -> EntryView:
    return entry(
        EntryKind.ORGANISATION,
        0,
        name="Cinnux B.V.",
        trade_name="Opgelucht",
        address={"street": "Boterdiep 69-1", "postal_code": "9712 LK", "city": "Groningen"},
        registration_number="KvK 75979683",
        contact={"email": "info@opgelucht.app"},
        **fields,
    )


def recipients() -> list[EntryView]:
    return [
        EntryView(
            HOST,
            EntryKind.RECIPIENT,
            1,
            "active",
            {"name": "Hostingpartij", "category": "hosting"},
            DAY,
        ),
        EntryView(
            CLOUD,
            EntryKind.RECIPIENT,
            1,
            "active",
            {"name": "Wolk Inc.", "category": "hosting"},
            DAY,
        ),
    ]


def demo(**fields: Any) -> EntryView:
    given: dict[str, Any] = {
        "name": "Een live demo boeken",
        "purposes": [{"description": "Ons voorbereiden op de demo", "legal_basis": "Consent"}],
        "data_subjects": ["Websitebezoekers"],
        "data_categories": ["naam", "e-mailadres", "Telefoonnummer"],
        "recipients": [str(HOST)],
        "transfers": [],
        "retention": [
            {
                "period": "P2Y",
                "kind": "maximum",
                "trigger": "ontvangst van de gegevens",
                "trigger_role": "starts",
            }
        ],
        "security_measures": ["Toegang is afgeschermd"],
    }
    return activity(1, **{**given, **fields})


def snapshot(*activities: EntryView, org: EntryView | None = None) -> RegisterSnapshot:
    return RegisterSnapshot(
        moment=Moment(DAY, datetime(2026, 1, 1, tzinfo=UTC)),
        organisation=org or organisation(),
        activities=list(activities),
        recipients=recipients(),
        policy=None,
        history=HistoryPosition(7, "ab" * 32),
    )


def lines_of(statement: Statement) -> list[str]:
    return body_lines(statement)


def block(statement: Statement, name: str) -> list[str]:
    lines = lines_of(statement)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"## {name} "))
    end = lines.index("", start + 2)
    return lines[start:end]


def test_the_same_register_gives_the_same_bytes() -> None:
    register = snapshot(demo(), activity(2, name="Reclame"))
    first, second = generate(register, "nl"), generate(register, "nl")
    assert render_markdown(first) == render_markdown(second)
    assert render_html(first) == render_html(second)
    assert first.front_matter.generator_version == GENERATOR_VERSION
    assert "known_at" not in "\n".join(lines_of(first))  # no timestamp in the body


def test_activities_sort_by_role_then_name_with_anchors_and_processors_apart() -> None:
    register = snapshot(
        activity(3, name="zeta"),
        activity(4, name="Äpfel"),
        activity(5, name="App voor klanten", role="processor", controllers=["Klant B.V."]),
    )
    lines = lines_of(generate(register, "nl"))
    headings = [line for line in lines if line.startswith("## ") and "{#act-" in line]
    assert headings == [
        f"## Äpfel {{#act-{uuid.UUID(int=104)}}}",
        f"## zeta {{#act-{uuid.UUID(int=103)}}}",
    ]
    processor = lines[lines.index("## Verwerking in opdracht van klanten") + 2]
    assert processor.startswith(
        "- Voor App voor klanten verwerken wij persoonsgegevens in opdracht van Klant B.V.;"
    )


def test_each_element_is_one_line_in_the_phrase_tables_words() -> None:
    lines = block(generate(snapshot(demo()), "nl"), "Een live demo boeken")
    assert lines[2:] == [
        "- Doel: Ons voorbereiden op de demo. Grondslag: toestemming (art. 6 lid 1 sub a AVG); "
        "je kunt deze altijd intrekken.",
        "- Welke gegevens: e-mailadres, naam, Telefoonnummer.",
        "- Over wie: Websitebezoekers.",
        "- Ontvangers: hostingpartij (Hostingpartij).",
        "- Wij geven deze gegevens niet door naar landen buiten de Europese Economische Ruimte.",
        "- Bewaartermijn: uiterlijk 2 jaar na ontvangst van de gegevens.",
    ]


def test_english_uses_the_english_phrases() -> None:
    lines = block(generate(snapshot(demo()), "en"), "Een live demo boeken")
    assert "- Retention: at most 2 years after ontvangst van de gegevens." in lines
    assert "- Recipients: hosting provider (Hostingpartij)." in lines
    assert any(
        line.endswith("Legal basis: consent (Art. 6(1)(a) GDPR); you can withdraw it at any time.")
        for line in lines
    )


def test_gaps_show_as_markers_and_warnings() -> None:
    gaps = activity(
        2,
        name="Reclame",
        purposes=[{"description": "Reclame sturen", "legal_basis": None}],
        data_categories=["e-mailadres"],
        data_subjects=["Klanten"],
    )
    statement = generate(snapshot(gaps), "nl")
    assert block(statement, "Reclame")[2:] == [
        "- Doel: Reclame sturen. Grondslag: [GRONDSLAG NIET VASTGELEGD].",
        "- Welke gegevens: e-mailadres.",
        "- Over wie: Klanten.",
        "- [ONTVANGERS NIET VASTGELEGD]",
        "- [DOORGIFTE NIET VASTGELEGD]",
        "- Bewaartermijn: [BEWAARTERMIJN NIET VASTGELEGD].",
    ]
    found = {(w.marker, w.check, w.field) for w in statement.warnings if w.entry_id == gaps.id}
    assert found == {
        ("[GRONDSLAG NIET VASTGELEGD]", "CHK-LEGAL-BASIS-MISSING", "purposes[0]"),
        ("[ONTVANGERS NIET VASTGELEGD]", None, "recipients"),
        ("[DOORGIFTE NIET VASTGELEGD]", "CHK-TRANSFER-UNRECORDED", "transfers"),
        ("[BEWAARTERMIJN NIET VASTGELEGD]", "CHK-RETENTION-MISSING", "retention"),
    }
    english = [w.marker for w in generate(snapshot(gaps), "en").warnings]
    assert "[LEGAL BASIS NOT RECORDED]" in english and "[RETENTION NOT RECORDED]" in english


def test_none_reads_otherwise_than_not_recorded() -> None:
    nothing = activity(2, name="Niets", recipients=[], transfers=[], retention=[])
    lines = block(generate(snapshot(nothing), "nl"), "Niets")
    assert "- Wij verstrekken deze gegevens niet aan anderen." in lines
    assert "- Bewaartermijn: wij bewaren deze gegevens niet." in lines
    for gap in ("ONTVANGERS", "DOORGIFTE", "BEWAARTERMIJN"):
        assert not any(f"[{gap} NIET VASTGELEGD]" in line for line in lines)


def test_transfers_name_country_and_safeguard() -> None:
    abroad = demo(
        transfers=[
            {"country": "US", "safeguard": "adequacy_decision", "recipient": str(CLOUD)},
            {"country": "IN", "safeguard": "standard_contractual_clauses"},
            {"country": "BR", "safeguard": "art49_1_a"},
            {"country": "JP", "safeguard": None},
        ]
    )
    lines = block(generate(snapshot(abroad), "nl"), "Een live demo boeken")
    assert (
        "- Doorgifte naar Verenigde Staten: Wolk Inc. is gecertificeerd onder het EU-VS Data "
        "Privacy Framework, waarvoor het adequaatheidsbesluit van 10 juli 2023 geldt." in lines
    )
    assert any(
        line.startswith("- Doorgifte naar India: wij hebben de standaardcontractbepalingen")
        and "info@opgelucht.app" in line
        for line in lines
    )
    assert any("art. 49 lid 1 sub a AVG (uitdrukkelijke toestemming)" in line for line in lines)
    assert "- Doorgifte naar Japan: [WAARBORG NIET VASTGELEGD]." in lines


def test_dpo_status_designated_not_required_and_unknown() -> None:
    def dpo_line(dpo: dict[str, Any] | None, language: str = "nl") -> str:
        lines = lines_of(generate(snapshot(org=organisation(dpo=dpo)), language))
        heading = (
            "Functionaris gegevensbescherming" if language == "nl" else "Data protection officer"
        )
        return lines[lines.index(f"## {heading}") + 2]

    assert dpo_line({"status": "designated", "email": "fg@example.nl"}) == (
        "- Onze functionaris gegevensbescherming is bereikbaar via fg@example.nl."
    )
    assert dpo_line({"status": "not_required"}) == (
        "- Wij hebben geen functionaris gegevensbescherming aangesteld."
    )
    assert dpo_line(None) == "- [FG-STATUS NIET VASTGELEGD]"
    assert dpo_line(None, "en") == "- [DPO STATUS NOT RECORDED]"


def test_rights_and_complaint_are_complete() -> None:
    text = "\n".join(lines_of(generate(snapshot(demo()), "nl")))
    for article in ("art. 15", "art. 16", "art. 17", "art. 18", "art. 20", "art. 21"):
        assert article in text
    assert "Je kunt je toestemming altijd intrekken" in text  # the demo rests on consent
    assert "binnen een maand, met een mogelijke verlenging van twee maanden" in text
    assert "Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl)" in text
    without_consent = "\n".join(lines_of(generate(snapshot(activity(2, name="X")), "nl")))
    assert "toestemming altijd intrekken" not in without_consent


def test_free_text_is_escaped_in_markdown_and_html() -> None:
    hostile = activity(2, name="# <script>alert(1)</script>", data_subjects=["*vet* [link](x)"])
    statement = generate(snapshot(hostile), "nl")
    markdown = render_markdown(statement)
    assert "\\<script\\>" in markdown and "\\*vet\\* \\[link\\](x)" in markdown
    page = render_html(statement)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_every_line_maps_to_its_entry_field_and_rule() -> None:
    register = snapshot(demo())
    document = statement_json(generate(register, "nl"))
    retention = next(
        line for line in document["lines"] if line["text"].startswith("- Bewaartermijn")
    )
    assert retention["entry_id"] == str(uuid.UUID(int=101))
    assert retention["field"] == "retention[0].period"
    assert retention["rule"] == "NOTICE-RETENTION"
    assert [line["n"] for line in document["lines"]] == list(range(1, len(document["lines"]) + 1))
    assert document["front_matter"]["position"] == 7


def test_the_statement_diff_shows_the_one_changed_line_with_its_provenance() -> None:
    before = generate(snapshot(demo()), "nl")
    shorter = demo(
        retention=[
            {
                "period": "P1Y",
                "kind": "maximum",
                "trigger": "ontvangst van de gegevens",
                "trigger_role": "starts",
            }
        ]
    )
    after = generate(snapshot(shorter), "nl")
    diff = statement_diff(before, after)
    assert [(c["how"], c["text"]) for c in diff["changes"]] == [
        ("removed", "- Bewaartermijn: uiterlijk 2 jaar na ontvangst van de gegevens."),
        ("added", "- Bewaartermijn: uiterlijk 1 jaar na ontvangst van de gegevens."),
    ]
    assert {c["field"] for c in diff["changes"]} == {"retention[0].period"}
    assert "-- Bewaartermijn: uiterlijk 2 jaar" in diff["unified"]
    assert statement_diff(before, before)["changes"] == []


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        generate(snapshot(), "de")


def test_word_diff_marks_words_not_lines() -> None:
    diff = word_diff(
        "Uiterlijk 2 jaar na ontvangst verwijderen wij die.",
        "Uiterlijk 1 jaar na ontvangst verwijderen wij die & meer.",
    )
    assert diff.unified == "Uiterlijk [-2-]{+1+} jaar na ontvangst verwijderen wij die{+ & meer+}."
    assert "<del>2</del><ins>1</ins>" in diff.html and "&amp;" in diff.html
    assert (diff.count(-1), diff.count(1)) == (1, 2)
