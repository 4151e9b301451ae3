"""Generate a synthetic register history as an export file (JSON Lines, chained).

The history is built with the register's own domain classes, so every event obeys the same
rules as a real one: registrations, amendments, retirements and reinstatements, about one in
ten a backdated correction, spread from 24 October 2023 over three years. Half the entries are
in effect on 2023-10-24, so the register at that date is a fixed size however long the history.

    python bench/generate_history.py --events 100000 -o var/bench-100k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import UTC, date, datetime, timedelta

from register.application.service import RegisterApplication
from register.domain.chain import GENESIS, chain_digest, content_digest
from register.domain.entries import Activity, Entry, Provenance, Recipient, Stamp
from register.domain.errors import RegisterError
from register.domain.timeline import state_at
from register.presentation.progress import ProgressBar

START_DAY = date(2023, 10, 24)
START = datetime(2023, 10, 24, 8, 0, tzinfo=UTC)
DAYS = 3 * 365


def generate(events: int, entries: int, seed: int) -> list[Entry]:
    """Entries with their pending events, in the order they are to be recorded."""
    rng = random.Random(seed)
    recipients: list[Entry] = []
    activities: list[Entry] = []
    order: list[tuple[datetime, Entry, object]] = []
    step = timedelta(days=DAYS) / events
    moment = START
    made = 0
    bar = ProgressBar("Generating events")
    while made < events:
        moment += step
        today = moment.date()
        stamp = Stamp(moment, today)
        try:
            if len(recipients) + len(activities) < entries and (
                made % 20 == 0 or made < entries // 2
            ):
                early = len(activities) + len(recipients) < entries // 2
                day = START_DAY if early else today
                provenance = Provenance(day, "bench", "initial register" if day < today else None)
                if len(recipients) * 10 < len(activities):
                    entry = Recipient.register(
                        {"name": f"Recipient {len(recipients)}", "category": "hosting"},
                        provenance,
                        stamp,
                    )
                    recipients.append(entry)
                else:
                    linked = [str(r.id) for r in rng.sample(recipients, min(2, len(recipients)))]
                    entry = Activity.register(
                        {
                            "name": f"Activity {len(activities)}",
                            "role": rng.choice(["controller", "controller", "processor"]),
                            "recipients": linked,
                            "retention": {"period": "P2Y"},
                        },
                        provenance,
                        stamp,
                    )
                    activities.append(entry)
            else:
                entry = rng.choice(activities)
                backdated = rng.random() < 0.1
                span = (today - entry.changes[0].effective_from).days
                day = (
                    entry.changes[0].effective_from + timedelta(days=rng.randint(0, max(span, 0)))
                    if backdated
                    else today
                )
                provenance = Provenance(day, "bench", "correction" if day < today else None)
                state = state_at(entry.changes, day)
                roll = rng.random()
                if state is not None and not state.in_register:
                    entry.reinstate(provenance, stamp)
                elif roll < 0.03:
                    entry.retire(provenance, stamp)
                else:
                    field = rng.choice(["name", "description", "owner"])
                    entry.amend({field: f"{field} {made}"}, provenance, stamp)
        except RegisterError:
            continue
        made += 1
        bar(made, events)
    bar.finish()
    for entry in [*recipients, *activities]:
        for event in entry.collect_events():
            order.append((event.timestamp, entry, event))
    order.sort(key=lambda item: item[0])
    return [event for _, _, event in order]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=30)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    app = RegisterApplication("sqlite:///:memory:")
    previous = GENESIS
    with open(args.output, "w", encoding="utf-8") as out:
        for position, event in enumerate(generate(args.events, args.entries, args.seed), 1):
            stored = app.mapper.to_stored_event(event)
            previous = chain_digest(previous, content_digest(stored))
            out.write(
                json.dumps(
                    {
                        "position": position,
                        "originator_id": str(stored.originator_id),
                        "originator_version": stored.originator_version,
                        "topic": stored.topic,
                        "state": bytes(stored.state).decode("utf-8"),
                        "chain_digest": previous,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"Wrote {args.events:,} events to {args.output}; head digest {previous}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
