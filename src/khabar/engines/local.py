"""The local engine: the per-article stages in a process pool sized to the cores, results in input order.

Small runs stay in this process: the pool starts only once more than ``min_pool`` articles are waiting,
because starting workers (and loading their lexicons and models) costs more than a few articles.
Input is read in this thread, a few chunks ahead of the results, so memory stays flat however long the
input is, and the caller (the single store writer) is the only one touching the store.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, islice
from multiprocessing.pool import AsyncResult
from typing import Any

from ..ingest import process, warm_up
from ..model import Article
from ..pipeline import Pipeline
from ..sources import Problem

_worker_pipeline: Pipeline | None = None


def _init_worker(names: list[str], config: Mapping[str, Mapping[str, Any]]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(names, config)
    warm_up(_worker_pipeline)


def _work(chunk: tuple[Article, ...]) -> list[Article | Problem]:
    assert _worker_pipeline is not None, "worker not initialised"
    return [process(article, _worker_pipeline) for article in chunk]


def batched(items: Iterable[Any], size: int) -> Iterator[tuple[Any, ...]]:
    """Consecutive tuples of ``size`` items (the last may be shorter); itertools.batched before 3.12."""
    it = iter(items)
    while chunk := tuple(islice(it, size)):
        yield chunk


def pipeline_config(pipeline: Pipeline) -> dict[str, dict[str, Any]]:
    """The pipeline's stage config, as plain dicts that can travel to another process."""
    return {spec.name: dict(pipeline.config.get(spec.name, {})) for spec in pipeline.specs}


class LocalEngine:
    """Maps the pipeline over articles, in order, with ``workers`` processes (1: in this process)."""

    def __init__(
        self, workers: int | None = None, *, min_pool: int = 64, chunksize: int = 64, ahead: int = 3
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.min_pool = min_pool
        self.chunksize = chunksize  # each chunk costs the driver's pool threads a few ms, whatever its size
        self.ahead = ahead  # chunks in flight per worker

    def map(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Article | Problem]:
        """Process every article; yield results in input order."""
        it = iter(articles)
        head = list(islice(it, self.min_pool))
        if self.workers == 1 or len(head) < self.min_pool:
            yield from (process(a, pipeline) for a in chain(head, it))
            return
        ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        with ctx.Pool(
            self.workers, initializer=_init_worker, initargs=(pipeline.stage_names, pipeline_config(pipeline))
        ) as pool:
            in_flight: deque[AsyncResult[list[Article | Problem]]] = deque()
            for chunk in batched(chain(head, it), self.chunksize):
                in_flight.append(pool.apply_async(_work, (chunk,)))
                if len(in_flight) >= self.workers * self.ahead:
                    yield from in_flight.popleft().get()
            while in_flight:
                yield from in_flight.popleft().get()
