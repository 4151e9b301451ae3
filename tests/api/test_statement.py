"""GET /api/v1/register/statement on the example register, on each engine: Markdown, HTML and JSON
in both languages, and the README's backdated correction changing exactly one line."""

from __future__ import annotations

import difflib
from typing import Any

import pytest

from register.application.service import Service
from register.domain.instants import rfc3339
from register.domain.kinds import EntryKind
from register.importers.example import example_id, load_example
from tests.api.client import ApiClient, problem
from tests.support import FakeClock

STATEMENT = "/api/v1/register/statement"
DAY = "2023-10-24"
DEMO = example_id(EntryKind.ACTIVITY, "live_demo")
DEMO_RETENTION = "- Bewaartermijn: uiterlijk {} na ontvangst van de gegevens."


@pytest.fixture
def example(api: ApiClient, service: Service) -> ApiClient:
    load_example(service, say=lambda _: None)
    return api


def statement(api: ApiClient, **query: Any) -> Any:
    response = api.get(STATEMENT, as_of=DAY, **query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


def test_markdown_in_dutch_says_what_the_register_says(example: ApiClient) -> None:
    response = statement(example, lang="nl", format="md")
    assert response.mimetype == "text/markdown"
    text = response.get_data(as_text=True)
    assert "# Privacyverklaring Opgelucht\n" in text
    assert f"## Een live demo boeken {{#act-{DEMO}}}\n" in text
    assert DEMO_RETENTION.format("2 jaar") + "\n" in text
    assert "- Doel: Reclame sturen over aanbiedingen" in text
    assert "Grondslag: [GRONDSLAG NIET VASTGELEGD]." in text
    assert "## Verwerking in opdracht van klanten" in text
    assert 'generator_version: "statement/1"' in text
    assert text == statement(example, lang="nl", format="md").get_data(as_text=True)


def test_html_in_english_is_one_escaped_page(example: ApiClient) -> None:
    response = statement(example, lang="en", format="html")
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<h1" in page and "Privacy statement Opgelucht</h1>" in page
    assert '<mark class="gap">[LEGAL BASIS NOT RECORDED]</mark>' in page
    assert "<script" not in page and "http" not in page.split("<body>")[0]


def test_json_maps_lines_to_entries_fields_and_rules(example: ApiClient) -> None:
    document = statement(example, lang="nl").get_json()
    matter = document["front_matter"]
    assert matter["as_of"] == DAY and matter["language"] == "nl"
    assert matter["register_digest"].startswith("sha256:") and matter["head_digest"]
    line = next(n for n in document["lines"] if n["text"] == DEMO_RETENTION.format("2 jaar"))
    assert (line["entry_id"], line["field"], line["rule"]) == (
        str(DEMO),
        "retention[0].period",
        "NOTICE-RETENTION",
    )
    markers = {w["marker"] for w in document["warnings"]}
    assert {"[GRONDSLAG NIET VASTGELEGD]", "[FG-STATUS NIET VASTGELEGD]"} <= markers


def test_a_bad_language_is_refused(example: ApiClient) -> None:
    problem(example.get(STATEMENT, lang="de"), 422)


def test_the_backdated_demo_correction_changes_exactly_its_retention_line(
    example: ApiClient, service: Service, clock: FakeClock
) -> None:
    before = rfc3339(service.reader.now())
    clock.advance(minutes=5)
    read = example.get(f"/api/v1/activities/{DEMO}", as_of=DAY)
    rule = {  # the README's correction, word for word
        "period": "P1Y",
        "kind": "maximum",
        "trigger": "ontvangst van de gegevens",
        "trigger_role": "starts",
    }
    corrected = example.patch(
        f"/api/v1/activities/{DEMO}",
        {
            "retention": [rule],
            "effective_from": DAY,
            "reason": "Booking records were always deleted after one year",
        },
        version=read.headers["ETag"],
    )
    assert corrected.status_code == 200, corrected.get_json()
    old = statement(example, lang="nl", known_at=before).get_json()["lines"]
    new = statement(example, lang="nl").get_json()["lines"]
    changed = [
        line
        for line in difflib.unified_diff(
            [n["text"] for n in old], [n["text"] for n in new], lineterm="", n=0
        )
        if line[:1] in "+-" and not line.startswith(("---", "+++"))
    ]
    assert changed == [
        "-" + DEMO_RETENTION.format("2 jaar"),
        "+" + DEMO_RETENTION.format("1 jaar"),
    ]
