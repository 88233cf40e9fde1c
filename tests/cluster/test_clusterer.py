"""Determinism, incrementality and copies in the online clusterer, on small built inputs."""

from __future__ import annotations

import copy

from seed_fixture import seed_articles

from khabar.cluster.events import Clusterer, canonical_order
from khabar.cluster.state import MemoryState
from khabar.model import Article


def _signature(assignments) -> list[tuple[str, str, str | None]]:
    return sorted((a.article, a.event, a.story) for a in assignments)


def test_two_batches_give_what_one_batch_gives() -> None:
    articles = canonical_order(seed_articles())
    one = Clusterer().add_batch(copy.deepcopy(articles))
    state = MemoryState()
    Clusterer(state).add_batch(copy.deepcopy(articles[:2]))
    resumed = Clusterer(state)  # a fresh clusterer over the same state: what a restart does
    resumed.add_batch(copy.deepcopy(articles[2:]))
    assert _signature(one) == _signature(resumed.assignment(a.id) for a in articles)


def test_same_input_same_output() -> None:
    a = Clusterer().add_batch(seed_articles(), refine=True)
    b = Clusterer().add_batch(seed_articles(), refine=True)
    assert _signature(a) == _signature(b)


def test_a_copy_joins_its_originals_event_and_counts_its_outlet() -> None:
    articles = seed_articles()
    original = next(a for a in articles if a.id.startswith("002"))
    duplicate = copy.deepcopy(original)
    duplicate.id, duplicate.outlet, duplicate.meta = "zz_copy", "Other Outlet", {}
    clusterer = Clusterer()
    clusterer.add_batch(articles)
    done = clusterer.add(duplicate)
    assert done.duplicate_of == original.id
    assert done.event == clusterer.assignment(original.id).event
    event = clusterer.state.get("event", done.event)
    assert "zz_copy" in event["copies"] and "Other Outlet" in event["outlets"]


def test_articles_with_only_text_cluster_without_error() -> None:
    texts = [
        "An earthquake of magnitude 6.1 struck northern Chile on Monday, officials in Santiago said.",
        "Officials in Santiago said a magnitude 6.1 earthquake struck northern Chile on Monday.",
        "The central bank raised interest rates by half a point to fight inflation.",
        "",
    ]
    clusterer = Clusterer()
    done = clusterer.add_batch(Article(id=f"a{i}", text=t) for i, t in enumerate(texts))
    events = {a.article: a.event for a in done}
    assert events["a0"] == events["a1"] != events["a2"]


def test_name_conflict_counts_only_names_missing_on_both_sides() -> None:
    from khabar.cluster.similarity import name_conflict

    reid = {"c:reid": 0.9, "c:promises": 0.4, "c:malibu": 0.2}
    lohan = {"c:lohan": 0.9, "c:betty": 0.5, "c:ford": 0.5}
    assert name_conflict(reid, lohan, 3) == 1.0
    assert name_conflict(reid, {"c:reid": 0.8, "c:people": 0.3}, 3) < 0.5
    assert name_conflict(reid, {}, 3) == 0.0
