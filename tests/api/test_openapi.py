"""The OpenAPI document is generated from the code and committed (SPEC §5): this test fails when
the committed files are out of date, or when the document is not valid OpenAPI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from api import create_app

FOLDER = Path(__file__).resolve().parents[2] / "openapi"
FORMATS = {"openapi.json": [], "openapi.yaml": ["--format", "yaml"]}


@pytest.mark.parametrize("name", FORMATS)
def test_the_committed_document_is_the_generated_one(tmp_path: Path, name: str) -> None:
    generated = tmp_path / name
    result = (
        create_app()
        .test_cli_runner()
        .invoke(args=["openapi", "write", *FORMATS[name], str(generated)])
    )
    assert result.exit_code == 0, result.output
    assert generated.read_text() == (FOLDER / name).read_text(), (
        f"openapi/{name} is out of date: run openapi/generate.sh and commit the result"
    )


def test_the_document_is_valid_openapi() -> None:
    validate(json.loads((FOLDER / "openapi.json").read_text()))


def test_every_error_is_documented_as_a_problem() -> None:
    document = json.loads((FOLDER / "openapi.json").read_text())
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            errors = {k: v for k, v in operation["responses"].items() if not k.startswith("2")}
            assert errors.get("default") == {"$ref": "#/components/responses/DEFAULT_ERROR"}, (
                method,
                path,
            )
    for name, response in document["components"]["responses"].items():
        assert list(response["content"]) == ["application/problem+json"], name


def test_the_docs_are_served_from_local_assets() -> None:
    client = create_app().test_client()
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert not re.search(r"(https?:)?//", html), "the page loads nothing from elsewhere"
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) == 3
    for asset in assets:
        with client.get(asset) as response:
            assert response.status_code == 200, asset
    assert client.get("/openapi.json").get_json()["info"]["title"] == "The register"
