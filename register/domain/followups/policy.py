"""Whether a privacy statement is in effect, and whether it still says what the register says
(Arts. 12–14).

A statement revision describes the register as it stood when the revision was published: on its
effective date, as then recorded. Every NOTICE finding with severity must between that register
and a later one is a change the statement does not reflect yet, whether it took effect after the
statement or was recorded after it as a backdated correction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from register.domain.followups.context import Comparison
from register.domain.followups.model import MUST, Finding, Rule
from register.domain.followups.reading import Side, is_ctrl
from register.domain.views import EntryView

NOTICE_PREFIX = "NOTICE-"

STALE = Rule(
    "POLICY-STALE",
    "12(1), 13, 14",
    MUST,
    "De privacyverklaring van {policy_date} weerspiegelt {n} latere registerwijzigingen nog niet: "
    "publiceer een nieuwe versie.",
    "The privacy statement of {policy_date} does not yet reflect {n} later register changes: "
    "publish a new revision.",
)
CHK_STALE = replace(STALE, code="CHK-POLICY-STALE", articles="12–14")
MISSING = Rule(
    "CHK-POLICY-MISSING",
    "12–14",
    MUST,
    "Er geldt op {date} geen privacyverklaring.",
    "No privacy statement is in effect on {date}.",
)

RULES = (STALE,)
CHECK_RULES = (CHK_STALE, MISSING)


def unreflected(found: Iterable[Finding]) -> list[Finding]:
    """The findings that ask for the statement to change: NOTICE rules of severity must, and
    not the baseline a first statement covers."""
    return [
        f
        for f in found
        if f.code.startswith(NOTICE_PREFIX) and f.severity == MUST and not f.baseline
    ]


def stale(rule: Rule, policy: EntryView, changes: list[Finding]) -> Iterator[Finding]:
    """One finding for the revision, keyed on the changes it misses: a further change is new
    work, the same changes asked about again are not."""
    if changes:
        yield rule.on(
            policy,
            "effective_from",
            policy.registered_on,
            sorted({f.id for f in changes}),
            policy_date=policy.registered_on.isoformat(),
            n=len(changes),
        )


def stale_after_events(c: Comparison, found: Iterable[Finding]) -> Iterator[Finding]:
    """POLICY-STALE in a diff: the changes whose entry has an event the statement in effect at
    the later moment does not reflect."""
    policy = c.new.register.policy
    if policy is None:
        return
    later = set(c.events.not_reflected_by(policy))
    yield from stale(STALE, policy, [f for f in unreflected(found) if f.entry_id in later])


def policy_missing(side: Side) -> Iterator[Finding]:
    if side.register.policy is None and any(is_ctrl(a) for a in side.register.activities):
        yield MISSING.on(None, "policy", date=side.day.isoformat())


CHECKS = (policy_missing,)
