"""The REST API: a thin Flask layer over ``register``. It parses, calls one application method
and maps domain errors to HTTP; it holds no rule of the register."""

from api.app import create_app

__all__ = ["create_app"]
