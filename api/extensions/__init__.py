"""The project's extensions of Flask and flask-smorest: problem details, authentication, the
ETag policy, request ids and the docs assets."""

from api.extensions.smorest import Api, Blueprint, Schema

__all__ = ["Api", "Blueprint", "Schema"]
