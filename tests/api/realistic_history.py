"""The history issue 9 asks the whole of "what changed" to be shown on: the example register of
24 October 2023, then through the API, an hour apart, a new US sub-processor for the app, the
newsletter's retention changed, advertising retired, a backdated correction of the demo
retention from two years to one, a new client controller for the app, and a new revision of
the statement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from register.application.service import Service
from register.domain.kinds import EntryKind
from register.importers.example import example_id, load_example
from tests.api.client import ApiClient
from tests.support import FakeClock

STATEMENT_DAY = "2023-10-24"
APP = example_id(EntryKind.ACTIVITY, "client_app")
NEWSLETTER = example_id(EntryKind.ACTIVITY, "newsletter")
ADVERTISING = example_id(EntryKind.ACTIVITY, "advertising")
DEMO = example_id(EntryKind.ACTIVITY, "live_demo")
SUBPROCESSOR = "ChatCloud Inc."
CLIENT = "Gemeente Voorbeeld"
CLIENT_EMAIL = "fg@voorbeeld.example"
DEMO_CORRECTION = {
    "retention": [
        {
            "period": "P1Y",
            "kind": "maximum",
            "trigger": "ontvangst van de gegevens",
            "trigger_role": "starts",
        }
    ],
    "effective_from": STATEMENT_DAY,
    "reason": "Booking records were always deleted after one year; the statement overstated it",
}


@dataclass(frozen=True)
class History:
    published_at: str  # the example on record, as the statement of 24 October 2023 describes it
    today: str
    subprocessor_id: str


def _amend(api: ApiClient, entry_id: object, body: dict[str, Any]) -> None:
    url = f"/api/v1/activities/{entry_id}"
    current = api.get(url).get_json()
    answer = api.patch(url, body, version=current["version"])
    assert answer.status_code == 200, answer.get_json()


def record_history(api: ApiClient, service: Service, clock: FakeClock) -> History:
    load_example(service, say=lambda _: None)
    published_at = service.reader.now().isoformat().replace("+00:00", "Z")
    clock.advance(hours=1)
    chat = api.register(
        "recipients",
        {
            "name": SUBPROCESSOR,
            "category": "feedback_and_communication_platform",
            "legal_role": "sub_processor",
            "country": "US",
        },
    )
    app = api.get(f"/api/v1/activities/{APP}").get_json()
    _amend(
        api,
        APP,
        {"recipients": [*app["recipients"], {"recipient": chat["id"], "role": "sub_processor"}]},
    )
    clock.advance(hours=1)
    _amend(
        api,
        NEWSLETTER,
        {"retention": [{"period": "P1Y", "kind": "maximum", "trigger": "de laatste nieuwsbrief"}]},
    )
    clock.advance(hours=1)
    advertising = api.get(f"/api/v1/activities/{ADVERTISING}").get_json()
    retired = api.post(
        f"/api/v1/activities/{ADVERTISING}/retire",
        {"reason": "We no longer advertise"},
        version=advertising["version"],
    )
    assert retired.status_code == 200, retired.get_json()
    clock.advance(hours=1)
    _amend(api, DEMO, DEMO_CORRECTION)
    clock.advance(hours=1)
    app = api.get(f"/api/v1/activities/{APP}").get_json()
    client = {"name": CLIENT, "contact": {"email": CLIENT_EMAIL}}
    _amend(api, APP, {"controllers": [*app["controllers"], client]})
    clock.advance(hours=1)
    revision = api.post(
        "/api/v1/policies",
        {
            "title": "Privacy- en cookieverklaring Opgelucht",
            "language": "nl",
            "text": "# Privacyverklaring\n\nDe herziene verklaring.",
            "reason": "Revised after the register changes",
        },
    )
    assert revision.status_code == 201, revision.get_json()
    clock.advance(hours=1)
    return History(published_at, service.reader.today().isoformat(), chat["id"])
