"""Special-category and criminal-offence data need a ground beyond Art. 6: an Art. 9(2)
condition (with its UAVG article) or an Art. 10 authorisation (UAVG arts. 31–33). Only for the
organisation's own activities: for a processor activity the client controller records it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from register.domain.followups import words
from register.domain.followups.context import Comparison, each_activity, per_changed_activity
from register.domain.followups.dpia import sensitive
from register.domain.followups.model import MUST, Finding, Rule
from register.domain.followups.reading import Side, flag, is_ctrl, purposes
from register.domain.views import EntryView

CONDITION_MISSING = Rule(
    "ART9-CONDITION-MISSING",
    "9(1)–(2); UAVG art. 22–30",
    MUST,
    "'{name}' verwerkt bijzondere persoonsgegevens zonder vastgelegde uitzondering: leg de grond "
    "uit art. 9 lid 2 (en het UAVG-artikel) vast of stop de verwerking.",
    "'{name}' processes special-category data without a recorded exception: record the Art. 9(2) "
    "condition (and UAVG article) or stop the processing.",
)
CRIMINAL_BASIS = Rule(
    "ART10-BASIS",
    "10; UAVG art. 31–33",
    MUST,
    "'{name}' verwerkt strafrechtelijke gegevens: leg de wettelijke grondslag vast (UAVG art. "
    "31–33).",
    "'{name}' processes criminal-offence data: record the legal authorisation (UAVG arts. 31–33).",
)
CHK_CONDITION = replace(CONDITION_MISSING, code="CHK-ART9-CONDITION", articles="9(2)")

RULES = (CONDITION_MISSING, CRIMINAL_BASIS)
CHECK_RULES = (CHK_CONDITION,)


def lacks_condition(activity: EntryView | None) -> bool:
    """A controller's activity with special-category data and no purpose naming an Art. 9(2)
    condition."""
    if not is_ctrl(activity):
        return False
    if not any(flag(item, "special_category") for item in sensitive(activity).values()):
        return False
    conditions = [p.get("art9_condition") for p in purposes(activity).values()]
    return not any(c and c.get("point") for c in conditions)


def _criminal(activity: EntryView | None) -> dict[str, object]:
    return {k: v for k, v in sensitive(activity).items() if flag(v, "criminal")}


@per_changed_activity("role", "data_categories", "purposes", came=True)
def special_without_condition(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if after is not None and lacks_condition(after) and not lacks_condition(before):
        yield CONDITION_MISSING.on(after, "purposes.art9_condition")


@per_changed_activity("data_categories", came=True)
def criminal_added(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if after is None or not is_ctrl(after):
        return
    old = _criminal(before)
    new = [item for key, item in _criminal(after).items() if key not in old]
    authorised = any(p.get("art10_basis") for p in purposes(after).values())
    if new and not authorised:
        yield CRIMINAL_BASIS.on(after, "data_categories", None, new, cats=words.names(new))


@each_activity
def special_standing(side: Side, activity: EntryView) -> Iterator[Finding]:
    if lacks_condition(activity):
        yield CHK_CONDITION.on(activity, "purposes.art9_condition")


TRIGGERS = (special_without_condition, criminal_added)
CHECKS = (special_standing,)
