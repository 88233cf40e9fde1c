"""The founding example through the real pipeline (shipped gazetteer): three events in one story.

Also with the curated persons switched off, in 10 shuffled arrival orders (one article at a
time), and through the store (``ingest`` one file per call in a shuffled order).
"""

from __future__ import annotations

import copy
import functools
import random
from pathlib import Path

import pytest

import khabar
from khabar import config
from khabar.cluster.events import Clusterer
from khabar.model import Article
from khabar.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
MINSK = frozenset({"001_008f0bbb976f5b92", "003_260b10cfabfba221", "004_cf6fa2405558f434"})
EXPECTED = {MINSK, frozenset({"002_9022c90057377cdd"}), frozenset({"000_4c2eb34c51f5e7fe"})}
CURATED_OFF = {"stages": {"khabar.extract.entities.v1": {"curated": False}}}


@functools.cache
def _processed(curated: bool) -> tuple[Article, ...]:
    cfg = config.load() if curated else config.load(**CURATED_OFF)
    pipe = Pipeline(cfg["pipeline"], cfg.get("stages", {}))
    return tuple(
        pipe(Article(id=p.stem, path=str(p), raw=p.read_text("utf-8"), content_type="text/plain"))
        for p in sorted(SEEDS.glob("*.txt"))
    )


def _partition(pairs) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, event in pairs:
        groups.setdefault(event, set()).add(article)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("curated", [True, False])
@pytest.mark.parametrize("seed", range(10))
def test_three_events_one_story_in_shuffled_orders(seed: int, curated: bool) -> None:
    articles = [copy.deepcopy(a) for a in _processed(curated)]
    random.Random(seed).shuffle(articles)
    clusterer = Clusterer()
    for a in articles:
        clusterer.add(a)
    done = [clusterer.assignment(a.id) for a in articles]
    assert _partition((a.article, a.event) for a in done) == EXPECTED
    assert len({a.story for a in done}) == 1


def test_minsk_event_facts() -> None:
    articles = [copy.deepcopy(a) for a in _processed(True)]
    clusterer = Clusterer()
    done = {a.article: a for a in clusterer.add_batch(articles)}
    by_id = {a.id: a for a in articles}
    rec = clusterer.state.get("event", done["001_008f0bbb976f5b92"].event)
    event = clusterer.describe(rec["id"], [by_id[x] for x in rec["articles"]])
    assert event.date == "2022-12-19"
    assert event.places and event.places[0]["name"] == "Minsk"
    assert event.actors and all(a["name"] for a in event.actors)
    assert event.title and event.kind and event.languages == ["ar"] and event.summary.get("ar")


def test_through_the_store_one_file_at_a_time(tmp_path: Path) -> None:
    files = sorted(SEEDS.glob("*.txt"))
    random.Random(7).shuffle(files)
    with khabar.open(tmp_path / "seeds.db") as corpus:
        for f in files:
            corpus.ingest([str(f)])
        stored = list(corpus.store.iter_articles())
    assert _partition((Path(a.path).stem, a.event) for a in stored) == EXPECTED
    assert len({a.story for a in stored}) == 1
