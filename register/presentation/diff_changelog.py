"""A register diff as a changelog a DPO can read and paste into a memo, in Dutch or English.

The changelog is laid out once, here, as lines of pieces that say what they are (a label, a
page word, a value from the register, a code); the Markdown and HTML forms differ only in how
they mark and escape each piece. Fields are named by the catalogue's labels and values read as
the register page reads them (terms as words, periods in words, ids as names). Each change
carries the follow-ups it triggers right under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from register.domain.catalogue import FieldSpec, spec
from register.domain.checks import Check, ListOf, Optional, Record
from register.domain.diff.answer import DiffAnswer
from register.domain.diff.matching import list_item, record_of
from register.domain.diff.model import ADDED, CHANGED, REMOVED, EntryDiff, FieldDiff, ItemChange
from register.domain.followups.model import Finding
from register.domain.instants import rfc3339
from register.domain.kinds import EntryKind
from register.domain.views import RegisterSnapshot
from register.presentation.diff_words import DIFF_WORDS
from register.presentation.escaping import text
from register.presentation.field_items import EMPTY_LIST_WORDS
from register.presentation.values import Reading, scalar

Style = Literal["value", "word", "label", "code", "plain"]
ARROW = " → "
# What an object says when its label field is empty: a retention rule that names no data holds
# for all of it.
EMPTY_LABEL_WORDS = {"RetentionRule": "all_data"}
_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class Piece:
    """A run of text: ``value`` is the register's (user text), the others the page's own."""

    text: str
    style: Style = "plain"


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    below: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading (level 2 for a kind of entry, 3 for an entry) and the lines under it."""

    level: int
    heading: tuple[Piece, ...]
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Changelog:
    title: str
    facts: tuple[Line, ...]
    sections: tuple[Section, ...]
    footer: tuple[Line, ...]


def changelog(answer: DiffAnswer, language: str) -> Changelog:
    writer = _Writer(answer, language)
    diff = answer.diff
    facts = [writer.moment("from", diff.before), writer.moment("to", diff.after)]
    counts = {how: sum(e.how == how for e in diff.entries) for how in (ADDED, REMOVED, CHANGED)}
    facts.append(Line((writer.label("summary"), Piece(writer["counts"].format(**counts)))))
    if diff.baseline:
        facts.append(Line((writer.label("baseline"), Piece(writer["baseline_text"]))))
    if diff.empty:
        facts.append(Line((Piece(writer["no_changes"], "word"),)))
    sections: list[Section] = []
    for kind in EntryKind:
        entries = [entry for entry in diff.entries if entry.kind == kind]
        if entries:
            sections.append(Section(2, (Piece(writer[kind]),)))
            sections += [writer.entry(entry) for entry in entries]
    if answer.register_wide:
        lines = tuple(writer.followup(f) for f in answer.register_wide)
        sections.append(Section(2, (Piece(writer["followups"]),), lines))
    return Changelog(writer["title"], tuple(facts), tuple(sections), writer.footer())


def plain(value: Any) -> str:
    """A value as one line of text with nothing unshowable in it, as ``text`` reads it."""
    return _unescaped(text(value))


def _unescaped(markdown: str) -> str:
    """Markdown from ``text`` as the text it shows: every backslash it leaves is an escape."""
    return _ESCAPE.sub(r"\1", markdown)


class _Writer:
    """The changelog's reading of one answer in one language."""

    def __init__(self, answer: DiffAnswer, language: str) -> None:
        self.answer = answer
        self.words = DIFF_WORDS[language]
        self.reading = Reading(language, _names(answer))
        self.language = language

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def label(self, key: str) -> Piece:
        return Piece(self.words[key], "label")

    def moment(self, key: str, register: RegisterSnapshot) -> Line:
        moment = register.moment
        when = self.words["moment"].format(
            as_of=moment.as_of.isoformat(), known_at=rfc3339(moment.known_at)
        )
        return Line((self.label(key), Piece(when)))

    def footer(self) -> tuple[Line, ...]:
        diff = self.answer.diff
        sides = (("history_from", diff.before), ("history_to", diff.after))
        lines = [
            Line(
                (
                    Piece(f"{self.words[key]} {side.history.position}", "label"),
                    Piece(str(side.history.head_digest), "code"),
                )
            )
            for key, side in sides
        ]
        digest = self.answer.as_json(self.language)["digest"]
        return (*lines, Line((self.label("digest"), Piece(digest, "code"))))

    # Entries and their fields -------------------------------------------------------------

    def entry(self, entry: EntryDiff) -> Section:
        heading = (
            Piece(f"{self.words['entry_' + entry.how]}: "),
            Piece(plain(entry.name), "value"),
        )
        kind = spec(entry.kind)
        specs = {f.name: f for f in (*kind.fields, *kind.read_only)}
        lines: list[Line] = []
        unshown: list[Finding] = list(self.answer.at_entry(entry))
        for change in entry.fields:
            followups = self.answer.at_field(entry, change)
            line = self._field(entry.how, specs.get(change.field), change)
            if line is None:
                unshown += followups
            else:
                below = (*line.below, *(self.followup(f) for f in followups))
                lines.append(Line(line.pieces, below))
        lines += [self.followup(f) for f in unshown]
        return Section(3, heading, tuple(lines))

    def _field(self, how: str, field: FieldSpec | None, change: FieldDiff) -> Line | None:
        """A changed field as before → after, or inside it; an added entry's fields as they are
        recorded; a removed entry's not at all, as it is gone as a whole."""
        check = field.check if field else None
        label = Piece(field.labels[self.language] if field else change.field, "label")
        if how == REMOVED or (how == ADDED and _empty(change.after)):
            return None
        if how == ADDED:
            return self._value(label, check, change.after, change.field)
        return self._change(label, check, change)

    def _change(self, label: Piece, check: Check | None, change: FieldDiff) -> Line:
        if change.is_list:
            inner = list_item(check)
            below = [self._item(inner, item) for item in change.items]
            if change.reordered:
                below.append(Line((Piece(self.words["reordered"], "word"),)))
            return Line((label,), tuple(below))
        record = record_of(check)
        if change.fields and record is not None:
            return Line((label,), tuple(self._inner_changes(record, change.fields)))
        return Line(
            (
                label,
                *self._inline(check, change.before, change.field),
                Piece(ARROW),
                *self._inline(check, change.after, change.field),
            )
        )

    def _inner_changes(self, record: Record, changes: Iterable[FieldDiff]) -> Iterable[Line]:
        specs = {f.name: f for f in record.fields}
        for change in changes:
            field = specs.get(change.field)
            label = Piece(field.labels[self.language] if field else change.field, "label")
            yield self._change(label, field.check if field else None, change)

    def _item(self, inner: Check | None, item: ItemChange) -> Line:
        head = (Piece(self.words[item.how], "word"), Piece(": "))
        record = record_of(inner)
        if item.how == CHANGED and not item.fields:
            shown = (
                *self._label(inner, item.before),
                Piece(ARROW),
                *self._label(inner, item.after),
            )
            return Line((*head, *shown))
        value = item.after if item.how == ADDED else item.before
        below: Iterable[Line] = ()
        if item.how == CHANGED and record is not None:
            below = self._inner_changes(record, item.fields)
        elif item.how == ADDED and record is not None and isinstance(value, dict):
            below = self._recorded(record, value, skip_label=True)
        return Line((*head, *self._label(inner, value)), tuple(below))

    # Values ---------------------------------------------------------------------------------

    def _value(self, label: Piece, check: Check | None, value: Any, name: str) -> Line:
        """A field as recorded: an object's or a list of objects' fields one under another."""
        inner = list_item(check)
        item_record = record_of(inner)
        if item_record is not None and isinstance(value, list):
            items = (
                Line(self._label(inner, item), tuple(self._recorded(item_record, item, True)))
                for item in value
                if isinstance(item, dict)
            )
            return Line((label,), tuple(items))
        record = record_of(check)
        if record is not None and isinstance(value, dict):
            return Line((label,), tuple(self._recorded(record, value, skip_label=False)))
        return Line((label, *self._inline(check, value, name)))

    def _recorded(
        self, record: Record, value: Mapping[str, Any], skip_label: bool
    ) -> Iterable[Line]:
        """The fields of an object that hold more than their default."""
        fields = record.fields[1:] if skip_label else record.fields
        for field in fields:
            found = value.get(field.name)
            if not _empty(found) and found != field.initial():
                label = Piece(field.labels[self.language], "label")
                yield Line((label, *self._inline(field.check, found, field.name)))

    def _inline(self, check: Check | None, value: Any, name: str = "") -> tuple[Piece, ...]:
        """A value on one line: a list by its items' labels, an object by its recorded fields."""
        if value is None or value == "":
            return (Piece(self.reading.word("not_recorded"), "word"),)
        if value == []:
            return (Piece(self.reading.word(EMPTY_LIST_WORDS.get(name, "none")), "word"),)
        if isinstance(check, Optional):
            return self._inline(check.inner, value, name)
        if isinstance(check, ListOf) and isinstance(value, list):
            return _joined((self._label(check.inner, item) for item in value), ", ")
        record = record_of(check)
        if record is not None and isinstance(value, dict):
            lines = self._recorded(record, value, skip_label=False)
            return _joined((line.pieces for line in lines), "; ")
        if record is not None:
            return self._inline(record.label_field.check, value)
        shown = _unescaped(scalar(check, value, self.reading)) if check else plain(value)
        return (Piece(shown, "value"),)

    def _label(self, inner: Check | None, item: Any) -> tuple[Piece, ...]:
        """What an item of a list is called, as it is matched (``matching``): an object by its
        label field, or the field that stands in for it; a plain item by itself."""
        record = record_of(inner)
        if record is None or not isinstance(item, dict):
            return self._inline(inner, item)
        label = record.label_field
        stand_ins = [
            f for f in record.fields if label.name in record.one_of and f.name in record.one_of
        ]
        for field in (label, *stand_ins):
            if not _empty(item.get(field.name)):
                return self._inline(field.check, item[field.name])
        word = EMPTY_LABEL_WORDS.get(record.name, "not_recorded")
        return (Piece(self.words.get(word) or self.reading.word(word), "word"),)

    def followup(self, finding: Finding) -> Line:
        severity = self.words[finding.severity]
        return Line(
            (
                Piece(f"{self.words['followup']} ({severity})", "label"),
                Piece(finding.code, "code"),
                Piece(f" ({self.words['article']} {finding.rule.articles}) "),
                Piece(plain(finding.text(self.language)), "value"),
            )
        )


def _names(answer: DiffAnswer) -> dict[str, str]:
    """The entries a value may cite by id, by their names: the later name where both have one."""
    sides = (answer.diff.before, answer.diff.after)
    return {
        str(entry.id): str(entry.fields.get("name"))
        for side in sides
        for entry in (*side.activities, *side.recipients)
    }


def _joined(parts: Iterable[tuple[Piece, ...]], separator: str) -> tuple[Piece, ...]:
    joined: list[Piece] = []
    for part in parts:
        if joined:
            joined.append(Piece(separator))
        joined += part
    return tuple(joined)


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or value == ""
