"""Reading a request body as JSON, refusing what would break the register further in.

Python's decoder takes more than JSON and less than a body can hold: it reads ``NaN`` and
``Infinity``, refuses integers beyond 4300 digits with a plain ``ValueError``, raises
``RecursionError`` on nesting a few hundred levels deep, and gives lone surrogates
(``"\\ud800"``) that no database can store. Each of these is answered here, before any schema or
rule sees the body: 400 for a body that is no JSON the API takes, 422 naming the field for a
string the register cannot keep.
"""

from __future__ import annotations

import json
from typing import Any

from api.extensions.problems import BAD_REQUEST, Problem, invalid_fields
from register.domain.checks import unstorable
from register.domain.quoting import printable

# Far deeper than any body of the API (an activity's data category is three levels down).
MAX_DEPTH = 32


def load_json(data: bytes) -> Any:
    """The JSON value ``data`` holds, or a problem; None for an empty body."""
    try:
        text = data.decode("utf-8")
        value = json.loads(text, parse_constant=_no_constant) if text else None
    except UnicodeDecodeError as error:
        raise Problem(BAD_REQUEST, f"The request body is not UTF-8 ({error.reason}).") from None
    except RecursionError:
        raise _too_deep() from None
    except (json.JSONDecodeError, NotJson) as error:
        raise Problem(BAD_REQUEST, f"The request body is not valid JSON ({error}).") from None
    except ValueError:  # what the decoder says of an integer beyond its digit limit
        raise Problem(
            BAD_REQUEST, "The request body holds a number with more digits than can be read."
        ) from None
    _check_strings(value)
    return value


class NotJson(ValueError):
    """Text Python's decoder reads but JSON does not have."""


def _no_constant(name: str) -> Any:
    raise NotJson(f"{name} is not a JSON value")


def _too_deep() -> Problem:
    return Problem(
        BAD_REQUEST,
        f"The request body is nested more than {MAX_DEPTH} levels deep; no body of this API is.",
    )


def _check_strings(value: Any) -> None:
    """Refuse the first string, key or value, that the register could not store; and nesting
    deeper than ``MAX_DEPTH``. Iterative, so that no depth can exhaust the stack here."""
    pending: list[tuple[Any, str, int]] = [(value, "", 0)]
    while pending:
        node, path, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise _too_deep()
        if isinstance(node, str):
            _refuse_unstorable(node, path)
        elif isinstance(node, dict):
            for key, item in node.items():
                where = f"{path}.{printable(key)}" if path else printable(key)
                _refuse_unstorable(key, where)
                pending.append((item, where, depth + 1))
        elif isinstance(node, list):
            pending.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(node))


def _refuse_unstorable(text: str, path: str) -> None:
    problem = unstorable(text)
    if problem:
        raise invalid_fields([{"location": "body", "field": path, "message": problem}])
