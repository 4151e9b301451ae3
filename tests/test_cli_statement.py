"""``ropa statement``: the generated privacy statement from the command line, on each engine."""

from __future__ import annotations

import json


def test_statement_as_markdown_json_and_html(ropa, tmp_path) -> None:
    ropa("load-example")
    status, out, _ = ropa("statement", "--as-of", "2023-10-24")
    assert status == 0 and "# Privacyverklaring Opgelucht" in out
    assert "- Bewaartermijn: uiterlijk 2 jaar na ontvangst van de gegevens." in out
    status, out, _ = ropa("statement", "--as-of", "2023-10-24", "--lang", "en", "--format", "json")
    document = json.loads(out)
    assert status == 0 and document["front_matter"]["language"] == "en"
    assert any(w["marker"] == "[LEGAL BASIS NOT RECORDED]" for w in document["warnings"])
    target = tmp_path / "statement.html"
    status, out, _ = ropa("statement", "--format", "html", "-o", str(target))
    assert status == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_known_at_still_to_come_is_refused(ropa) -> None:
    status, _, err = ropa("statement", "--known-at", "2999-01-01")
    assert status == 1 and "later than now" in err
