"""The register service behind the API: the one given to the app factory, or one bootstrapped
from the app's settings at the first request that needs it.

Opening lazily lets ``flask openapi write`` build the document without touching a database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

from flask import Flask, current_app

from register.application.service import Service
from register.bootstrap import bootstrap
from register.settings import Settings

EXTENSION = "register"


class ServiceHolder:
    def __init__(self, factory: Callable[[], Service]) -> None:
        self._factory = factory
        self._service: Service | None = None
        self._lock = threading.Lock()

    def get(self) -> Service:
        if self._service is None:
            with self._lock:
                if self._service is None:
                    self._service = self._factory()
        return self._service


def install(app: Flask, service: Service | None, settings: Settings) -> None:
    app.extensions[EXTENSION] = ServiceHolder(
        (lambda: service) if service is not None else partial(bootstrap, settings)
    )


def current_service() -> Service:
    holder: ServiceHolder = current_app.extensions[EXTENSION]
    return holder.get()
