"""Python's cycle collector held off while a large answer is built.

A full-register diff builds hundreds of thousands of small objects (two registers' contents,
their comparison, the answer's JSON), none of them in a reference cycle, so reference counting
frees them all. While they are being built the cycle collector runs again and again and
traverses every one of them, finding nothing: at 100,000 events of history that was a third of
the diff's time. Work that builds such an answer holds the collector off for its duration.

The collector is one per process: it comes back when the last of any concurrent holders is
done, and not before, so that no request turns it back on under another.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0


@contextmanager
def collector_held_off() -> Iterator[None]:
    global _holders
    with _lock:
        # Turned off by someone else (a test, an embedding program): not ours to turn on.
        ours = _holders > 0 or gc.isenabled()
        if ours:
            _holders += 1
            gc.disable()
    try:
        yield
    finally:
        if ours:
            with _lock:
                _holders -= 1
                if _holders == 0:
                    gc.enable()
