"""What each kind of entry holds, and the rules its fields must meet (SPEC §2, §7).

Commands are validated here, in the domain, so that the CLI, the importer and the API refuse the
same things in the same words. Each validator returns the value in its stored form or raises
``Problem`` naming the path of the field at fault.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from register.domain.errors import InvalidCommand
from register.domain.vocabulary import (
    ACTIVITY_ROLES,
    COUNTRIES,
    LEGAL_BASES,
    RECIPIENT_CATEGORIES,
    RECIPIENT_LEGAL_ROLES,
    TRANSFER_SAFEGUARDS,
)

Validator = Callable[[Any, str], Any]

MAX_TEXT = 20_000
MAX_DOCUMENT = 1_000_000
MAX_ITEMS = 500

_DURATION = re.compile(
    r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:[.,]\d+)?S)?)?$"
)
_LANGUAGE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")


class Problem(Exception):
    """One field at fault: ``path`` is where (``purposes[0].legal_basis``), ``message`` why."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def text(max_length: int = MAX_TEXT) -> Validator:
    def check(value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise Problem(path, "must be a string")
        stripped = value.strip()
        if not stripped:
            raise Problem(path, "must not be empty")
        if len(stripped) > max_length:
            raise Problem(path, f"must be at most {max_length} characters")
        return stripped

    return check


def boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise Problem(path, "must be true or false")
    return value


def one_of(choices: tuple[str, ...]) -> Validator:
    def check(value: Any, path: str) -> str:
        if value not in choices:
            raise Problem(path, "must be one of: " + ", ".join(choices))
        return str(value)

    return check


def country(value: Any, path: str) -> str:
    if not isinstance(value, str) or value.upper() not in COUNTRIES:
        raise Problem(path, "must be an ISO 3166-1 alpha-2 country code, such as NL or US")
    return value.upper()


def duration(value: Any, path: str) -> str:
    if not isinstance(value, str) or not _DURATION.match(value):
        raise Problem(path, "must be an ISO 8601 duration, such as P3M or P2Y")
    return value


def iso_date(value: Any, path: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise Problem(path, "must be a date in the form YYYY-MM-DD") from None


def entry_id(value: Any, path: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise Problem(path, "must be the id (a UUID) of a recipient entry") from None


def language(value: Any, path: str) -> str:
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise Problem(path, "must be a language tag such as nl or en")
    return value


def optional(check: Validator) -> Validator:
    def maybe(value: Any, path: str) -> Any:
        return None if value is None else check(value, path)

    return maybe


def list_of(check: Validator) -> Validator:
    def each(value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise Problem(path, "must be a list")
        if len(value) > MAX_ITEMS:
            raise Problem(path, f"must hold at most {MAX_ITEMS} items")
        return [check(item, f"{path}[{i}]") for i, item in enumerate(value)]

    return each


def record(spec: Mapping[str, Field]) -> Validator:
    """A nested object: unknown keys are refused, missing optional keys take their default."""

    def check(value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Problem(path, "must be an object")
        return validate_all(spec, value, prefix=f"{path}.")

    return check


def label_or_record(spec: Mapping[str, Field], message: str) -> Validator:
    """A plain label, or an object that says more about it (such as a special-category flag)."""
    as_label = text(500)
    as_record = record(spec)

    def check(value: Any, path: str) -> Any:
        if isinstance(value, str):
            return as_label(value, path)
        if isinstance(value, dict):
            return as_record(value, path)
        raise Problem(path, message)

    return check


@dataclass(frozen=True)
class Field:
    check: Validator
    required: bool = False
    default: Any = None

    def initial(self) -> Any:
        return list(self.default) if isinstance(self.default, list) else self.default


def validate_all(
    spec: Mapping[str, Field], value: Mapping[str, Any], prefix: str = ""
) -> dict[str, Any]:
    unknown = sorted(set(value) - set(spec))
    if unknown:
        raise Problem(prefix + unknown[0], "is not a field of this entry")
    result: dict[str, Any] = {}
    for name, field in spec.items():
        if name not in value:
            if field.required:
                raise Problem(prefix + name, "is required")
            result[name] = field.initial()
        elif value[name] is None and field.required:
            raise Problem(prefix + name, "is required and cannot be null")
        else:
            result[name] = field.check(value[name], prefix + name)
    return result


PURPOSE = {
    "description": Field(text(), required=True),
    "legal_basis": Field(optional(one_of(LEGAL_BASES))),
    "special_category_condition": Field(optional(text(500))),
}

DATA_CATEGORY = {
    "name": Field(text(500), required=True),
    "special_category": Field(boolean, default=False),
    "criminal": Field(boolean, default=False),
}

TRANSFER = {
    "country": Field(country, required=True),
    "safeguard": Field(optional(one_of(TRANSFER_SAFEGUARDS))),
    "recipient": Field(optional(entry_id)),
    "note": Field(optional(text())),
}

RETENTION = {
    "period": Field(optional(duration)),
    "trigger": Field(optional(text(500))),
    "note": Field(optional(text())),
}

DPIA = {
    "required": Field(optional(boolean)),
    "reference": Field(optional(text(500))),
}

AUTOMATED_DECISIONS = {
    "applies": Field(boolean, required=True),
    "description": Field(optional(text())),
}

DATA_PROCESSING_AGREEMENT = {
    "reference": Field(optional(text(500))),
    "signed_on": Field(optional(iso_date)),
}

ADDRESS = {
    "street": Field(optional(text(500))),
    "postal_code": Field(optional(text(50))),
    "city": Field(optional(text(200))),
    "country": Field(optional(country)),
}

PERSON = {
    "name": Field(optional(text(500))),
    "email": Field(optional(text(500))),
    "phone": Field(optional(text(100))),
}

_labels = list_of(text(500))

ACTIVITY = {
    "name": Field(text(500), required=True),
    "role": Field(one_of(ACTIVITY_ROLES), required=True),
    "description": Field(optional(text())),
    "purposes": Field(list_of(record(PURPOSE)), default=[]),
    "data_subjects": Field(_labels, default=[]),
    "data_categories": Field(
        list_of(
            label_or_record(
                DATA_CATEGORY,
                "must be a category name or an object with name, special_category, criminal",
            )
        ),
        default=[],
    ),
    "sources": Field(_labels, default=[]),
    "recipients": Field(list_of(entry_id), default=[]),
    "transfers": Field(list_of(record(TRANSFER)), default=[]),
    "retention": Field(optional(record(RETENTION))),
    "security_measures": Field(list_of(text()), default=[]),
    "dpia": Field(optional(record(DPIA))),
    "automated_decision_making": Field(optional(record(AUTOMATED_DECISIONS))),
    "systems": Field(_labels, default=[]),
    "owner": Field(optional(text(500))),
    "controllers": Field(_labels, default=[]),
    "processing_categories": Field(_labels, default=[]),
}

RECIPIENT = {
    "name": Field(text(500), required=True),
    "category": Field(optional(one_of(RECIPIENT_CATEGORIES))),
    "legal_role": Field(optional(one_of(RECIPIENT_LEGAL_ROLES))),
    "country": Field(optional(country)),
    "transfer_safeguard": Field(optional(one_of(TRANSFER_SAFEGUARDS))),
    "data_processing_agreement": Field(optional(record(DATA_PROCESSING_AGREEMENT))),
    "contact": Field(optional(text(500))),
    "description": Field(optional(text())),
}

POLICY = {
    "title": Field(text(500), required=True),
    "language": Field(language, required=True),
    "source_url": Field(optional(text(2000))),
    "text": Field(text(MAX_DOCUMENT), required=True),
}

ORGANISATION = {
    "name": Field(text(500), required=True),
    "trade_name": Field(optional(text(500))),
    "address": Field(optional(record(ADDRESS))),
    "registration_number": Field(optional(text(100))),
    "contact": Field(optional(record(PERSON))),
    "website": Field(optional(text(2000))),
    "dpo": Field(optional(record(PERSON))),
    "eu_representative": Field(optional(record(PERSON))),
}

SPECS: dict[str, dict[str, Field]] = {
    "activity": ACTIVITY,
    "recipient": RECIPIENT,
    "policy": POLICY,
    "organisation": ORGANISATION,
}


def _raise(problem: Problem) -> None:
    raise InvalidCommand({problem.path: [problem.message]}) from None


def complete(kind: str, value: Mapping[str, Any]) -> dict[str, Any]:
    """Every field of a new entry: given ones checked, missing optional ones at their default."""
    try:
        return validate_all(SPECS[kind], value)
    except Problem as problem:
        _raise(problem)
        raise


def partial(kind: str, value: Mapping[str, Any]) -> dict[str, Any]:
    """Only the fields an amendment names, each checked; required fields cannot become null."""
    spec = SPECS[kind]
    if not value:
        raise InvalidCommand({"fields": ["an amendment must name at least one field"]})
    try:
        unknown = sorted(set(value) - set(spec))
        if unknown:
            raise Problem(unknown[0], "is not a field of this entry")
        return {name: _checked(spec[name], raw, name) for name, raw in value.items()}
    except Problem as problem:
        _raise(problem)
        raise


def _checked(field: Field, raw: Any, path: str) -> Any:
    if raw is None:
        if field.required:
            raise Problem(path, "is required and cannot be null")
        return field.initial()
    return field.check(raw, path)
