"""The cycle collector is held off while a large answer is built, and comes back when the last
holder is done; a collector someone else turned off stays off."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from register.application.collector import collector_held_off


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_it_is_off_while_held_and_on_again_after() -> None:
    gc.enable()
    with collector_held_off():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_it_comes_back_after_an_error_too() -> None:
    gc.enable()
    with pytest.raises(ValueError), collector_held_off():
        raise ValueError
    assert gc.isenabled()


def test_it_stays_off_until_the_last_of_overlapping_holders_is_done() -> None:
    gc.enable()
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_held_off():
            first_in.set()
            second_done.wait(5)
            seen.append(gc.isenabled())

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with collector_held_off():
        pass
    second_done.set()
    thread.join(5)
    assert seen == [False]  # the second holder leaving did not turn it back on
    assert gc.isenabled()


def test_a_collector_turned_off_by_someone_else_is_left_off() -> None:
    gc.disable()
    with collector_held_off():
        assert not gc.isenabled()
    assert not gc.isenabled()
