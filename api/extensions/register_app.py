"""The register application behind the API: the one given to the app factory, or one opened
from ``ROPA_DATABASE_URL`` at the first request that needs it.

Opening lazily lets ``flask openapi write`` build the document without touching a database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Flask, current_app

from register.application.service import RegisterApplication

EXTENSION = "register"


class RegisterHolder:
    def __init__(self, factory: Callable[[], RegisterApplication]) -> None:
        self._factory = factory
        self._register: RegisterApplication | None = None
        self._lock = threading.Lock()

    def get(self) -> RegisterApplication:
        if self._register is None:
            with self._lock:
                if self._register is None:
                    self._register = self._factory()
        return self._register


def install(app: Flask, register: RegisterApplication | None) -> None:
    app.extensions[EXTENSION] = RegisterHolder(
        (lambda: register) if register is not None else RegisterApplication
    )


def current_register() -> RegisterApplication:
    holder: RegisterHolder = current_app.extensions[EXTENSION]
    return holder.get()
