#!/bin/sh
# Regenerate the committed OpenAPI document from the code (tests/api/test_openapi.py fails
# until the committed files match). Needs no database.
set -e
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
export FLASK_APP=api.app:create_app
"$PYTHON" -m flask openapi write openapi/openapi.json
"$PYTHON" -m flask openapi write --format yaml openapi/openapi.yaml
