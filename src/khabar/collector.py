"""The garbage collector's pace for long runs (pool workers, an ingest, a clustering pass).

khabar's stages and clustering make few reference cycles but allocate many short-lived objects, so
CPython's default (collect the youngest generation every 700 allocations) spends time walking objects
that reference counting frees anyway: ~0.55 ms per clustered article at 25,000 stored SaudiNewsNet
articles, 0.09 ms with the pace below. Loading a table (unpickling an index, compiling lexicons) makes only
long-lived objects, so no collection can free any of them: the collector pauses while it runs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

LONG_RUN_THRESHOLDS = (100_000, 50, 1000)
"""``gc.set_threshold`` arguments for a long run: the youngest generation every 100,000 allocations."""


@contextmanager
def long_run() -> Iterator[None]:
    """Collect at :data:`LONG_RUN_THRESHOLDS` pace inside the block; the previous pace is restored after."""
    previous = gc.get_threshold()
    gc.set_threshold(*LONG_RUN_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block (as it was after): for loading tables, whose millions of new
    objects would each time be walked again by collections that free none of them (unpickling the entity
    index: 0.15-0.23 s paused, 0.49-1.23 s at the default pace)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
