"""Since when something holds of an entry: the effective date a notice gives for a change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from register.domain.timeline import Change, State, apply, in_effect_order, known_at


def holds_since(
    changes: Iterable[Change],
    as_of: date,
    known: datetime,
    test: Callable[[State | None], object],
) -> date | None:
    """The day from which ``test`` of the entry's state has had, without a break up to
    ``as_of``, the value it has on ``as_of``, all as recorded at ``known``."""
    state: State | None = None
    value = test(None)
    since: date | None = None
    for change in in_effect_order(known_at(changes, known)):
        if change.effective_from > as_of:
            break
        state = apply(state, change)
        now = test(state)
        if now != value:
            value, since = now, change.effective_from
    return since
