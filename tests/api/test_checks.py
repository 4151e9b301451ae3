"""GET /api/v1/checks and ``ropa check`` on the example register (Opgelucht, statement of
24 October 2023), on both engines: exactly the gaps the statement really has, and no others."""

from __future__ import annotations

from collections import Counter

import pytest

from register.cli import main
from register.domain.kinds import EntryKind
from register.importers.example import example_id, load_example
from tests.api.client import ApiClient, problem

DAY = "2023-10-24"
DISCLOSE_MISUSE = (
    "Doorgeven bij een vermoeden van schending van onze voorwaarden of andere illegale activiteiten"
)
DISCLOSE_RESTRUCTURING = "Doorgeven bij een fusie, faillissement of reorganisatie"
DISCLOSE_LAW = "Verstrekking op grond van een wettelijke verplichting (bijvoorbeeld aan de politie)"
DISCLOSURES = (DISCLOSE_MISUSE, DISCLOSE_RESTRUCTURING, DISCLOSE_LAW)
CONTACT = "Contact en feedback"
PROSPECTS = "Potentiële klanten"
DEMO = "Een live demo boeken"
NEWSLETTER = "Verzenden van nieuwsbrieven"
RECRUITMENT = "Werving en selectie van nieuw personeel"
ADVERTISING = "Reclame"
ANALYTICS = "Analytische cookies: Matomo Analytics"
RESEARCH = "Wetenschappelijk onderzoek en statistiek op gepseudonimiseerde gegevens"
APP = "App voor ondersteuning bij ongewenst gedrag (in opdracht van klantorganisaties)"
COOKIES = "Functionele cookies en scripts op onze website"
REQUESTS = "Afhandelen van verzoeken van betrokkenen"
PROCESSORS = (
    "Hostingpartij",
    "Softwareontwikkelaars",
    "IT-dienstverleners",
    "Betalingsdienstverlener",
    "Feedback en communicatieplatform",
)

# (code, entry name) -> how many times. Each line cites what the statement says (or does not).
EXPECTED = Counter(
    {
        # The statement promises "Per doeleinde wordt aangegeven ... wat hiervan het doel en de
        # grondslag is", yet names a basis only for the demo and the newsletter ("Als je ons
        # toestemming geeft"), the extra year of recruitment ("met jouw toestemming"), the
        # employment contract (inferred) and the disclosure "wij dat wettelijk verplicht zijn".
        # Its five grounds for disclosure are listed for the register as a whole, not per
        # activity. Every other purpose of a controller activity lacks one. Not the App:
        # Art. 30(2) asks a processor for no basis.
        ("CHK-LEGAL-BASIS-MISSING", CONTACT): 4,
        ("CHK-LEGAL-BASIS-MISSING", PROSPECTS): 1,
        # In behandeling nemen, social-media onderzoek ("noodzakelijk ... imago": a reason, no
        # basis), assessment, contact bij proeftijd.
        ("CHK-LEGAL-BASIS-MISSING", RECRUITMENT): 4,
        ("CHK-LEGAL-BASIS-MISSING", ADVERTISING): 2,
        ("CHK-LEGAL-BASIS-MISSING", ANALYTICS): 2,
        ("CHK-LEGAL-BASIS-MISSING", RESEARCH): 2,
        ("CHK-LEGAL-BASIS-MISSING", DISCLOSE_MISUSE): 1,
        ("CHK-LEGAL-BASIS-MISSING", DISCLOSE_RESTRUCTURING): 1,
        ("CHK-LEGAL-BASIS-MISSING", COOKIES): 1,
        ("CHK-LEGAL-BASIS-MISSING", REQUESTS): 2,
        # No retention in the statement for Reclame, Matomo, research, the functional cookies,
        # the handling of requests, or any of the three disclosures. Not the newsletter ("tot
        # het abonnement wordt opgezegd" is the criterion Art. 13(2)(a) allows), not the App
        # (Art. 30(2) asks none).
        ("CHK-RETENTION-MISSING", ADVERTISING): 1,
        ("CHK-RETENTION-MISSING", ANALYTICS): 1,
        ("CHK-RETENTION-MISSING", RESEARCH): 1,
        ("CHK-RETENTION-MISSING", COOKIES): 1,
        ("CHK-RETENTION-MISSING", REQUESTS): 1,
        **{("CHK-RETENTION-MISSING", name): 1 for name in DISCLOSURES},
        # "Wij geven jouw persoonsgegevens ook door als ..." and "in verband met een fusie,
        # faillissement ..." and "als de politie dat eist": whose data and which data, the
        # statement does not say.
        **{("CHK-DATA-SUBJECTS-MISSING", name): 1 for name in DISCLOSURES},
        **{("CHK-DATA-CATEGORIES-MISSING", name): 1 for name in DISCLOSURES},
        # "De volgende derden verwerken jouw persoonsgegevens: ... onze hostingpartij; onze
        # softwareontwikkelaars; onze IT-dienstverleners; onze betalingsdienstverlener; ons
        # feedback en communicatieplatform": processors, and no agreement with them is
        # mentioned. Not the cookie-dienstverleners: their role is not stated (D3).
        **{("CHK-PROCESSOR-NO-DPA", name): 1 for name in PROCESSORS},
        # "Dit doen wij dus als IT-dienstverlener/ app-leverancier in opdracht van een
        # bedrijf/organisatie": no client is named, nor how to reach it (Art. 30(2)(a)).
        ("CHK-PROC-CONTROLLERS", APP): 1,
        # "Als je ons toestemming geeft" (demo, 3 purposes), "Alleen als wij hiervoor jouw
        # toestemming hebben" (newsletter, 2), "met jouw toestemming ... nog een jaar langer"
        # (recruitment, 1): where those consents are recorded, the statement does not say.
        ("CHK-CONSENT-RECORD", DEMO): 3,
        ("CHK-CONSENT-RECORD", NEWSLETTER): 2,
        ("CHK-CONSENT-RECORD", RECRUITMENT): 1,
        # "bewaren we deze gegevens voor een periode van 2 jaar": from when, it does not say.
        ("CHK-RETENTION-START", PROSPECTS): 1,
        # No country is named for any third party; each linked one may be outside the EEA.
        **{
            ("CHK-RECIPIENT-COUNTRY-UNKNOWN", name): 1
            for name in (
                "Hostingpartij",
                "Softwareontwikkelaars",
                "IT-dienstverleners",
                "Feedback en communicatieplatform",
                "Cookie-dienstverleners (niet nader genoemd)",
                "Bevoegde instanties (bijvoorbeeld de politie)",
                "Overnemende partij of rechtsopvolger bij een fusie of reorganisatie "
                "(niet nader genoemd)",
                "Curator bij een faillissement (niet nader genoemd)",
            )
        },
        # "onze betalingsdienstverlener", yet no processing in which anyone pays is described.
        ("CHK-ORPHAN-RECIPIENT", "Betalingsdienstverlener"): 1,
    }
)
# Not raised, rightly: no country or transfer is named (no Chapter V finding); no special or
# criminal data and no DPIA are recorded; the organisation has a name, an address and
# info@opgelucht.app, and no DPO is designated (Art. 13(1)(b) asks one only where there is
# one); no purpose rests on a legitimate interest; the statement of 24 October 2023 is in effect
# and every entry takes effect that day, so it is neither missing nor stale.


@pytest.fixture
def example(service, api: ApiClient) -> ApiClient:
    load_example(service, say=lambda _: None)
    return api


def _pairs(body: dict) -> Counter:
    return Counter((f["code"], f["name"]) for f in body["findings"])


def test_the_example_has_exactly_the_gaps_its_statement_has(example: ApiClient, auditor) -> None:
    response = auditor.get("/api/v1/checks", as_of=DAY)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert _pairs(body) == EXPECTED
    assert body["counts"] == {"must": 40, "check": 6, "info": 10}
    assert body["as_of"] == DAY and body["policy_baseline"]["as_of"] == DAY
    assert all(not f["baseline"] for f in body["findings"])


def test_the_answer_is_reproducible_and_speaks_dutch(example: ApiClient) -> None:
    known_at = example.get("/api/v1/checks", as_of=DAY).get_json()["known_at"]
    first = example.get("/api/v1/checks", as_of=DAY, known_at=known_at, lang="nl").get_json()
    again = example.get("/api/v1/checks", as_of=DAY, known_at=known_at, lang="nl").get_json()
    assert first == again and first["digest"].startswith("sha256:")
    texts = {f["code"]: f["text"] for f in first["findings"]}
    assert texts["CHK-RETENTION-START"] == (
        "Voor 'Potentiële klanten' staat niet vanaf welk moment de bewaartermijn loopt."
    )
    english = example.get("/api/v1/checks", as_of=DAY, known_at=known_at).get_json()
    assert [f["id"] for f in english["findings"]] == [f["id"] for f in first["findings"]]


def test_a_backdated_correction_makes_the_statement_stale(example: ApiClient) -> None:
    demo = example_id(EntryKind.ACTIVITY, "live_demo")
    shorter = [{"period": "P1Y", "kind": "maximum", "trigger": "ontvangst van de gegevens"}]
    response = example.patch(
        f"/api/v1/activities/{demo}",
        {"retention": shorter, "effective_from": DAY, "reason": "Bewaartermijn is 1 jaar."},
        version=1,
    )
    assert response.status_code == 200, response.get_json()
    body = example.get("/api/v1/checks", as_of=DAY).get_json()
    (stale,) = [f for f in body["findings"] if f["code"] == "CHK-POLICY-STALE"]
    assert stale["severity"] == "must" and "1 later register changes" in stale["text"]


def test_checks_take_no_unknown_parameter_and_need_a_token(example: ApiClient) -> None:
    problem(example.get("/api/v1/checks", lang="de"), 422)
    problem(example.with_token(None).get("/api/v1/checks"), 401)


def test_ropa_check_exits_1_while_a_must_is_open(
    example: ApiClient, database_url: str, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("ROPA_DATABASE_URL", database_url)
    assert main(["check", "--as-of", DAY]) == 1
    assert "40 must, 6 check, 10 info" in capsys.readouterr().out
    assert main(["check", "--as-of", "2000-01-01", "--format", "json"]) == 1  # no organisation


def test_ropa_check_exits_0_without_a_must(api: ApiClient, database_url: str, monkeypatch) -> None:
    body = {"name": "Cinnux B.V.", "contact": {"email": "info@opgelucht.app"}}
    assert api.put("/api/v1/organisation", body).status_code == 201
    monkeypatch.setenv("ROPA_DATABASE_URL", database_url)
    assert main(["check", "--lang", "nl"]) == 0
