"""A small client over Flask's test client, so that tests read like the API's specification."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

PROBLEM_JSON = "application/problem+json"


class ApiClient:
    """Calls the API with one bearer token (or none); ``version`` becomes an If-Match header."""

    def __init__(self, client: FlaskClient, token: str | None = None) -> None:
        self.client = client
        self.token = token

    def with_token(self, token: str | None) -> ApiClient:
        return ApiClient(self.client, token)

    def _headers(self, version: int | str | None, headers: dict[str, str] | None) -> dict:
        sent = dict(headers or {})
        if self.token is not None:
            sent.setdefault("Authorization", f"Bearer {self.token}")
        if version is not None:
            sent["If-Match"] = f'"{version}"' if isinstance(version, int) else version
        return sent

    def get(self, path: str, headers: dict[str, str] | None = None, **query: Any) -> TestResponse:
        return self.client.get(path, query_string=query, headers=self._headers(None, headers))

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        version: int | str | None = None,
        headers: dict[str, str] | None = None,
        **options: Any,
    ) -> TestResponse:
        if body is not None:
            options["json"] = body
        return self.client.open(
            path, method=method, headers=self._headers(version, headers), **options
        )

    def post(self, path: str, body: Any = None, **kwargs: Any) -> TestResponse:
        return self.send("POST", path, body, **kwargs)

    def patch(self, path: str, body: Any = None, **kwargs: Any) -> TestResponse:
        return self.send("PATCH", path, body, **kwargs)

    def put(self, path: str, body: Any = None, **kwargs: Any) -> TestResponse:
        return self.send("PUT", path, body, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> TestResponse:
        return self.send("DELETE", path, **kwargs)

    # The register's vocabulary -------------------------------------------------------------

    def register(self, plural: str, body: dict[str, Any]) -> dict[str, Any]:
        """Register an entry and return it, failing the test if that is refused."""
        response = self.post(f"/api/v1/{plural}", body)
        assert response.status_code == 201, response.get_json()
        return response.get_json()


def problem(response: TestResponse, status: int) -> dict[str, Any]:
    """The problem document of ``response``, after checking it is one with ``status``."""
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True))
    assert response.mimetype == PROBLEM_JSON, response.mimetype
    body = response.get_json(force=True)
    assert {"type", "title", "status", "detail"} <= set(body), body
    assert body["status"] == status
    return body


def etag(response: TestResponse) -> str | None:
    return response.headers.get("ETag")


def recipient_body(**fields: Any) -> dict[str, Any]:
    return {
        "name": "Hosting provider",
        "category": "hosting",
        "legal_role": "processor",
        "country": "NL",
        **fields,
    }


def activity_body(**fields: Any) -> dict[str, Any]:
    return {
        "name": "Newsletter",
        "role": "controller",
        "purposes": [
            {
                "description": "Sending the newsletter",
                "legal_basis": "Consent",
                "art9_condition": None,
            }
        ],
        "data_subjects": ["Subscribers"],
        "data_categories": [
            "e-mail address",
            {"name": "health", "special_category": True, "criminal": False},
        ],
        "retention": [{"period": "P2Y", "trigger": "unsubscribing", "trigger_role": "ends"}],
        "security_measures": ["Access control"],
        **fields,
    }


def policy_body(**fields: Any) -> dict[str, Any]:
    return {
        "title": "Privacy statement",
        "language": "en",
        "text": "# Privacy\n\nWe keep little.",
        **fields,
    }
