"""The Ray engine: the per-article stages on Ray Data, results back in input order to the one store writer.

Articles travel to the cluster pickled, in windows of ``window`` articles (one Ray dataset each, so the
driver and the object store hold at most a window); ``map_batches`` runs them on a pool of actors, one
per cluster CPU, each building the Pipeline once and keeping its lexicons and models loaded for the whole
window. The processed Articles stream back in input order; the store and the clustering stay on the driver.
Ray is optional: ``pip install 'khabar[ray]'``.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import numpy as np

from ..batches import batched
from ..ingest import Task, process, warm_up
from ..model import Article
from ..pipeline import Pipeline
from .local import pipeline_config, restore_raw, shed_raw


class RayMissingError(RuntimeError):
    """The ray engine was asked for but Ray is not installed."""


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise RayMissingError(
            "the ray engine needs Ray Data: pip install 'khabar[ray]' (or pip install 'ray[data]')"
        ) from None
    return ray


class _Stages:
    """A Ray Data actor: builds the pipeline once, then runs the task on batches of pickled articles."""

    def __init__(self, names: list[str], config: Mapping[str, Mapping[str, Any]], task: Task) -> None:
        self.pipeline = Pipeline(names, config)
        self.task = task
        warm_up(self.pipeline, task)

    def _run(self, blob: bytes) -> bytes:
        article = pickle.loads(blob)
        return pickle.dumps(shed_raw(self.task(article, self.pipeline), article))

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        results = [self._run(blob) for blob in batch["article"]]
        return {"index": batch["index"], "result": np.array(results, dtype=object)}


class RayEngine:
    """Maps the pipeline over articles on a Ray cluster (``address``: an existing one; None: local or
    ``RAY_ADDRESS``), yielding results in input order."""

    def __init__(
        self,
        address: str | None = None,
        *,
        window: int = 10_000,
        batch_size: int = 32,
        actors: int | None = None,
        init_options: Mapping[str, Any] | None = None,
    ) -> None:
        self.address = address
        self.window = window
        self.batch_size = batch_size
        self.actors = actors
        self.init_options = dict(init_options or {})
        _ray()  # fail now, with a clear message, when Ray is missing

    def _connect(self) -> Any:
        ray = _ray()
        if not ray.is_initialized():
            options = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": logging.WARNING,
                **self.init_options,
            }
            ray.init(address=self.address, **options)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False  # khabar ingest shows its own
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        return ray

    def map(self, pipeline: Pipeline, articles: Iterable[Article], task: Task = process) -> Iterator[Any]:
        """Run ``task`` on every article on the cluster; yield results in input order."""
        ray = self._connect()
        actors = self.actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
        stages = {"names": list(pipeline.stage_names), "config": pipeline_config(pipeline), "task": task}
        for window in batched(articles, self.window):
            items = [{"index": i, "article": pickle.dumps(a)} for i, a in enumerate(window)]
            dataset = ray.data.from_items(items).map_batches(
                _Stages,
                fn_constructor_kwargs=stages,
                batch_size=self.batch_size,
                batch_format="numpy",
                concurrency=min(actors, max(1, len(items) // self.batch_size)),
            )
            results = _in_order(dataset.iter_batches(batch_size=None, batch_format="numpy"))
            yield from map(restore_raw, results, window)


def _in_order(batches: Iterable[dict[str, np.ndarray]]) -> Iterator[Any]:
    """Results by their input index, as soon as every earlier one has arrived."""
    waiting: dict[int, bytes] = {}
    next_index = 0
    for batch in batches:
        waiting.update(zip(batch["index"].tolist(), batch["result"], strict=True))
        while next_index in waiting:
            yield pickle.loads(waiting.pop(next_index))
            next_index += 1
    if waiting:
        raise RuntimeError(f"Ray returned results past a missing article (index {next_index})")
