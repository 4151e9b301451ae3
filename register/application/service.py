"""The register's parts as its interfaces (the API, the CLI, the importers) use them."""

from __future__ import annotations

from dataclasses import dataclass

from register.application.facade import Reader
from register.application.handlers import Commands
from register.application.maintenance import Maintenance
from register.settings import Settings
from register.store.event_store import EventStore
from register.store.tokens import TokenStore


@dataclass(frozen=True)
class Service:
    settings: Settings
    commands: Commands
    reader: Reader
    maintenance: Maintenance
    tokens: TokenStore
    store: EventStore

    def close(self) -> None:
        self.store.close()
