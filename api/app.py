"""The Flask app factory: the one place where the web layer meets the application."""

from __future__ import annotations

from flask import Flask

from register.application import RegisterApplication


def create_app(register: RegisterApplication | None = None) -> Flask:
    app = Flask("ropa")
    app.extensions["register"] = register or RegisterApplication()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
