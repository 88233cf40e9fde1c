"""Clustering metrics and the evaluation run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.cluster.evaluate import _search, bcubed, evaluate, odd_topics, pairwise

from ..seedcheck import bench_data


def test_bcubed_and_pairwise_on_a_known_case() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    assert bcubed(gold, gold)["f1"] == 1.0
    merged = {"a": "x", "b": "x", "c": "x"}
    # precision: a,b see 2/3 right, c sees 1/3 -> 5/9; recall 1
    assert bcubed(merged, gold)["precision"] == round(5 / 9, 4)
    assert bcubed(merged, gold)["recall"] == 1.0
    assert pairwise(merged, gold)["precision"] == round(1 / 3, 4)
    assert pairwise({"a": "x", "b": "y", "c": "z"}, gold)["recall"] == 0.0


def test_odd_topics() -> None:
    assert odd_topics("topic1") and not odd_topics("topic12") and not odd_topics("none")


def test_the_search_never_sets_a_merge_threshold_below_its_join_threshold() -> None:
    start = {
        "events": {"threshold": 0.4, "merge_threshold": 0.8},
        "stories": {"threshold": 0.2, "merge_threshold": 0.3},
    }
    grid = {"stories.merge_threshold": [0.05, 0.1, 0.25, 0.3], "events.merge_threshold": [0.2, 0.6]}

    def lowest(block: dict) -> float:  # rewards ever lower merge thresholds
        return -block["stories"]["merge_threshold"] - block["events"]["merge_threshold"]

    best, _ = _search(start, grid, lowest, rounds=2)
    assert best["stories"]["merge_threshold"] == 0.25 and best["events"]["merge_threshold"] == 0.6


def test_evaluate_on_a_small_labeled_file(tmp_path: Path) -> None:
    rows = [
        {
            "id": "q1",
            "text": "A magnitude 6.1 earthquake struck northern Chile on Monday near Arica.",
            "event": "e1",
            "story": "s1",
        },
        {
            "id": "q2",
            "text": "A strong earthquake of magnitude 6.1 hit northern Chile near Arica on Monday.",
            "event": "e1",
            "story": "s1",
        },
        {
            "id": "r1",
            "text": "The central bank of Brazil raised interest rates by half a point.",
            "event": "e2",
            "story": "s2",
        },
    ]
    path = tmp_path / "labeled.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = evaluate(path)
    assert out["articles"] == 3
    assert out["khabar"]["events"]["bcubed"]["f1"] == 1.0
    assert set(out) >= {"baseline_tfidf_agglomerative", "baseline_copies", "seconds", "articles_per_s"}


@pytest.mark.slow
def test_ecbplus_beats_the_copies_baseline() -> None:
    out = evaluate(bench_data("ecbplus.jsonl"), topics=lambda s: s in {"topic1", "topic2", "topic3"})
    assert out["khabar"]["events"]["bcubed"]["f1"] > out["baseline_copies"]["events"]["bcubed"]["f1"]


def test_gold_labels_in_meta_never_reach_the_clusterer() -> None:
    from khabar.cluster.events import Clusterer
    from khabar.model import Article

    texts = [
        "A magnitude 6.1 earthquake struck northern Chile on Monday near Arica.",
        "A strong earthquake of magnitude 6.1 hit northern Chile near Arica on Monday.",
        "The central bank of Brazil raised interest rates by half a point.",
    ]

    def run(labels: list[str]) -> list[str]:
        articles = [
            Article(id=f"a{i}", text=t, meta={"event": lab, "story": lab})
            for i, (t, lab) in enumerate(zip(texts, labels, strict=True))
        ]
        return [a.event for a in Clusterer().add_batch(articles)]

    assert run(["x", "x", "y"]) == run(["p", "q", "p"])
