"""The local engine: the per-article stages in a process pool sized to the cores, results in input order.

Small runs stay in this process: the pool starts only once more than ``min_pool`` articles are waiting,
because starting workers (and loading their lexicons and models) costs more than a few articles.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, islice
from typing import Any

from ..ingest import process
from ..model import Article
from ..pipeline import Pipeline
from ..sources import Problem

_worker_pipeline: Pipeline | None = None


def _init_worker(names: list[str], config: Mapping[str, Mapping[str, Any]]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(names, config)


def _work(article: Article) -> Article | Problem:
    assert _worker_pipeline is not None, "worker not initialised"
    return process(article, _worker_pipeline)


class LocalEngine:
    """Maps the pipeline over articles, in order, with ``workers`` processes (1: in this process)."""

    def __init__(self, workers: int | None = None, *, min_pool: int = 64, chunksize: int = 8) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.min_pool = min_pool
        self.chunksize = chunksize

    def map(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Article | Problem]:
        """Process every article; yield results in input order."""
        it = iter(articles)
        head = list(islice(it, self.min_pool))
        if self.workers == 1 or len(head) < self.min_pool:
            yield from (process(a, pipeline) for a in chain(head, it))
            return
        ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        config = {spec.name: dict(pipeline.config.get(spec.name, {})) for spec in pipeline.specs}
        with ctx.Pool(
            self.workers, initializer=_init_worker, initargs=(pipeline.stage_names, config)
        ) as pool:
            yield from pool.imap(_work, chain(head, it), chunksize=self.chunksize)
