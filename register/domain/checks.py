"""The rules a field's value must meet, as small values that other layers can read.

A check is called with a value and the path of the field (``purposes[0].legal_basis``) and returns
the value in its stored form, or raises ``Problem`` naming that path. Checks are frozen
dataclasses rather than closures so that what they accept can be read as well as run: the API
derives its schemas from them, and exports and the RvVA mapping read their choices, limits and
nesting instead of restating them.
"""

from __future__ import annotations

import re
import uuid
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from register.domain.kinds import EntryKind
from register.domain.vocabulary import COUNTRIES

if TYPE_CHECKING:
    from register.domain.catalogue import FieldSpec

MAX_TEXT = 20_000
MAX_LABEL = 500
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


class Check(ABC):
    """A rule for one value: returns the value as it is stored, or raises ``Problem``."""

    @abstractmethod
    def __call__(self, value: Any, path: str) -> Any: ...


@dataclass(frozen=True)
class Text(Check):
    """Text that says something: stripped, not blank, and within a limit that keeps rows sane."""

    max_length: int = MAX_TEXT

    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise Problem(path, "must be a string")
        stripped = value.strip()
        if not stripped:
            raise Problem(path, "must not be empty")
        if len(stripped) > self.max_length:
            raise Problem(path, f"must be at most {self.max_length} characters")
        return stripped


@dataclass(frozen=True)
class Boolean(Check):
    def __call__(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise Problem(path, "must be true or false")
        return value


@dataclass(frozen=True)
class OneOf(Check):
    """A term of a controlled vocabulary (``register.domain.vocabulary``)."""

    choices: tuple[str, ...]

    def __call__(self, value: Any, path: str) -> str:
        if value not in self.choices:
            raise Problem(path, "must be one of: " + ", ".join(self.choices))
        return str(value)


@dataclass(frozen=True)
class Country(Check):
    """An ISO 3166-1 alpha-2 code, stored in capitals whatever case it was given in."""

    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or value.upper() not in COUNTRIES:
            raise Problem(path, "must be an ISO 3166-1 alpha-2 country code, such as NL or US")
        return value.upper()


@dataclass(frozen=True)
class Duration(Check):
    """An ISO 8601 duration, kept as written: P1M is not a number of days."""

    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _DURATION.match(value):
            raise Problem(path, "must be an ISO 8601 duration, such as P3M or P2Y")
        return value


@dataclass(frozen=True)
class IsoDate(Check):
    def __call__(self, value: Any, path: str) -> str:
        try:
            return date.fromisoformat(value).isoformat()
        except (TypeError, ValueError):
            raise Problem(path, "must be a date in the form YYYY-MM-DD") from None


@dataclass(frozen=True)
class EntryRef(Check):
    """The id of another entry of ``kind``; that it is registered is the application's check."""

    kind: EntryKind

    def __call__(self, value: Any, path: str) -> str:
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            raise Problem(path, f"must be the id (a UUID) of a {self.kind} entry") from None


@dataclass(frozen=True)
class Language(Check):
    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _LANGUAGE.match(value):
            raise Problem(path, "must be a language tag such as nl or en")
        return value


@dataclass(frozen=True)
class Optional(Check):
    """``inner``, or null: null is what an unknown or not yet recorded value is stored as."""

    inner: Check

    def __call__(self, value: Any, path: str) -> Any:
        return None if value is None else self.inner(value, path)


@dataclass(frozen=True)
class ListOf(Check):
    """A list whose items each meet ``inner``; an item at fault is named by its index."""

    inner: Check
    max_items: int = MAX_ITEMS

    def __call__(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise Problem(path, "must be a list")
        if len(value) > self.max_items:
            raise Problem(path, f"must hold at most {self.max_items} items")
        return [self.inner(item, f"{path}[{i}]") for i, item in enumerate(value)]


@dataclass(frozen=True)
class Record(Check):
    """A nested object: unknown keys are refused, missing optional keys take their default.

    ``name`` is what the object is called where it is documented (the API's ``Purpose``).
    """

    name: str
    fields: tuple[FieldSpec, ...]

    def __call__(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Problem(path, "must be an object")
        return validate_fields(self.fields, value, prefix=f"{path}.")


@dataclass(frozen=True)
class LabelOrRecord(Check):
    """A plain label, or an object that says more about it (such as a special-category flag)."""

    record: Record
    message: str
    label: Text = field(default=Text(MAX_LABEL))

    def __call__(self, value: Any, path: str) -> Any:
        if isinstance(value, str):
            return self.label(value, path)
        if isinstance(value, dict):
            return self.record(value, path)
        raise Problem(path, self.message)


def validate_fields(
    fields: Sequence[FieldSpec], value: Mapping[str, Any], prefix: str = ""
) -> dict[str, Any]:
    """Every field of ``fields`` in its stored form: given ones checked, missing ones defaulted."""
    known = {spec.name for spec in fields}
    unknown = sorted(set(value) - known)
    if unknown:
        raise Problem(prefix + unknown[0], "is not a field of this entry")
    result: dict[str, Any] = {}
    for spec in fields:
        if spec.name not in value:
            if spec.required:
                raise Problem(prefix + spec.name, "is required")
            result[spec.name] = spec.initial()
        elif value[spec.name] is None and spec.required:
            raise Problem(prefix + spec.name, "is required and cannot be null")
        else:
            result[spec.name] = spec.check(value[spec.name], prefix + spec.name)
    return result
