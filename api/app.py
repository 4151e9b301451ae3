"""The Flask app factory: the one place where the web layer meets the application."""

from __future__ import annotations

from flask import Flask

from api.extensions import Api, docs_assets, register_app, request_ids, security_headers
from api.resources import BLUEPRINTS
from register.application.service import Service
from register.settings import Settings

DESCRIPTION = """\
The register of processing activities (GDPR Article 30), event-sourced and bitemporal.

Every read takes `as_of` (the day the register is in effect) and `known_at` (the instant it was
recorded). Every write to an existing entry sends `If-Match` with the ETag it read. Every error
is `application/problem+json` (RFC 9457); invalid input lists each field in `errors`.
Authenticate with `Authorization: Bearer <token>` (`ropa token create`).
"""

CONFIG = {
    "API_TITLE": "The register",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs",
    "OPENAPI_SWAGGER_UI_URL": docs_assets.ASSETS_URL,
    "API_SPEC_OPTIONS": {"info": {"description": DESCRIPTION}},
}


def create_app(register: Service | None = None, settings: Settings | None = None) -> Flask:
    """The API over ``register``, or over one bootstrapped from ``settings`` when first needed.

    Without ``settings`` the app takes the register's, so that the body limit and the log level
    agree with the store it serves; with neither, it reads them from the environment.
    """
    if settings is None:
        settings = register.settings if register is not None else Settings.from_environment()
    app = Flask("ropa")
    app.config.update(CONFIG, MAX_CONTENT_LENGTH=settings.max_body_bytes)
    app.logger.setLevel(settings.log_level)
    register_app.install(app, register, settings)
    request_ids.install(app)
    security_headers.install(app)
    app.register_blueprint(docs_assets.assets)
    api = Api(app)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    return app
