"""The example register: Opgelucht (Cinnux B.V.) as its privacy statement of 24 October 2023
describes it, sentence by sentence, with what is inferred marked "Afgeleid:" in the notes.

Loading is idempotent and all or nothing. A store without the example gets it whole; a store
holding the previous example gets the corrections as events (see ``example_plan``); a store that
already holds this example is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from register.application.service import Service
from register.importers import example_source
from register.importers.example_plan import plan
from register.importers.example_source import POLICY_KEY, example_id

__all__ = ["POLICY_KEY", "Loaded", "example_id", "load_example"]


@dataclass(frozen=True)
class Loaded:
    """What a load recorded, one line per event, and what it chose to leave alone."""

    done: tuple[str, ...]
    left_alone: tuple[str, ...]

    @property
    def changed(self) -> int:
        return len(self.done)


def load_example(service: Service, say: Callable[[str], None] = print) -> Loaded:
    """Bring the store's example register up to the data file, all or nothing."""
    example = example_source.current()
    say(f"  comparing {len(example.items)} entries of the example with the register…")
    planned = plan(service, example, example_source.previous())
    service.commands.execute_all(planned.commands)
    for line in planned.done:
        say(f"  {line}")
    for line in planned.left_alone:
        say(f"  left alone: {line}")
    return Loaded(tuple(planned.done), tuple(planned.left_alone))
