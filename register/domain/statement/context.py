"""What every section of a statement is written with: the register, the language, and the small
words (a value, a marker, a sentence, a line) that keep free text, gaps and provenance apart.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from register.domain.statement.model import MARKER, PHRASE, VALUE, Block, Line, Part
from register.domain.statement.sentences import Fill, fill
from register.domain.views import EntryView, RegisterSnapshot
from register.domain.vocabulary.phrases import MARKERS, MONTHS, in_language


def collation_key(text: str) -> tuple[str, str]:
    """One fixed order for names in any language: letters without their accents and case
    first (as the Unicode root collation orders them), the exact text to break ties."""
    folded = unicodedata.normalize("NFKD", text)
    base = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return base, text


@dataclass(frozen=True)
class Context:
    snapshot: RegisterSnapshot
    language: str
    section: str = field(default="", compare=False)

    def at(self, section: str) -> Context:
        return Context(self.snapshot, self.language, section)

    # Parts ----------------------------------------------------------------------------------

    def value(self, text: Any) -> Part:
        """Free text from the register, one line of it, exactly as recorded."""
        return Part(" ".join(str(text).split()), VALUE)

    def sentence_value(self, text: Any) -> Part:
        """Free text that a template ends with a full stop: its own final stop is dropped."""
        return self.value(" ".join(str(text).split()).rstrip("."))

    def phrase(self, text: str) -> Part:
        return Part(text, PHRASE)

    def marker(self, name: str) -> Part:
        return Part(in_language(MARKERS[name], self.language), MARKER)

    def sentence(self, key: str, **slots: Fill) -> tuple[Part, ...]:
        return fill(key, self.language, **slots)

    def day(self, day: date) -> Part:
        """A date as a person writes it: "24 oktober 2023" / "24 October 2023"."""
        return self.phrase(f"{day.day} {MONTHS[self.language][day.month - 1]} {day.year}")

    # Lines ----------------------------------------------------------------------------------

    def line(
        self,
        block: Block,
        parts: tuple[Part, ...],
        *,
        rule: str,
        entry: EntryView | None = None,
        field: str | None = None,
        check: str | None = None,
    ) -> Line:
        return Line(
            block,
            parts,
            section=self.section,
            entry_id=entry.id if entry else None,
            field=field,
            rule=rule,
            check=check,
        )

    def item(self, parts: tuple[Part, ...], **provenance: Any) -> Line:
        return self.line("item", parts, **provenance)

    def heading(self, key: str) -> Line:
        return self.line("heading", self.sentence(key), rule="STATEMENT-OUTLINE")

    # The register ---------------------------------------------------------------------------

    @property
    def organisation(self) -> Mapping[str, Any]:
        found = self.snapshot.organisation
        return found.fields if found else {}

    @property
    def contact(self) -> Mapping[str, Any]:
        return self.organisation.get("contact") or {}

    def email(self) -> Part:
        """Where a data subject writes to us, or the marker that says it is not recorded."""
        email = self.contact.get("email")
        return self.value(email) if email else self.marker("contact")

    @cached_property
    def recipients(self) -> dict[str, EntryView]:
        return {str(r.id): r for r in self.snapshot.recipients}

    def recipient(self, recipient_id: Any) -> EntryView | None:
        return self.recipients.get(str(recipient_id))
