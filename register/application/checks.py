"""The completeness checks as the API and the CLI ask for them (SPEC §6): the register at a
moment, what it lacks, and whether the privacy statement in effect still reflects it.

The statement is judged against the register it was published with: the register on its
effective date, as recorded when the revision itself was last recorded. So a change that took
effect after the statement, and a backdated correction recorded after it, both count; the
history positions of both registers are in the answer, so that it can be reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from register.application.facade import Reader
from register.domain.canonical import digest_of
from register.domain.followups import check, stale_policy
from register.domain.followups.model import MUST, SEVERITIES, Finding, ordered
from register.domain.instants import rfc3339
from register.domain.views import Moment, RegisterSnapshot


@dataclass(frozen=True)
class ChecksAnswer:
    register: RegisterSnapshot
    published: RegisterSnapshot | None  # the register the statement in effect was published with
    findings: tuple[Finding, ...]

    @property
    def must(self) -> bool:
        return any(f.severity == MUST for f in self.findings)

    def as_json(self, language: str) -> dict[str, Any]:
        content = {
            **_moment(self.register),
            "policy_baseline": _moment(self.published) if self.published else None,
            "lang": language,
            "counts": {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES},
            "findings": [f.as_json(language) for f in self.findings],
        }
        return {**content, "digest": digest_of(content)}


def _moment(register: RegisterSnapshot) -> dict[str, Any]:
    return {
        "as_of": register.moment.as_of.isoformat(),
        "known_at": rfc3339(register.moment.known_at),
        "history": register.history.as_json(),
    }


class Checks:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def at(self, moment: Moment) -> ChecksAnswer:
        """The findings for the register in effect on ``moment.as_of`` as recorded at
        ``moment.known_at``."""
        register = self.reader.register(moment)
        published = self._published(register)
        found = check(register)
        if published is not None:
            found += stale_policy(published, register)
        return ChecksAnswer(register, published, tuple(ordered(found)))

    def _published(self, register: RegisterSnapshot) -> RegisterSnapshot | None:
        policy = register.policy
        if policy is None:
            return None
        return self.reader.register(self.reader.described_by(policy, register.moment.known_at))
