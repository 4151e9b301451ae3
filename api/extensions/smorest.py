"""The project's Api and Blueprint: flask-smorest with problem details, strict input, bearer
roles and the ETag policy built in, so that each route only parses, calls and answers.
"""

from __future__ import annotations

import http
import json
from collections.abc import Callable, Collection
from copy import deepcopy
from functools import cache, wraps
from typing import Any

import flask_smorest
import marshmallow as ma
from flask import Flask, Response, current_app, g, request
from flask_smorest.utils import prepare_response
from webargs.core import missing
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.exceptions import HTTPException

from api.extensions import auth, versions
from api.extensions.fields import ATTRIBUTE_FUNCTIONS, FIELD_TYPES
from api.extensions.json_body import load_json
from api.extensions.problems import (
    CONFLICT,
    INTERNAL,
    LIFECYCLE_CONFLICT,
    NOT_FOUND,
    PROBLEM_JSON,
    RETRY_AFTER,
    UNAVAILABLE,
    UNSUPPORTED_MEDIA_TYPE,
    VERSION_MISMATCH,
    Problem,
    field_errors,
    invalid_command,
    invalid_fields,
    kind_for_status,
)
from register.domain.checks import unstorable
from register.domain.errors import (
    EntryNotFound,
    InvalidCommand,
    LifecycleConflict,
    RegisterError,
    VersionMismatch,
)
from register.domain.quoting import printable, shown
from register.store.database import unavailable

SECURITY_SCHEME = "bearerAuth"
WRITE_ERRORS = {412: "PRECONDITION_FAILED", 428: "PRECONDITION_REQUIRED"}


class Schema(ma.Schema):
    """Base of every schema of the API: unknown fields are refused, never ignored."""

    class Meta:
        unknown = ma.RAISE
        ordered = True


class NoQuery(Schema):
    """The query of an operation that takes no query parameters: any parameter is refused."""


class StrictParser(FlaskParser):
    """Reads every location with the schema's own ``unknown`` (RAISE), and answers problems."""

    DEFAULT_UNKNOWN_BY_LOCATION = dict.fromkeys(FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION)

    def _get_schema(self, argmap: Any, req: Any) -> ma.Schema:
        """One instance of each schema class for every request: webargs would build one per
        request, deep-copying each of its fields, and a schema instance keeps no state between
        loads."""
        if isinstance(argmap, type) and issubclass(argmap, ma.Schema):
            return _schema_instance(argmap)
        return super()._get_schema(argmap, req)

    def _raw_load_json(self, req: Any) -> Any:
        data = req.get_data(cache=True)
        if not is_json_request(req):
            if data:
                sent = shown(req.mimetype) if req.mimetype else "no content type"
                raise Problem(
                    UNSUPPORTED_MEDIA_TYPE,
                    f"The body is sent as {sent}: send JSON with 'Content-Type: application/json'.",
                )
            return missing
        return load_json(data) if data else missing

    def load_querystring(self, req: Any, schema: ma.Schema) -> Any:
        """The query, once no name or value in it holds text the register cannot store."""
        for name, value in req.args.items(multi=True):
            problem = unstorable(name) or unstorable(value)
            if problem:
                raise invalid_fields(
                    [{"location": "query", "field": printable(name), "message": problem}]
                )
        return super().load_querystring(req, schema)

    def handle_error(self, error: ma.ValidationError, req: Any, schema: Any, **kwargs: Any):
        messages = error.messages if isinstance(error.messages, dict) else {"": error.messages}
        raise invalid_fields(
            [item for location, inner in messages.items() for item in field_errors(inner, location)]
        )


@cache
def _schema_instance(schema: type[ma.Schema]) -> ma.Schema:
    return schema()


def _domain_problem(error: RegisterError) -> Problem:
    if isinstance(error, InvalidCommand):
        return invalid_command(error, "json")
    if isinstance(error, EntryNotFound):
        return Problem(NOT_FOUND, error.detail)
    if isinstance(error, VersionMismatch):
        return Problem(
            VERSION_MISMATCH, error.detail, headers={"ETag": versions.etag(error.actual)}
        )
    if isinstance(error, LifecycleConflict):
        return Problem(LIFECYCLE_CONFLICT, error.detail)
    return Problem(CONFLICT, error.detail)


def _http_problem(error: HTTPException) -> Problem:
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    detail = error.description or kind_for_status(error.code or 500).title
    return Problem(kind_for_status(error.code or 500), detail, headers=headers)


def _unexpected_problem(error: Exception) -> Problem:
    request_id = g.get("request_id", "-")
    current_app.logger.exception(
        "Unexpected error in %s %s [request %s]", request.method, request.path, request_id
    )
    return Problem(
        INTERNAL,
        f"Something went wrong on our side. It was logged with request id {request_id}: "
        "quote it when you report this.",
        extra={"request_id": request_id},
    )


def _unavailable_problem(reason: str) -> Problem:
    """The database is down, hangs or its file is gone: a condition, not a bug, so it is
    logged on one line (a traceback per request would flood the log) and answered 503."""
    request_id = g.get("request_id", "-")
    current_app.logger.warning(
        "Database unavailable in %s %s [request %s]: %s",
        request.method,
        request.path,
        request_id,
        reason,
    )
    return Problem(
        UNAVAILABLE,
        "The database is unavailable right now; nothing was changed by this request unless "
        "the register shows it. Try again shortly.",
        headers=RETRY_AFTER,
        extra={"request_id": request_id},
    )


def handle_error(error: Exception) -> Response:
    """The one error handler: whatever went wrong, the answer is a problem document."""
    if isinstance(error, Problem):
        problem = error
    elif (reason := unavailable(error)) is not None:
        problem = _unavailable_problem(reason)
    elif isinstance(error, RegisterError):
        problem = _domain_problem(error)
    elif isinstance(error, HTTPException):
        problem = _http_problem(error)
    else:
        problem = _unexpected_problem(error)
    return problem.response()


class ProblemSchema(Schema):
    """RFC 9457 problem details, as every error of this API is answered."""

    type = ma.fields.String(required=True, metadata={"description": "URN of the problem kind"})
    title = ma.fields.String(required=True)
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(required=True, metadata={"description": "what to do about it"})
    instance = ma.fields.String(metadata={"description": "the path that was asked"})
    errors = ma.fields.List(
        ma.fields.Nested(
            Schema.from_dict(
                {
                    "location": ma.fields.String(
                        required=True, metadata={"description": "body, query or header"}
                    ),
                    "field": ma.fields.String(
                        required=True,
                        metadata={"description": "path such as purposes[0].legal_basis"},
                    ),
                    "message": ma.fields.String(required=True),
                },
                name="FieldError",
            )
        ),
        metadata={"description": "for invalid input: each offending field and why"},
    )
    request_id = ma.fields.String(metadata={"description": "for unexpected errors"})


class Api(flask_smorest.Api):
    ERROR_SCHEMA = ProblemSchema

    def init_app(self, app: Flask, *, spec_kwargs: dict | None = None) -> None:
        super().init_app(app, spec_kwargs=spec_kwargs)
        for field_type in FIELD_TYPES:
            self.register_field(*field_type)
        for function in ATTRIBUTE_FUNCTIONS:
            self.ma_plugin.converter.add_attribute_function(function)
        self.spec.components.security_scheme(
            SECURITY_SCHEME,
            {"type": "http", "scheme": "bearer", "description": "a token from 'ropa token create'"},
        )

    def _register_error_handlers(self) -> None:
        self._app.register_error_handler(Exception, handle_error)

    def _register_etag_headers(self) -> None:
        self.spec.components.header(
            "ETAG",
            {
                "description": 'The entry\'s version, quoted ("3"): send it back in If-Match.',
                "schema": {"type": "string"},
            },
            lazy=True,
        )

    def _register_pagination_header(self) -> None:
        """The header carries JSON text, which an object schema in a header would not say."""
        self.spec.components.header(
            "PAGINATION",
            {
                "description": "JSON: total, total_pages, first_page, last_page, page, "
                "previous_page, next_page",
                "schema": {"type": "string"},
                "example": '{"total": 9, "total_pages": 1, "first_page": 1, "last_page": 1, '
                '"page": 1}',
            },
            lazy=True,
        )

    def _register_responses(self) -> None:
        """Every documented error response is a problem document."""
        for status in http.HTTPStatus:
            if status >= 400:
                response = {"description": status.phrase, "schema": self.ERROR_SCHEMA}
                prepare_response(response, self.spec, PROBLEM_JSON)
                self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "A problem (RFC 9457)", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


def _add_doc(func: Callable, key: str, value: Any) -> Callable:
    func._apidoc = deepcopy(getattr(func, "_apidoc", {}))  # type: ignore[attr-defined]
    func._apidoc[key] = value  # type: ignore[attr-defined]
    return func


class Blueprint(flask_smorest.Blueprint):
    """A resource: every operation needs a token whose role may read (GET) or write (others).

    ``readers=None`` leaves the blueprint open (health checks).
    """

    ARGUMENTS_PARSER = StrictParser()

    def __init__(
        self,
        *args: Any,
        readers: Collection[str] | None,
        writers: Collection[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.readers = tuple(readers) if readers is not None else None
        self.writers = tuple(writers)
        if self.readers is not None:
            self.before_request(self._authorize)
        self._prepare_doc_cbks.extend([self._prepare_auth_doc, self._prepare_if_match_doc])

    @classmethod
    def v1(
        cls,
        name: str,
        description: str,
        readers: Collection[str] = auth.REGISTER_READERS,
        writers: Collection[str] = auth.REGISTER_WRITERS,
    ) -> Blueprint:
        """A protected resource at /api/v1/<name>, by default the register's own roles."""
        return cls(
            name,
            "api",
            url_prefix=f"/api/v1/{name}",
            description=description,
            readers=readers,
            writers=writers,
        )

    def _authorize(self) -> None:
        auth.authorize(self.readers or (), self.writers)

    def query(self, schema: type[ma.Schema] | None = None) -> Callable:
        """Parse the query with ``schema``; without one, refuse any query parameter."""
        if schema is None:
            return self.arguments(NoQuery, location="query", as_kwargs=True)
        return self.arguments(schema, location="query")

    def if_match(self, required: bool = True) -> Callable:
        """Pass the version named by If-Match to the view as ``expected_version``."""

        def decorator(func: Callable) -> Callable:
            @wraps(func)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                kwargs["expected_version"] = versions.if_match_version(required)
                return func(*args, **kwargs)

            return _add_doc(wrapper, "if_match", required)

        return decorator

    def _prepare_if_match_doc(self, doc: dict, doc_info: dict, **kwargs: Any) -> dict:
        if "if_match" in doc_info:
            doc.setdefault("parameters", []).append(
                {
                    "name": "If-Match",
                    "in": "header",
                    "required": doc_info["if_match"],
                    "description": 'The ETag of the entry as you read it, e.g. "3".',
                    "schema": {"type": "string", "pattern": versions.IF_MATCH_PATTERN},
                }
            )
            for status, name in WRITE_ERRORS.items():
                doc.setdefault("responses", {})[status] = name
        return doc

    def _prepare_auth_doc(self, doc: dict, doc_info: dict, *, method: str, **kwargs: Any) -> dict:
        if self.readers is None:
            return doc
        roles = self.readers if method.upper() in auth.READ_METHODS else self.writers
        doc["security"] = [{SECURITY_SCHEME: []}]
        doc["x-roles"] = list(roles)
        responses = doc.setdefault("responses", {})
        responses[401] = "UNAUTHORIZED"
        responses[403] = "FORBIDDEN"
        return doc

    def pagination_headers(self, page: int, page_size: int, total: int) -> dict[str, str]:
        metadata = self._make_pagination_metadata(page, page_size, total)
        return {self.PAGINATION_HEADER_NAME: json.dumps(metadata)}
