"""The local engine: a process pool gives exactly what the serial path gives, in input order."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

import pytest

from khabar.cluster.settings import settings
from khabar.config import DEFAULT_PIPELINE
from khabar.engines import LocalEngine
from khabar.ingest import Prepared, SerialEngine, article_from_document, prepare
from khabar.model import Article, Document
from khabar.pipeline import Pipeline
from khabar.sources import Problem


def _articles(seeds_dir: Path, copies: int) -> list:
    docs = [Document(str(p), p.read_bytes(), meta={"path": str(p)}) for p in sorted(seeds_dir.glob("*.txt"))]
    out = []
    for i in range(copies):
        for d in docs:
            a = article_from_document(d)
            a.id = f"{a.id}-{i}"
            out.append(a)
    return out


def test_pool_matches_serial_in_order(seeds_dir: Path) -> None:
    pipeline = Pipeline(list(DEFAULT_PIPELINE))
    serial = list(SerialEngine().map(pipeline, _articles(seeds_dir, 4)))
    pooled = list(LocalEngine(2, min_pool=8, chunksize=2).map(pipeline, _articles(seeds_dir, 4)))
    assert [a.id for a in pooled] == [a.id for a in serial]
    assert [a.to_dict() for a in pooled] == [a.to_dict() for a in serial]


def test_replaced_workers_give_the_same_results_in_order(seeds_dir: Path) -> None:
    """Workers replaced after every chunk (``max_tasks=1``) lose nothing and keep the input order."""
    pipeline = Pipeline(list(DEFAULT_PIPELINE))
    serial = list(SerialEngine().map(pipeline, _articles(seeds_dir, 4)))
    engine = LocalEngine(2, min_pool=8, chunksize=2, max_tasks=1)
    pooled = list(engine.map(pipeline, _articles(seeds_dir, 4)))
    assert [a.to_dict() for a in pooled] == [a.to_dict() for a in serial]
    pids = list(engine.map(pipeline, _articles(seeds_dir, 4), _pid))
    assert len(set(pids)) > 2  # 10 chunks on 2 workers, each worker replaced after one


def _pid(article: Article, pipeline: Pipeline) -> int:
    """The process that ran the task (a picklable task for the pool)."""
    return os.getpid()


def _die(article: Article, pipeline: Pipeline) -> Article:
    """A task whose worker dies on one article (as one killed for memory would)."""
    if article.id.endswith("-2"):
        os._exit(1)
    return article


@pytest.mark.timeout(120)
def test_an_article_whose_worker_dies_comes_back_as_a_problem(seeds_dir: Path) -> None:
    """The articles a dead worker's pool held run again one by one: the one that kills its worker again
    becomes a Problem naming it, every other one comes back, in input order, and the run goes on."""
    articles = _articles(seeds_dir, 4)
    out = list(LocalEngine(2, min_pool=8, chunksize=2).map(Pipeline(list(DEFAULT_PIPELINE)), articles, _die))
    assert len(out) == len(articles)
    for sent, got in zip(articles, out, strict=True):
        if sent.id.endswith("-2"):
            assert isinstance(got, Problem) and got.origin == sent.origin
            assert "worker process died" in got.reason
        else:
            assert isinstance(got, Article) and got.id == sent.id and got.raw == sent.raw


def _always_die(article: Article, pipeline: Pipeline) -> Article:
    """A task whose worker dies on every article (as one that cannot start would)."""
    os._exit(1)


@pytest.mark.timeout(120)
def test_workers_that_die_on_every_article_stop_the_run(seeds_dir: Path) -> None:
    """No article is to blame when each one run alone kills its worker: the run stops instead of turning all
    of them into problems."""
    engine = LocalEngine(2, min_pool=8, chunksize=2, ahead=1)
    with pytest.raises(BrokenProcessPool, match="died on each of 4 articles"):
        list(engine.map(Pipeline(list(DEFAULT_PIPELINE)), _articles(seeds_dir, 2), _always_die))


def test_small_runs_stay_in_process(seeds_dir: Path) -> None:
    engine = LocalEngine(2, min_pool=64)
    out = list(engine.map(Pipeline(list(DEFAULT_PIPELINE)), _articles(seeds_dir, 1)))
    assert len(out) == 5 and all(a.stages for a in out)


def test_pool_prepares_what_the_serial_path_prepares(seeds_dir: Path) -> None:
    """Hashes, index entries and clustering input computed in the workers equal those computed here;
    the raw input, which the workers do not send back, is put back."""
    pipeline = Pipeline(list(DEFAULT_PIPELINE))
    task = partial(prepare, cluster=settings())
    serial = list(SerialEngine().map(pipeline, _articles(seeds_dir, 4), task))
    pooled = list(LocalEngine(2, min_pool=8, chunksize=2).map(pipeline, _articles(seeds_dir, 4), task))
    assert all(isinstance(p, Prepared) and p.cluster is not None for p in pooled)
    assert [p.article.to_dict() for p in pooled] == [p.article.to_dict() for p in serial]
    assert all(p.article.raw for p in pooled)
    for p, s in zip(pooled, serial, strict=True):
        assert (p.content_hash, p.text_hash, p.index, p.cluster) == (
            s.content_hash,
            s.text_hash,
            s.index,
            s.cluster,
        )
