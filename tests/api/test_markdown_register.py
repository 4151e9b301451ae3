"""GET /api/v1/register?format=md: the new Article 30 model as people read it, on each engine."""

from __future__ import annotations

from typing import Any

from register.domain.catalogue import spec
from register.domain.kinds import EntryKind
from tests.api.client import ApiClient

ACTIVITY = spec(EntryKind.ACTIVITY)


def activity(**fields: Any) -> dict[str, Any]:
    return {"name": "Werving en selectie", "role": "controller", **fields}


def markdown(api: ApiClient, lang: str) -> str:
    response = api.get("/api/v1/register", format="md", lang=lang)
    assert response.status_code == 200 and response.mimetype == "text/markdown"
    return response.get_data(as_text=True)


def section(rendered: str, heading: str) -> str:
    return rendered.split(f"### {heading}\n", 1)[1].split("\n#", 1)[0]


def test_terms_periods_countries_and_recipients_read_as_words(api: ApiClient) -> None:
    host = api.register("recipients", {"name": "Wolk B.V.", "category": "hosting"})
    api.register(
        "activities",
        activity(
            purposes=[{"description": "Sollicitanten beoordelen", "legal_basis": "Consent"}],
            recipients=[{"recipient": host["id"], "role": "sub_processor"}],
            transfers=[{"country": "US", "safeguard": "standard_contractual_clauses"}],
            retention=[{"period": "P3M", "trigger": "einde van de procedure"}],
        ),
    )
    dutch = section(markdown(api, "nl"), "Werving en selectie")
    assert "  - **Doel**: Sollicitanten beoordelen\n    - **Grondslag**: toestemming" in dutch
    assert "  - **Land**: Verenigde Staten" in dutch
    assert "  - **Termijn**: 3 maanden\n    - **Gebeurtenis**: einde van de procedure" in dutch
    assert "  - Wolk B.V.\n    - **Rol bij deze verwerking**: subverwerker" in dutch
    english = section(markdown(api, "en"), "Werving en selectie")
    for words in ("**Legal basis**: consent", "**Period**: 3 months", "United States"):
        assert words in english
    for code in ("Consent", "P3M", host["id"]):
        assert code not in dutch + english


def test_every_field_shows_and_null_differs_from_an_empty_list(api: ApiClient) -> None:
    api.register("activities", activity(name="Onbekend"))
    api.register("activities", activity(name="Niets", recipients=[], transfers=[], retention=[]))
    rendered = markdown(api, "nl")
    unknown, nothing = section(rendered, "Onbekend"), section(rendered, "Niets")
    for field in ACTIVITY.fields:
        if not (field.article30 or "").startswith("30(2)") and field.name != "joint_controllers":
            assert f"- **{field.labels['nl']}**:" in unknown, field.name
    for name in ("recipients", "transfers", "retention"):
        assert f"- **{ACTIVITY.field(name).labels['nl']}**: _niet vastgelegd_" in unknown
    assert "- **Ontvangers**: _geen_" in nothing
    assert "- **Doorgifte buiten de EER**: _geen_" in nothing
    assert "- **Bewaartermijnen**: _de gegevens worden niet bewaard_" in nothing
    assert "_geen_" not in unknown
