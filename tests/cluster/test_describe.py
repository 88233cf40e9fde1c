"""Describing an event reads a bounded number of its articles: the most central ones, in event order."""

from __future__ import annotations

from khabar.cluster.describe import DESCRIBED_ARTICLES, central


def _record(i: int, weight: float) -> dict:
    return {"id": f"a{i}", "seq": i, "vec": {"quake": weight, f"other{i}": 1.0 - weight}}


def test_a_small_event_is_described_from_all_its_articles() -> None:
    records = [_record(i, 0.5) for i in range(3)]
    event = {"articles": ["a2", "a0", "a1"], "vec": {"quake": 1.0}}
    assert central(event, records) == ["a2", "a0", "a1"]


def test_a_large_event_is_described_from_its_most_central_articles_in_event_order() -> None:
    n = DESCRIBED_ARTICLES + 8
    records = [_record(i, i / n) for i in range(n)]  # the later, the closer to the centroid
    event = {"articles": [f"a{i}" for i in reversed(range(n))], "vec": {"quake": 1.0}}
    chosen = central(event, records)
    assert chosen == [f"a{i}" for i in reversed(range(n - DESCRIBED_ARTICLES, n))]
