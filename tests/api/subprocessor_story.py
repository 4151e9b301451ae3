"""One history both the work list and the sub-processor notices are tested on: the example
register, then through the API a new US sub-processor and a new client for the app, a changed
newsletter retention, and advertising retired, each recorded an hour after the one before."""

from __future__ import annotations

from dataclasses import dataclass

from register.application.service import Service
from register.domain.kinds import EntryKind
from register.importers.example import example_id, load_example
from tests.api.client import ApiClient
from tests.support import FakeClock

APP = example_id(EntryKind.ACTIVITY, "client_app")
NEWSLETTER = example_id(EntryKind.ACTIVITY, "newsletter")
ADVERTISING = example_id(EntryKind.ACTIVITY, "advertising")
SUBPROCESSOR_FROM = "2026-04-15"
CLIENT = "Stichting Veilig Werk"
CLIENT_EMAIL = "privacy@veiligwerk.example"
SUBPROCESSOR = "ChatCloud Inc."


@dataclass(frozen=True)
class Story:
    loaded_at: str
    changed_at: str  # after every change, before any mark
    subprocessor_id: str


def record_story(api: ApiClient, service: Service, clock: FakeClock) -> Story:
    load_example(service, say=lambda _: None)
    loaded_at = service.reader.now().isoformat()
    clock.advance(hours=1)
    chat = api.register(
        "recipients",
        {
            "name": SUBPROCESSOR,
            "category": "feedback_and_communication_platform",
            "legal_role": "sub_processor",
            "country": "US",
            "effective_from": SUBPROCESSOR_FROM,
        },
    )
    clock.advance(hours=1)
    app = api.get(f"/api/v1/activities/{APP}").get_json()
    changed = api.patch(
        f"/api/v1/activities/{APP}",
        {
            "recipients": [*app["recipients"], {"recipient": chat["id"], "role": "sub_processor"}],
            "controllers": [
                *app["controllers"],
                {"name": CLIENT, "contact": {"email": CLIENT_EMAIL}},
            ],
            "effective_from": SUBPROCESSOR_FROM,
            "reason": "Chat moves to ChatCloud",
        },
        version=app["version"],
    )
    assert changed.status_code == 200, changed.get_json()
    clock.advance(hours=1)
    newsletter = api.get(f"/api/v1/activities/{NEWSLETTER}").get_json()
    kept = api.patch(
        f"/api/v1/activities/{NEWSLETTER}",
        {"retention": [{"period": "P1Y", "trigger": "het abonnement wordt opgezegd"}]},
        version=newsletter["version"],
    )
    assert kept.status_code == 200, kept.get_json()
    clock.advance(hours=1)
    advertising = api.get(f"/api/v1/activities/{ADVERTISING}").get_json()
    retired = api.post(
        f"/api/v1/activities/{ADVERTISING}/retire", {}, version=advertising["version"]
    )
    assert retired.status_code == 200, retired.get_json()
    clock.advance(hours=1)
    return Story(loaded_at, service.reader.now().isoformat(), chat["id"])
