"""Swagger UI served from the files the ``swagger-ui-bundle`` package installs: the machines
this runs on have no internet, so the docs page must not reach for a CDN."""

from __future__ import annotations

from flask import Blueprint, send_from_directory
from swagger_ui_bundle import swagger_ui_path

ASSETS_URL = "/docs/assets/"

assets = Blueprint("docs_assets", __name__, url_prefix=ASSETS_URL.rstrip("/"))


@assets.get("/<path:filename>")
def asset(filename: str):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)
