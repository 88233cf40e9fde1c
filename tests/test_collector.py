"""The garbage collector's long-run pace, and its pause, hold inside the block and are undone after, even on error."""

import gc
from collections.abc import Iterator

import pytest

from khabar.collector import LONG_RUN_THRESHOLDS, long_run, paused


@pytest.fixture
def default_pace() -> Iterator[tuple[int, int, int]]:
    """CPython's default pace for the test (another test may have warmed up this process), restored after."""
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*saved)


def test_long_run_sets_the_pace_and_restores_it(default_pace: tuple[int, int, int]) -> None:
    with long_run():
        assert gc.get_threshold() == LONG_RUN_THRESHOLDS
    assert gc.get_threshold() == default_pace


def test_long_run_restores_the_pace_after_an_error(default_pace: tuple[int, int, int]) -> None:
    with pytest.raises(RuntimeError), long_run():
        raise RuntimeError("boom")
    assert gc.get_threshold() == default_pace


def test_paused_stops_automatic_collection_and_restores_it() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_paused_leaves_a_collector_switched_off_by_its_caller_off() -> None:
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
