"""Describing an event reads a bounded number of its articles: the most central ones, in event order,
kept as the event's core while articles join."""

from __future__ import annotations

from pathlib import Path

from khabar.cluster.describe import DESCRIBED_ARTICLES, SentenceVectors, central, summarize
from khabar.cluster.events import Clusterer
from khabar.cluster.features import cluster_input, summary_sentences
from khabar.cluster.settings import settings
from khabar.cluster.state import MemoryState
from khabar.config import DEFAULT_PIPELINE
from khabar.model import Article
from khabar.pipeline import Pipeline


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


def _quake_reports(n: int) -> list[Article]:
    """``n`` reports of one earthquake, each with words of its own, naming the city as an entity."""
    izmir = {
        "id": "Q35997",
        "type": "PLACE",
        "name": "Izmir",
        "salience": 1.0,
        "mentions": [{"text": "Izmir"}],
    }
    return [
        Article(
            id=f"q{i:02d}",
            text=f"An earthquake of magnitude 6.6 struck Izmir on Friday, rescuers said. Witness{i} saw tower{i} fall.",
            published="2020-10-30T12:00",
            entities=[izmir],
        )
        for i in range(n)
    ]


class _CountingState(MemoryState):
    """A MemoryState that counts the article records read."""

    def __init__(self) -> None:
        super().__init__()
        self.article_reads = 0

    def get(self, kind: str, key: str) -> dict | None:
        self.article_reads += kind == "article"
        return super().get(kind, key)


def _event(clusterer: Clusterer) -> dict:
    (event,) = clusterer.state.scan("event")
    return event


def test_an_event_keeps_a_bounded_core_of_its_most_central_articles_as_they_join() -> None:
    clusterer = Clusterer()
    clusterer.add_batch(_quake_reports(DESCRIBED_ARTICLES + 6))
    event = _event(clusterer)
    assert len(event["articles"]) == DESCRIBED_ARTICLES + 6
    assert len(event["core"]) == DESCRIBED_ARTICLES
    assert event["core"] == [a for a in event["articles"] if a in set(event["core"])]  # in event order
    assert event["names"]["Q35997"] == "Izmir" and event["types"]["Q35997"] == "PLACE"


def test_the_core_does_not_depend_on_how_articles_were_batched() -> None:
    reports = _quake_reports(DESCRIBED_ARTICLES + 6)
    one = Clusterer()
    one.add_batch(reports)
    state = MemoryState()
    for i in range(0, len(reports), 5):
        Clusterer(state).add_batch(reports[i : i + 5])
    assert _event(one)["core"] == _event(Clusterer(state))["core"]


def test_describing_a_large_event_reads_only_its_core() -> None:
    state = _CountingState()
    clusterer = Clusterer(state)
    clusterer.add_batch(_quake_reports(DESCRIBED_ARTICLES + 20))
    event = _event(clusterer)
    state.article_reads = 0
    core = clusterer.core(event)
    assert state.article_reads == DESCRIBED_ARTICLES == len(core)


def test_an_event_record_from_before_cores_gets_its_core_and_names() -> None:
    clusterer = Clusterer()
    clusterer.add_batch(_quake_reports(DESCRIBED_ARTICLES + 2))
    event = _event(clusterer)
    old = {k: v for k, v in event.items() if k not in ("core", "names", "types")}
    members = [clusterer.state.get("article", a) for a in event["articles"]]
    assert [r["id"] for r in clusterer.core(old)] == central(old, members)
    assert old["names"] == {"Q35997": "Izmir"}


def test_a_summary_is_chosen_among_the_first_sentences_of_each_article() -> None:
    filler = [f"Officials in the region number {i} spoke about routine matters today." for i in range(12)]
    central_one = "The ministers signed the water treaty in Geneva on Monday."
    late = Article(id="late", text=" ".join([*filler, central_one]))
    early = Article(id="early", text=" ".join([central_one, *filler]))
    centroid = {t: 1.0 for t in ("ministers", "signed", "water", "treaty", "geneva", "monday")}
    assert central_one in summarize([early], centroid)
    assert central_one not in summarize([late], centroid)  # its 13th sentence: past the lead


def test_the_lead_a_worker_computes_is_what_describing_would_tokenize(seeds_dir: Path) -> None:
    """A stage worker's ``ClusterInput.lead`` stands in for tokenizing each summary sentence when describing."""
    pipe = Pipeline(list(DEFAULT_PIPELINE))
    for path in sorted(seeds_dir.glob("*.txt")):
        article = pipe(Article(id=path.stem, raw=path.read_text("utf-8"), content_type="text/plain"))
        lead = cluster_input(article, settings()).lead
        sentences = summary_sentences(article)
        assert len(lead) == len(sentences) > 1
        for sentence, joined in zip(sentences, lead, strict=True):
            assert SentenceVectors(1).get(sentence, joined) == SentenceVectors(1).get(sentence)
