"""The founding example: three events in one story, whatever the arrival order."""

from __future__ import annotations

import random

import pytest

from khabar.cluster.events import Clusterer
from khabar.text.normalize import fold

from .seed_fixture import seed_articles

MINSK = {"001_008f0bbb976f5b92", "003_260b10cfabfba221", "004_cf6fa2405558f434"}


def _partition(assignments) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for a in assignments:
        groups.setdefault(a.event, set()).add(a.article)
    return {frozenset(g) for g in groups.values()}


EXPECTED = {frozenset(MINSK), frozenset({"002_9022c90057377cdd"}), frozenset({"000_4c2eb34c51f5e7fe"})}


@pytest.mark.parametrize("seed", range(10))
def test_three_events_one_story_in_any_order_one_at_a_time(seed: int) -> None:
    articles = seed_articles()
    random.Random(seed).shuffle(articles)
    clusterer = Clusterer()
    for a in articles:
        clusterer.add(a)
    done = [clusterer.assignment(a.id) for a in articles]
    assert _partition(done) == EXPECTED
    assert len({a.story for a in done}) == 1


def test_batch_order_does_not_matter() -> None:
    articles = seed_articles()
    first = Clusterer().add_batch(articles)
    shuffled = list(reversed(articles))
    second = Clusterer().add_batch(shuffled)
    assert sorted(first, key=lambda a: a.article) == sorted(second, key=lambda a: a.article)


def test_event_facts() -> None:
    articles = seed_articles()
    clusterer = Clusterer()
    done = {a.article: a for a in clusterer.add_batch(articles)}
    by_id = {a.id: a for a in articles}

    def event_of(article_id: str):
        rec = clusterer.state.get("event", done[article_id].event)
        return clusterer.describe(rec["id"], [by_id[x] for x in rec["articles"]])

    minsk = event_of("001_008f0bbb976f5b92")
    assert minsk.date == "2022-12-19"
    assert "Minsk" in [p["name"] for p in minsk.places]
    assert set(minsk.articles) == MINSK
    assert minsk.summary["ar"].count(".") >= 1
    assert minsk.title in {by_id[x].title for x in MINSK}
    moscow = event_of("002_9022c90057377cdd")
    assert moscow.date is None
    assert [p["name"] for p in moscow.places][:1] == ["Moscow"]
    spb = event_of("000_4c2eb34c51f5e7fe")
    assert spb.languages == ["fa"]
    assert fold(spb.places[0]["name"]) == fold("Saint Petersburg")
    story = clusterer.describe_story(minsk.story, [minsk, moscow, spb])
    assert story.events[0] == minsk.id  # the only dated event comes first on the timeline
    assert {a["name"] for a in story.actors} >= {"Vladimir Putin", "Alexander Lukashenko"}
