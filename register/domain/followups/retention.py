"""Storage limitation (Arts. 5(1)(e), 13(2)(a), 17(1)(a), 30(1)(f)): what a change of retention
means for data already held, and whether the register says how long at all.

Retention is a list of rules, one per kind of data or purpose; rules are matched by what they
apply to. Two rules are comparable when both have a period and the same event starting or ending
it: then their ends, counted from the same day (the day the change is judged at), say whether
the limit got shorter or longer. Otherwise a person must judge.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from register.domain.followups import words
from register.domain.followups.context import Comparison, each_activity, per_changed_activity
from register.domain.followups.model import CHECK, INFO, MUST, Finding, Rule
from register.domain.followups.reading import Side, bounded, is_ctrl, norm, retention
from register.domain.views import EntryView
from register.domain.vocabulary.durations import compare

SHORTENED = Rule(
    "RETENTION-SHORTENED",
    "5(1)(e), 17(1)(a), 13(2)(a)",
    MUST,
    "De bewaartermijn van '{name}' is verkort van {old} naar {new}: verwijder of anonimiseer "
    "gegevens die ouder zijn dan de nieuwe termijn en pas de privacyverklaring aan.",
    "The retention of '{name}' was shortened from {old} to {new}: delete or anonymise data older "
    "than the new limit and update the privacy statement.",
)
LENGTHENED = Rule(
    "RETENTION-LENGTHENED",
    "5(1)(e), 5(2), 13(2)(a)",
    CHECK,
    "De bewaartermijn van '{name}' is verlengd van {old} naar {new}: onderbouw waarom langer "
    "bewaren noodzakelijk is (en of de toestemming dat dekt) en pas de privacyverklaring aan.",
    "The retention of '{name}' was lengthened from {old} to {new}: justify why keeping the data "
    "longer is necessary (and whether consent covers it) and update the privacy statement.",
)
REWORDED = Rule(
    "RETENTION-CHANGED",
    "5(1)(e)",
    CHECK,
    "De bewaartermijn van '{name}' is anders geformuleerd ({old} → {new}): beoordeel of de "
    "termijn korter of langer wordt en handel daarnaar.",
    "The retention of '{name}' is worded differently ({old} → {new}): assess whether the limit "
    "gets shorter or longer and act on it.",
)
REMOVED = Rule(
    "RETENTION-REMOVED",
    "30(1)(f), 13(2)(a)",
    MUST,
    "Voor '{name}' is geen bewaartermijn meer vastgelegd: leg een termijn of de criteria vast.",
    "'{name}' no longer records a retention period: record a period or the criteria.",
)
MISSING = Rule(
    "CHK-RETENTION-MISSING",
    "30(1)(f), 13(2)(a)",
    MUST,
    "Voor '{name}' is geen bewaartermijn of criterium vastgelegd.",
    "No retention period or criterion is recorded for '{name}'.",
)
NO_START = Rule(
    "CHK-RETENTION-START",
    "30(1)(f)",
    INFO,
    "Voor '{name}' staat niet vanaf welk moment de bewaartermijn loopt.",
    "'{name}' does not say from when its retention period runs.",
)

RULES = (SHORTENED, LENGTHENED, REWORDED, REMOVED)
CHECK_RULES = (MISSING, NO_START)

Terms = tuple[str, str, str, str]


def _terms(rule: Mapping[str, Any]) -> Terms:
    return (
        rule.get("period") or "",
        norm(rule.get("trigger")),
        rule.get("trigger_role") or "",
        norm(rule.get("criteria")),
    )


def _says_how_long(rules: Mapping[str, Mapping[str, Any]] | None) -> bool:
    return rules is not None and any(bounded(rule) for rule in rules.values())


def _verdict(
    old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, c: Comparison
) -> Rule | None:
    """Which rule a change of one retention rule raises, if any."""
    if old is not None and new is not None:
        if _terms(old) == _terms(new):
            return None
        period_old, period_new = old.get("period"), new.get("period")
        if period_old and period_new and _terms(old)[1:3] == _terms(new)[1:3]:
            order = compare(period_new, period_old, c.day)
            if order:
                return SHORTENED if order < 0 else LENGTHENED
        elif period_old and not period_new and not new.get("trigger"):
            return LENGTHENED
    return REWORDED


@per_changed_activity("retention")
def retention_changed(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    """Any role: a processor keeps its clients' data no longer than they instruct either."""
    if before is None or after is None:
        return
    old, new = retention(before), retention(after)
    if old == new:
        return
    if _says_how_long(old) and not _says_how_long(new):
        yield REMOVED.on(
            after, "retention", before.fields.get("retention"), after.fields.get("retention")
        )
        return
    if old is None or new is None:
        return
    for key in sorted(old.keys() | new.keys()):
        rule = _verdict(old.get(key), new.get(key), c)
        if rule is not None:
            was, now = old.get(key), new.get(key)
            yield rule.on(
                after,
                f"retention[{key}]",
                was,
                now,
                old=words.retention([was] if was else None),
                new=words.retention([now] if now else None),
            )


@each_activity
def retention_standing(side: Side, activity: EntryView) -> Iterator[Finding]:
    """Missing for a controller's activity only (Art. 30(2) asks a processor for none); a list
    of no rules says the data are not kept, which is an answer."""
    rules = retention(activity)
    if is_ctrl(activity) and (rules is None or (rules and not _says_how_long(rules))):
        yield MISSING.on(activity, "retention")
    for key, rule in (rules or {}).items():
        if rule.get("period") and not rule.get("trigger"):
            yield NO_START.on(activity, f"retention[{key}]", None, rule.get("period"))


TRIGGERS = (retention_changed,)
CHECKS = (retention_standing,)
