"""The rules a field's value must meet, as small values that other layers can read.

A check is called with a value and the path of the field (``purposes[0].legal_basis``) and returns
the value in its stored form, or raises ``Problem`` naming that path. Checks are frozen
dataclasses rather than closures so that what they accept can be read as well as run: the API
derives its schemas from them, and exports and the RvVA mapping read their choices, limits and
nesting instead of restating them.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from register.domain.instants import day_of
from register.domain.kinds import EntryKind
from register.domain.quoting import printable
from register.domain.vocabulary import Vocabulary, is_country

if TYPE_CHECKING:
    from register.domain.catalogue import FieldSpec

MAX_TEXT = 20_000
MAX_LABEL = 500
MAX_DOCUMENT = 1_000_000
MAX_ITEMS = 500
MAX_REASON = 2_000

# Control and format characters (zero-width ones among them), surrogates and spaces draw nothing;
# nor do these letters and symbols: the Hangul fillers and the blank Braille pattern.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zs", "Zl", "Zp"})
BLANK_LOOKALIKES = frozenset("\u115f\u1160\u3164\uffa0\u2800")

# As JSON Schema patterns too, which the API's document carries: ASCII digits only.
DURATION_PATTERN = (
    r"^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?"
    r"(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+([.,][0-9]+)?S)?)?$"
)
LANGUAGE_PATTERN = r"^[a-z]{2}(-[A-Z]{2})?$"
_DURATION = re.compile(DURATION_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
SHA256_PATTERN = r"^[0-9a-fA-F]{64}$"
_SHA256 = re.compile(SHA256_PATTERN)
_SURROGATE = re.compile("[\ud800-\udfff]")
_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


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


def unstorable(text: str) -> str | None:
    """Why a database cannot keep ``text`` as it is, or None when it can.

    PostgreSQL refuses NUL in text, so an export from SQLite, which keeps it, would not import
    there; a lone surrogate (JSON's ``"\\ud800"``) has no UTF-8 form at all.
    """
    if "\x00" in text:
        return "must not contain NUL characters (U+0000)"
    found = _SURROGATE.search(text)
    if found:
        return f"must not contain lone surrogates (such as {found.group()!a}): send text as UTF-8"
    return None


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: a character that draws a glyph, even an unknown one."""
    return any(
        unicodedata.category(char) not in INVISIBLE_CATEGORIES and char not in BLANK_LOOKALIKES
        for char in text
    )


def _storable_text(value: Any, max_length: int, path: str) -> str:
    if not isinstance(value, str):
        raise Problem(path, "must be a string")
    if len(value) > max_length:
        raise Problem(path, f"must be at most {max_length} characters")
    problem = unstorable(value)
    if problem:
        raise Problem(path, problem)
    return value.strip()


@dataclass(frozen=True)
class Text(Check):
    """Text that says something: stripped, with a visible character, storable by both engines,
    and within a limit that keeps rows sane."""

    max_length: int = MAX_TEXT

    def __call__(self, value: Any, path: str) -> str:
        stripped = _storable_text(value, self.max_length, path)
        if not stripped:
            raise Problem(path, "must not be empty")
        if not visible(stripped):
            raise Problem(
                path,
                "must hold at least one visible character (a letter, digit, punctuation mark "
                "or symbol)",
            )
        return stripped


@dataclass(frozen=True)
class Note(Check):
    """Optional free text, such as a change's reason: None when it shows nothing."""

    max_length: int = MAX_REASON

    def __call__(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        stripped = _storable_text(value, self.max_length, path)
        return stripped if visible(stripped) else None


REASON = Note(MAX_REASON)  # why a change was made: stored on its event


@dataclass(frozen=True)
class Boolean(Check):
    def __call__(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise Problem(path, "must be true or false")
        return value


@dataclass(frozen=True)
class OneOf(Check):
    """A term of a controlled vocabulary (``register.domain.vocabulary``).

    ``choices`` is always the tuple of codes, whether a ``Vocabulary`` or a plain tuple was
    given, so that readers of the check need not know which; ``vocabulary`` keeps the labels.
    """

    choices: tuple[str, ...]
    vocabulary: Vocabulary | None

    def __init__(self, choices: Vocabulary | tuple[str, ...]) -> None:
        object.__setattr__(self, "choices", tuple(choices))
        object.__setattr__(self, "vocabulary", choices if isinstance(choices, Vocabulary) else None)

    def __call__(self, value: Any, path: str) -> str:
        if value not in self.choices:
            raise Problem(path, "must be one of: " + ", ".join(self.choices))
        return str(value)


@dataclass(frozen=True)
class Country(Check):
    """An ISO 3166-1 alpha-2 code, stored in capitals whatever case it was given in."""

    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not is_country(value.upper()):
            raise Problem(path, "must be an ISO 3166-1 alpha-2 country code, such as NL or US")
        return value.upper()


@dataclass(frozen=True)
class Duration(Check):
    """An ISO 8601 duration, kept as written: P1M is not a number of days."""

    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _DURATION.fullmatch(value):
            raise Problem(path, "must be an ISO 8601 duration, such as P3M or P2Y")
        return value


@dataclass(frozen=True)
class IsoDate(Check):
    """A day as ``register.domain.instants`` reads one: YYYY-MM-DD, within the register's years."""

    def __call__(self, value: Any, path: str) -> str:
        try:
            return day_of(value).isoformat()
        except ValueError as error:
            raise Problem(path, str(error)) from None


@dataclass(frozen=True)
class Sha256(Check):
    """A SHA-256 digest in hexadecimal, stored in lower case."""

    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _SHA256.fullmatch(value):
            raise Problem(path, "must be a SHA-256 digest: 64 hexadecimal characters")
        return value.lower()


@dataclass(frozen=True)
class EntryRef(Check):
    """The id of another entry of ``kind``; that it is registered is the application's check.

    A ``binding`` reference holds the entry named in effect for as long as it is named (a
    recipient an activity discloses to cannot be retired under it). A statement's list of the
    activities it describes is not binding: it records what was published, and a change to
    the register is what makes a new statement due, not what waits for one.
    """

    kind: EntryKind
    binding: bool = True

    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _UUID.fullmatch(value):
            raise Problem(path, f"must be the id (a UUID) of a {self.kind} entry")
        return str(uuid.UUID(value))


@dataclass(frozen=True)
class Language(Check):
    def __call__(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
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
    ``one_of`` names the fields any one of which names the object, such as a transfer's country
    or international organisation: what a list matches its items on. None of them is required,
    since a destination not yet recorded is still worth recording; the checks report it.
    """

    name: str
    fields: tuple[FieldSpec, ...]
    one_of: tuple[str, ...] = ()

    def __call__(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Problem(path, "must be an object")
        return validate_fields(self.fields, value, prefix=f"{path}.")

    @property
    def label_field(self) -> FieldSpec:
        """The field a plain label given for the whole object fills: its first one."""
        return self.fields[0]


@dataclass(frozen=True)
class LabelOrRecord(Check):
    """A plain label, or an object that says more about it (such as a special-category flag).

    A label is stored as the object with only its first field set, so that readers meet one
    shape whichever way the item was given.
    """

    record: Record
    message: str

    def __call__(self, value: Any, path: str) -> Any:
        if isinstance(value, dict):
            return self.record(value, path)
        if isinstance(value, str):
            label = self.record.label_field
            return self.record({label.name: label.check(value, path)}, path)
        raise Problem(path, self.message)


def validate_fields(
    fields: Sequence[FieldSpec], value: Mapping[str, Any], prefix: str = ""
) -> dict[str, Any]:
    """Every field of ``fields`` in its stored form: given ones checked, missing ones defaulted."""
    known = {spec.name for spec in fields}
    unknown = sorted(set(value) - known)
    if unknown:
        raise Problem(prefix + printable(unknown[0]), "is not a field of this entry")
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
