"""Consecutive batches of an iterable: chunks for a process pool, windows for Ray, groups of ids for one query."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    """Consecutive tuples of ``size`` items (the last may be shorter); itertools.batched before 3.12."""
    it = iter(items)
    while chunk := tuple(islice(it, size)):
        yield chunk
