"""What a register change requires, and what the register as it stands lacks (SPEC §6; the rule
table of ``followups-and-checks.md`` §4).

Each rule is declared once, as data (``Rule``: code, articles, severity, the sentence in Dutch
and English), beside the small function that triggers it, in a module per area. Both entry
points are pure: the same registers give the same findings, in the same order, with the same ids.

- ``findings(diff, events)``: the follow-ups of a change from one register to another. Only
  what the change brought is reported; a gap that was already there is the checks' to report.
  From an empty register every finding is a ``baseline``: it describes the first state, which
  the first statement covers, and is no change.
- ``check(register)``: the completeness checks of one register.
- ``stale_policy(published, now)``: whether the statement in effect still reflects the register;
  the read side gives it the register as it stood when the statement was published.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import chain

from register.domain.diff.compare import compare
from register.domain.diff.model import RegisterDiff
from register.domain.followups import (
    completeness,
    dpia,
    lifecycle,
    notices,
    organisation,
    policy,
    processors,
    purposes,
    retention,
    special_data,
    transfers,
)
from register.domain.followups.context import (
    NO_EVENTS,
    Comparison,
    Events,
    EventsAtHand,
    Recorded,
    recorded,
)
from register.domain.followups.model import SEVERITIES, Finding, Rule, Said, Severity, ordered
from register.domain.followups.reading import Side
from register.domain.views import RegisterSnapshot

__all__ = [
    "CHECKS",
    "RULES",
    "SEVERITIES",
    "Events",
    "EventsAtHand",
    "Finding",
    "Recorded",
    "Rule",
    "Said",
    "Severity",
    "check",
    "findings",
    "recorded",
    "stale_policy",
]

_AREAS = (
    notices,
    purposes,
    organisation,
    lifecycle,
    transfers,
    dpia,
    special_data,
    processors,
    retention,
)

# The rule table: every rule a change can raise, then every completeness check.
RULES: tuple[Rule, ...] = (*chain.from_iterable(area.RULES for area in _AREAS), *policy.RULES)
CHECKS: tuple[Rule, ...] = (
    *completeness.CHECK_RULES,
    *retention.CHECK_RULES,
    *transfers.CHECK_RULES,
    *processors.CHECK_RULES,
    *special_data.CHECK_RULES,
    *dpia.CHECK_RULES,
    *policy.CHECK_RULES,
)

_TRIGGERS = tuple(chain.from_iterable(area.TRIGGERS for area in _AREAS))
_CHECKS = (
    *completeness.CHECKS,
    *retention.CHECKS,
    *transfers.CHECKS,
    *processors.CHECKS,
    *special_data.CHECKS,
    *dpia.CHECKS,
    *policy.CHECKS,
)


def findings(diff: RegisterDiff, events: Events | None = None) -> list[Finding]:
    """The follow-ups of ``diff``. With ``events`` (each entry's events between the two
    moments, see ``recorded``), also the rules that ask when a change was recorded or took
    effect: SUBPROC-NOTICE-TIMING, the retirement's day, and POLICY-STALE."""
    c = Comparison(Side(diff.before), Side(diff.after), events or NO_EVENTS)
    found = [f for trigger in _TRIGGERS for f in trigger(c)]
    if events is not None:
        found += policy.stale_after_events(c, found)
    return ordered([replace(f, baseline=diff.baseline) for f in found])


def check(register: RegisterSnapshot) -> list[Finding]:
    """The completeness checks of ``register`` (all but CHK-POLICY-STALE: see ``stale_policy``)."""
    side = Side(register)
    return ordered([f for run in _CHECKS for f in run(side)])


def stale_policy(published: RegisterSnapshot, now: RegisterSnapshot) -> list[Finding]:
    """CHK-POLICY-STALE: ``published`` is the register on the statement's effective date as
    recorded when the statement was, ``now`` the register asked about."""
    statement = now.policy
    if statement is None:
        return []
    changes = policy.unreflected(findings(compare(published, now)))
    return list(policy.stale(policy.CHK_STALE, statement, changes))
