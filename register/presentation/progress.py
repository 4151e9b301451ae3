"""A progress bar on standard error for long work (rebuilds, imports), quiet when not a terminal
except for a closing line, so logs stay readable."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.monotonic()
        self.last_drawn = 0.0
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        self.done = done
        if not self.stream.isatty():
            return
        now = time.monotonic()
        if now - self.last_drawn < 0.1 and done != total:
            return
        self.last_drawn = now
        if total:
            filled = int(self.width * min(done, total) / total)
            bar = "#" * filled + "-" * (self.width - filled)
            text = f"\r{self.label} [{bar}] {done:,}/{total:,} events"
        else:
            text = f"\r{self.label} {done:,} events"
        self.stream.write(text)
        self.stream.flush()

    def finish(self) -> None:
        elapsed = time.monotonic() - self.started
        self.stream.write(f"\r{self.label}: {self.done:,} events in {elapsed:.1f} s\n")
        self.stream.flush()
