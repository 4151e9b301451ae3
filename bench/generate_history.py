"""Generate a synthetic register history as an export file (JSON Lines, chained).

The history is built with the register's own rules of change, so every event obeys the same
rules as a real one: registrations, amendments, retirements and reinstatements, about one in
ten a backdated correction, spread from 24 October 2023 over three years. Half the entries are
in effect on 2023-10-24, so the register at that date is a fixed size however long the history.

The events are then stored in a throwaway store and exported from it, so the file is encoded
and chained exactly as ``ropa export-events`` writes it.

    python bench/generate_history.py --events 100000 -o var/bench-100k.jsonl
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from register.bootstrap import bootstrap
from register.domain import entries
from register.domain.entries import Entry, Provenance, Stamp, Standing
from register.domain.errors import RegisterError
from register.domain.kinds import EntryKind
from register.domain.timeline import Change, State, state_at
from register.presentation.progress import ProgressBar
from register.settings import DEFAULT_TIMEZONE, Settings
from register.store.database import lock_for_writing
from register.store.event_store import BATCH

START_DAY = date(2023, 10, 24)
START = datetime(2023, 10, 24, 8, 0, tzinfo=UTC)
DAYS = 3 * 365


@dataclass
class Generated:
    """One entry's events decided so far, and their changes, which its next decision needs."""

    events: list[Entry.Event]
    changes: list[Change]

    @classmethod
    def register(
        cls, kind: EntryKind, content: dict[str, Any], provenance: Provenance, stamp: Stamp
    ) -> Generated:
        event = entries.register(kind, content, provenance, stamp)
        return cls([event], [event.change()])

    @property
    def id(self) -> uuid.UUID:
        return self.events[0].originator_id

    @property
    def registered_on(self) -> date:
        return self.changes[0].effective_from

    def state(self, day: date) -> State | None:
        return state_at(self.changes, day)

    def standing(self, day: date) -> Standing:
        """The entry as a command on ``day`` would find it in the store."""
        first = self.events[0]
        return Standing(
            first.originator_id, first.KIND, len(self.events), self.registered_on, self.state(day)
        )

    def amend(self, content: dict[str, Any], provenance: Provenance, stamp: Stamp) -> None:
        standing = self.standing(provenance.effective_from)
        self._keep(entries.amend(standing, content, provenance, stamp))

    def step(self, rule: entries.Decision, provenance: Provenance, stamp: Stamp) -> None:
        """Retire or reinstate the entry, as the rule decides."""
        self._keep(rule(self.standing(provenance.effective_from), provenance, stamp))

    def _keep(self, event: Entry.Event) -> None:
        self.events.append(event)
        self.changes.append(event.change())


def generate(events: int, entries_wanted: int, seed: int) -> list[Entry.Event]:
    """The events of every entry, in the order they are to be recorded."""
    rng = random.Random(seed)
    recipients: list[Generated] = []
    activities: list[Generated] = []
    step = timedelta(days=DAYS) / events
    moment = START
    made = 0
    bar = ProgressBar("Generating events")
    while made < events:
        moment += step
        today = moment.astimezone(ZoneInfo(DEFAULT_TIMEZONE)).date()  # the register's day
        stamp = Stamp(moment, today)
        registering = len(recipients) + len(activities) < entries_wanted and (
            made % 20 == 0 or made < entries_wanted // 2
        )
        try:
            if registering:
                early = len(activities) + len(recipients) < entries_wanted // 2
                day = START_DAY if early else today
                provenance = Provenance(day, "bench", "initial register" if day < today else None)
                if len(recipients) * 10 < len(activities):
                    recipients.append(
                        Generated.register(
                            EntryKind.RECIPIENT,
                            {"name": f"Recipient {len(recipients)}", "category": "hosting"},
                            provenance,
                            stamp,
                        )
                    )
                else:
                    linked = [str(r.id) for r in rng.sample(recipients, min(2, len(recipients)))]
                    activities.append(
                        Generated.register(
                            EntryKind.ACTIVITY,
                            {
                                "name": f"Activity {len(activities)}",
                                "role": rng.choice(["controller", "controller", "processor"]),
                                "recipients": linked,
                                "retention": [{"period": "P2Y"}],
                            },
                            provenance,
                            stamp,
                        )
                    )
            else:
                entry = rng.choice(activities)
                backdated = rng.random() < 0.1
                span = (today - entry.registered_on).days
                day = (
                    entry.registered_on + timedelta(days=rng.randint(0, max(span, 0)))
                    if backdated
                    else today
                )
                provenance = Provenance(day, "bench", "correction" if day < today else None)
                state = entry.state(day)
                roll = rng.random()
                if state is not None and not state.in_register:
                    entry.step(entries.reinstate, provenance, stamp)
                elif roll < 0.03:
                    entry.step(entries.retire, provenance, stamp)
                else:
                    field = rng.choice(["name", "description", "owner"])
                    entry.amend({field: f"{field} {made}"}, provenance, stamp)
        except RegisterError:
            if registering:  # the generator's own content no longer passes the rules
                raise
            continue  # a change the rules refuse, as they would a DPO's: draw another
        made += 1
        bar(made, events)
    bar.finish()
    decided = [event for entry in [*recipients, *activities] for event in entry.events]
    return sorted(decided, key=lambda event: event.timestamp)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=30)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    history = generate(args.events, args.entries, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        service = bootstrap(Settings(database_url=f"sqlite:///{folder}/history.db"))
        try:
            bar = ProgressBar("Chaining events")
            for start in range(0, len(history), BATCH):
                with service.store.transaction(commit=True) as session:
                    service.store.append(lock_for_writing(session), history[start : start + BATCH])
                bar(min(start + BATCH, len(history)), len(history))
            bar.finish()
            with open(args.output, "w", encoding="utf-8") as out:
                for line in service.maintenance.export_lines():
                    out.write(line + "\n")
            head = service.reader.integrity().head_digest
        finally:
            service.close()
    print(f"Wrote {len(history):,} events to {args.output}; head digest {head}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
