"""Ingest through the Python API: identity, idempotence, copies, bad input, crash safety, reprocess."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path

import pytest

from khabar import registry
from khabar.api import Khabar
from khabar.cluster import features
from khabar.cluster.settings import settings
from khabar.config import DEFAULT_PIPELINE
from khabar.extract.entities import resources
from khabar.ingest import Task, article_from_document, content_key, prepare, warm_up
from khabar.model import Article, Document
from khabar.pipeline import Pipeline
from khabar.sources.decode import DecodeError
from khabar.text import langid


def test_identity_is_record_id_then_url_then_content_hash() -> None:
    assert article_from_document(Document("f", "نص", meta={"id": 7, "url": "http://x"})).id == "7"
    assert article_from_document(Document("f", "نص", meta={"url": "http://x/a"})).id == "http://x/a"
    a, b = (article_from_document(Document(o, t)) for o, t in (("1", "كتاب  جديد"), ("2", "كِتَابٌ جديد\n")))
    assert a.id == b.id and a.id.startswith("sha1:")
    assert content_key("ي ك") == content_key("ی ک")


def test_documents_are_decoded_to_nfc_and_empty_ones_refused() -> None:
    a = article_from_document(Document("f", "سلام".encode("utf-16")))
    assert a.raw == "سلام"
    with pytest.raises(DecodeError):
        article_from_document(Document("f", b"  \n"))


def test_ingest_seeds_twice_adds_nothing_the_second_time(make_corpus, seeds_dir: Path) -> None:
    k = make_corpus()
    first = k.ingest([str(seeds_dir)])
    assert (first.ingested, first.present, first.exit_code) == (5, 0, 0)
    again = k.ingest([str(seeds_dir)])
    assert (again.ingested, again.present, again.exit_code) == (0, 5, 0)
    assert "0 ingested, 5 already present" in again.summary()
    assert k.stats()["articles"] == 5


def test_same_text_under_two_identities_is_a_copy_not_lost(
    make_corpus, tmp_path: Path, seeds_dir: Path
) -> None:
    text = (seeds_dir / "002_9022c90057377cdd.txt").read_text(encoding="utf-8")
    records = [
        {"id": "rt-1", "text": text, "outlet": "RT"},
        {"id": "sp-9", "text": text, "outlet": "Sputnik"},
    ]
    f = tmp_path / "two.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    k = make_corpus()
    report = k.ingest([str(f)])
    assert report.ingested == 2 and report.copies == 1
    assert k.article("sp-9").duplicate_of == "rt-1"
    assert k.article("rt-1").duplicate_of is None


def test_bad_input_is_reported_and_the_run_goes_on(make_corpus, tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes((seeds_dir / "002_9022c90057377cdd.txt").read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "blob.bin").write_bytes(bytes(range(256)) * 4)
    report = make_corpus().ingest([str(tmp_path / "in")])
    assert report.ingested == 1
    assert len(report.problems) == 2
    assert all(str(tmp_path / "in") in str(p) for p in report.problems)
    assert report.exit_code == 0


def test_nothing_ingested_and_input_failed_exits_1(make_corpus, tmp_path: Path) -> None:
    report = make_corpus().ingest([str(tmp_path / "missing.txt")])
    assert report.ingested == 0 and report.problems and report.exit_code == 1


@registry.stage("tests.crash_on_third.v1", assigns=("meta",))
def _crash(article: Article) -> Article:
    if "003_" in article.origin:
        raise KeyboardInterrupt
    return article


def test_an_interrupted_run_leaves_a_consistent_store_and_a_rerun_finishes(
    make_corpus, seeds_dir: Path
) -> None:
    k = make_corpus(pipeline=["khabar.text.html.v1", "tests.crash_on_third.v1"])
    with pytest.raises(KeyboardInterrupt):
        k.ingest([str(seeds_dir)])
    assert k.stats()["articles"] == 3  # 000, 001, 002: processed before the interruption, so stored
    k2 = make_corpus()  # same file, default pipeline
    report = k2.ingest([str(seeds_dir)])
    assert (report.ingested, report.present) == (2, 3)


class _StopsAfter:
    """An engine that runs the task here and stops the run after ``n`` results (a dead worker, a Ctrl-C)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def map(self, pipeline: Pipeline, articles: Iterable[Article], task: Task) -> Iterator[object]:
        for i, article in enumerate(articles):
            if i == self.n:
                raise RuntimeError("stopped")
            yield task(article, pipeline)


def _events(k: Khabar) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for a in k.store.iter_articles():
        groups.setdefault(a.event, set()).add(a.id)
    return {frozenset(g) for g in groups.values()}


def test_articles_stored_but_not_clustered_are_clustered_by_the_next_ingest(
    make_corpus, seeds_dir: Path
) -> None:
    """A run stopped between storing a group and clustering it leaves articles in no event; the next ingest,
    with nothing new to add, clusters them as one uninterrupted run would have."""
    k = make_corpus("stopped.db", ingest={"write_group": 2})
    with pytest.raises(RuntimeError):
        k.ingest([str(seeds_dir)], engine=_StopsAfter(4))
    assert [a.event for a in k.store.iter_articles()] == [None] * 4
    report = k.ingest([str(seeds_dir)])
    assert (report.ingested, report.present) == (1, 4)
    whole = make_corpus("whole.db")
    whole.ingest([str(seeds_dir)])
    assert None not in {a.event for a in k.store.iter_articles()}
    assert _events(k) == _events(whole)


@pytest.mark.parametrize(("group", "commits"), [(2, 3), (512, 1)])
def test_articles_are_stored_in_groups_of_write_group(
    make_corpus, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, group: int, commits: int
) -> None:
    k = make_corpus(ingest={"write_group": group, "cluster": False})
    opened = []
    transaction = k.store.transaction

    def counted() -> AbstractContextManager[None]:
        opened.append(1)
        return transaction()

    monkeypatch.setattr(k.store, "transaction", counted)
    assert k.ingest([str(seeds_dir)]).ingested == 5
    assert len(opened) == commits  # 5 articles: 2 + 2 + 1, or all 5 at once


@pytest.mark.parametrize("cluster", [True, False])
def test_on_done_counts_articles_once_they_are_stored_and_clustered(
    make_corpus, seeds_dir: Path, cluster: bool
) -> None:
    k = make_corpus(ingest={"cluster_chunk": 2, "cluster": cluster})
    finished: list[tuple[int, int, int]] = []  # (n, articles stored, articles in an event) at each call

    def done(n: int) -> None:
        clustered = sum(a.event is not None for a in k.store.iter_articles())
        finished.append((n, k.stats()["articles"], clustered))

    assert k.ingest([str(seeds_dir)], on_done=done).ingested == 5
    if cluster:  # chunks of 2, 2 and 1, each reported once clustered
        assert finished == [(2, 5, 2), (2, 5, 4), (1, 5, 5)]
    else:  # one by one, once its write group is stored
        assert [n for n, _, _ in finished] == [1] * 5 and all(c == 0 for _, _, c in finished)


def test_reprocess_redoes_only_stale_articles(make_corpus, seeds_dir: Path) -> None:
    k = make_corpus()
    k.ingest([str(seeds_dir)])
    assert k.reprocess() == 0
    first = next(iter(k.store.iter_articles()))
    first.stages["khabar.text.html"] = "v0"
    k.store.put_article(first, content_hash="x", text_hash="y")
    assert k.reprocess() == 1
    assert k.reprocess(everything=True) == 5
    assert k.article(first.id).stages["khabar.text.html"] == "v1"


def test_warm_up_loads_the_stage_tables_and_freezes_them() -> None:
    langid._detector.cache_clear()
    try:
        warm_up(Pipeline(list(DEFAULT_PIPELINE)))
        assert resources.cache_info().currsize >= 1
        assert langid._detector.cache_info().currsize >= 1  # lingua's detector of Latin-script languages
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_warm_up_loads_the_tables_of_the_task() -> None:
    """A worker that prepares articles for clustering loads the clustering tables before the freeze."""
    features._place_table.cache_clear()
    try:
        warm_up(Pipeline(list(DEFAULT_PIPELINE)), partial(prepare, cluster=settings()))
        assert features._place_table.cache_info().currsize == 1
    finally:
        gc.unfreeze()
