"""The shape of a register diff: entries added, removed and changed, field by field, and inside
lists item by item.

A diff is a value: ``register.domain.diff.compare`` makes it from two register snapshots, the
follow-up rules read it, and the representations (JSON, Markdown, HTML) render it. Nothing here
knows of a database or the web.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from register.domain.kinds import EntryKind
from register.domain.views import EntryView, RegisterSnapshot

How = Literal["added", "removed", "changed"]
ADDED: How = "added"
REMOVED: How = "removed"
CHANGED: How = "changed"


@dataclass(frozen=True)
class ItemChange:
    """One item of a list field that came, went or changed; items are matched by ``key``
    (a purpose by its description, a recipient link by the recipient's id…)."""

    key: str
    how: How
    before: Any  # None when added
    after: Any  # None when removed
    fields: tuple[FieldDiff, ...] = ()  # for a changed object: what changed inside it
    # Where the item stands: an added one in the later list, another in the earlier list.
    position: int = 0


class FieldDiff(NamedTuple):
    """One field whose value differs. For a list matched item by item, ``items`` says which
    items came, went or changed; a list that is null on one side (not recorded) has none. For a
    nested object on both sides (a DPIA, an address), ``fields`` says what changed inside it.

    A named tuple rather than a frozen dataclass: a full-register diff makes tens of thousands,
    and a tuple is made in a third of the time.

    ``before`` and ``after`` are always the whole values, so a reader that wants no more than
    "before → after" need not look further.
    """

    field: str
    before: Any
    after: Any
    items: tuple[ItemChange, ...] = ()
    fields: tuple[FieldDiff, ...] = ()  # for an object on both sides: what changed inside it
    reordered: bool = False  # the items on both sides stand in another order

    @property
    def is_list(self) -> bool:
        """A list on both sides, so compared item by item (null is not an empty list)."""
        return isinstance(self.before, list) and isinstance(self.after, list)


@dataclass(frozen=True)
class EntryDiff:
    """One entry that is in one register and not the other, or in both and different.

    An entry is "removed" when it is not in the later register: retired, or not yet registered
    at its moment.
    """

    kind: EntryKind
    entry_id: uuid.UUID
    name: str
    how: How
    before: EntryView | None
    after: EntryView | None
    fields: tuple[FieldDiff, ...] = ()


@dataclass(frozen=True)
class RegisterDiff:
    """Two registers and what changed from the first to the second.

    ``baseline`` when the first register holds no entries (a ``from`` before the first
    registration): then its findings describe the register as it stands, not changes.
    """

    before: RegisterSnapshot
    after: RegisterSnapshot
    entries: tuple[EntryDiff, ...]

    @property
    def baseline(self) -> bool:
        register = self.before
        return register.organisation is None and not register.activities and not register.recipients

    @property
    def empty(self) -> bool:
        return not self.entries
