"""The local engine: the per-article stages in a process pool sized to the cores, results in input order.

Small runs stay in this process: the pool starts only once more than ``min_pool`` articles are waiting,
because starting workers (and loading their lexicons and models) costs more than a few articles. Workers
fork from a forkserver that has loaded the default pipeline's tables once (:mod:`.preload`): they start
warm and share those pages rather than each loading a copy.
Input is read in this thread, a few chunks ahead of the results, so memory stays flat however long the
input is, and the caller (the single store writer) is the only one touching the store. A result comes back
without the raw input when a stage left it unchanged: this process still holds it, and puts it back.

The pool is :class:`concurrent.futures.ProcessPoolExecutor`, not ``multiprocessing.Pool``: Pool's
worker-handler thread wakes on every result waiting in its queue and spins until the result thread has
read it (CPython 3.11), which cost this process 0.2 ms of CPU per article and slowed its result thread
(6,000 SaudiNewsNet articles on 2 workers: 2.55 CPU s in this process with Pool, 0.70 with the
executor; 228.1 and 251.0 articles/s against 278.1 and 269.8, runs alternating). When a worker dies, the
executor fails the chunks in flight (``BrokenProcessPool``), where Pool waited forever for the lost chunk:
their articles then run again one at a time, so the one that kills its worker is found and comes back as
a :class:`~khabar.sources.Problem` (ingest reports and skips it) while the run goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from multiprocessing.context import BaseContext
from typing import Any

from ..batches import batched
from ..ingest import Task, process, warm_up
from ..model import Article
from ..pipeline import Pipeline
from ..sources import Problem

_worker_pipeline: Pipeline | None = None
_worker_task: Task = process


def _init_worker(names: list[str], config: Mapping[str, Mapping[str, Any]], task: Task, nice: int) -> None:
    global _worker_pipeline, _worker_task
    if nice and hasattr(os, "nice"):
        os.nice(nice)
    _worker_pipeline = Pipeline(names, config)
    _worker_task = task
    warm_up(_worker_pipeline, task)  # quick for what the forkserver preloaded


def _work(chunk: tuple[Article, ...]) -> list[Any]:
    assert _worker_pipeline is not None, "worker not initialised"
    return [shed_raw(_worker_task(article, _worker_pipeline), article) for article in chunk]


def _article_of(result: Any) -> Article | None:
    """The article a task's result carries (an Article, or a Prepared's), if any."""
    found = getattr(result, "article", result)
    return found if isinstance(found, Article) else None


def shed_raw(result: Any, sent: Article) -> Any:
    """``result`` without the raw input when it carries ``sent``'s unchanged (less to send back)."""
    article = _article_of(result)
    if article is not None and article.raw == sent.raw:
        article.raw = ""
    return result


def restore_raw(result: Any, sent: Article) -> Any:
    """``result`` with ``sent``'s raw input put back where :func:`shed_raw` took it out."""
    article = _article_of(result)
    if article is not None and not article.raw:
        article.raw = sent.raw
    return result


def pool_context() -> BaseContext:
    """Where pool workers come from: a forkserver that preloads :mod:`.preload` (and ``__main__``, as by
    default) when it starts; spawn where there is no forkserver. The forkserver is one per process, so the
    preload applies when no forkserver runs yet."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["__main__", f"{__package__}.preload"])
    return ctx


def pipeline_config(pipeline: Pipeline) -> dict[str, dict[str, Any]]:
    """The pipeline's stage config, as plain dicts that can travel to another process."""
    return {spec.name: dict(pipeline.config.get(spec.name, {})) for spec in pipeline.specs}


class LocalEngine:
    """Maps the pipeline over articles, in order, with ``workers`` processes (1: in this process)."""

    def __init__(
        self,
        workers: int | None = None,
        *,
        min_pool: int = 64,
        chunksize: int = 64,
        ahead: int = 3,
        nice: int = 5,
        max_tasks: int | None = 1000,
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        # The single store writer is the critical path of an ingest: with one worker per core the workers
        # would take CPU from it and then wait for it, so they run at a lower priority (``os.nice``) and
        # use what the writer leaves.
        self.nice = nice
        self.min_pool = min_pool
        self.chunksize = chunksize  # each chunk costs the driver's pool threads a few ms, whatever its size
        self.ahead = ahead  # chunks in flight per worker
        # A worker is replaced by a fresh one from the forkserver after ``max_tasks`` chunks (64,000 articles),
        # a bound on what a library's caches could leak over an archive. Not sooner: a fresh worker refills
        # its word caches (bounded, 50,000 entries each), and replacing every 100 chunks cost 10% of the
        # pool's time on the 31,030 SaudiNewsNet articles (65.5 s against 59.6 s with 2 workers), while each
        # worker's memory without replacement only grew as those caches filled (263 -> 306 MiB PSS from
        # 5,000 to 30,000 articles, +14, +10, +5, +9, +5 per 5,000).
        self.max_tasks = max_tasks

    def map(self, pipeline: Pipeline, articles: Iterable[Article], task: Task = process) -> Iterator[Any]:
        """Run ``task`` on every article; yield results in input order.

        When a worker dies (killed for memory, a crash in a C library), the articles of the chunks in flight
        run again one at a time, each in a worker of its own: the article whose worker dies again comes
        back as a :class:`Problem`, the others as usual, and the run goes on with a fresh pool."""
        it = iter(articles)
        head = list(islice(it, self.min_pool))
        if self.workers == 1 or len(head) < self.min_pool:
            yield from (task(a, pipeline) for a in chain(head, it))
            return
        initargs = (pipeline.stage_names, pipeline_config(pipeline), task, self.nice)
        chunks = batched(chain(head, it), self.chunksize)
        while lost := (yield from self._pooled(chunks, initargs)):
            yield from _one_by_one([a for chunk in lost for a in chunk], initargs)

    def _pooled(
        self, chunks: Iterator[tuple[Article, ...]], initargs: tuple[Any, ...]
    ) -> Generator[Any, None, list[tuple[Article, ...]]]:
        """Results of ``chunks`` from a pool of workers, until they run out (returns []) or a worker dies
        (returns the chunks whose results were lost, in order; ``chunks`` goes on after them)."""
        with ProcessPoolExecutor(
            self.workers, pool_context(), _init_worker, initargs, max_tasks_per_child=self.max_tasks
        ) as pool:
            in_flight: deque[tuple[tuple[Article, ...], Future[list[Any]] | None]] = deque()
            try:
                for chunk in chunks:
                    in_flight.append((chunk, None))  # held before submit, which fails on a broken pool
                    in_flight[-1] = (chunk, pool.submit(_work, chunk))
                    if len(in_flight) >= self.workers * self.ahead:
                        yield from _first_results(in_flight)
                while in_flight:
                    yield from _first_results(in_flight)
            except BrokenProcessPool:
                return [chunk for chunk, _ in in_flight]
            finally:  # stopped early (an error, or the caller's): the chunks not started are not run
                for _, pending in in_flight:
                    if pending is not None:
                        pending.cancel()
        return []


def _first_results(in_flight: deque[tuple[tuple[Article, ...], Future[list[Any]] | None]]) -> Iterator[Any]:
    """The results of the first chunk in flight, which leaves the queue only once they have come back."""
    sent, done = in_flight[0]
    assert done is not None
    results = done.result()
    in_flight.popleft()
    return map(restore_raw, results, sent)


def _one_by_one(articles: list[Article], initargs: tuple[Any, ...]) -> list[Any]:
    """Each article's result from a worker that holds only it; a :class:`Problem` for one whose worker dies.

    Raises ``BrokenProcessPool`` when every one of several articles kills its worker: that is no article's
    fault (a worker that cannot start, a machine out of memory), and the run stops as it would have."""
    out: list[Any] = []
    pool: ProcessPoolExecutor | None = None
    try:
        for article in articles:
            pool = pool or ProcessPoolExecutor(1, pool_context(), _init_worker, initargs)
            try:
                (result,) = pool.submit(_work, (article,)).result()
            except BrokenProcessPool:
                pool.shutdown()
                pool = None
                out.append(
                    Problem(article.origin or article.id, "its worker process died while processing it")
                )
                continue
            out.append(restore_raw(result, article))
    finally:
        if pool is not None:
            pool.shutdown()
    if len(articles) > 1 and all(isinstance(r, Problem) for r in out):
        raise BrokenProcessPool(f"the worker died on each of {len(articles)} articles run alone")
    return out
