"""Turning clusterer records into exported Events and Stories: title, date, places, actors, kind, summary.

The store calls these when it exports (or after a batch, for the events the batch touched),
passing the event's articles; nothing here changes the clustering state.
"""

from __future__ import annotations

import math
import sys
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Article, Event, Story
from .features import summary_sentences, term_list
from .similarity import cosine, norm, top

_SUMMARY_SENTENCES = 3
_MAX_QUOTES = 20
_STATEMENT = "statement"
DESCRIBED_ARTICLES = 12
"""An event is described from at most this many of its articles, the most central: a bounded cost per event."""

SentenceVector = tuple[dict[str, float], float, str]


class SentenceVectors:
    """Sentence -> its term weights (1 + log of the count), their length, and its terms joined (which tells a
    repeated sentence); the ``size`` most recently used. Events are described again whenever they grow, so
    their sentences recur."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._vectors: OrderedDict[str, SentenceVector] = OrderedDict()

    def get(self, sentence: str, joined: str | None = None) -> SentenceVector:
        """The vector of ``sentence``, from ``joined`` (its terms joined by spaces) when given, else tokenized."""
        found = self._vectors.get(sentence)
        if found is not None:
            self._vectors.move_to_end(sentence)
            return found
        if joined is None:
            terms = term_list(sentence)
            joined = " ".join(terms)
        else:  # interned, as the tokenizer's cached terms are shared: 20,000 sentences' own copies took ~40 MiB
            terms = [sys.intern(t) for t in joined.split()]
        vec = {t: 1.0 + math.log(n) for t, n in Counter(terms).items()}
        found = self._vectors[sentence] = (vec, norm(vec), joined)
        if len(self._vectors) > self.size:
            self._vectors.popitem(last=False)
        return found


_VECTORS = SentenceVectors(20_000)


def remember(article: Article, lead: Sequence[str]) -> None:
    """Keep the vectors of ``article``'s :func:`summary_sentences` from ``lead``, their terms as
    :class:`~.features.ClusterInput` holds them (computed by a stage worker in an ingest), for the next
    descriptions."""
    for sentence, joined in zip(summary_sentences(article), lead, strict=False):
        _VECTORS.get(sentence, joined)


def summarize(articles: Sequence[Article], centroid: Mapping[str, float]) -> str:
    """The 2-3 sentences of ``articles`` most central to the event (cosine with its term centroid), in reading order.

    Only each article's :func:`~.features.summary_sentences` are candidates."""
    length = norm(centroid)
    scored: list[tuple[float, int, int, str]] = []
    for i, article in enumerate(articles):
        for j, sentence in enumerate(summary_sentences(article)):
            vec, vec_length, _ = _VECTORS.get(sentence)
            scored.append((cosine(vec, centroid, vec_length, length), i, j, sentence))
    chosen: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for score, i, j, sentence in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        key = _VECTORS.get(sentence)[2]
        if score <= 0 or key in seen:
            continue
        seen.add(key)
        chosen.append((i, j, sentence))
        if len(chosen) == _SUMMARY_SENTENCES:
            break
    return " ".join(s for _, _, s in sorted(chosen))


def _named(counts: Mapping[str, float], names: Mapping[str, str], limit: int) -> list[dict[str, Any]]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [{"id": None if k.startswith("n:") else k, "name": names.get(k, k)} for k, _ in ranked]


def _date(record: Mapping[str, Any]) -> str | None:
    lo, hi = record.get("lo"), record.get("hi")
    if not lo:
        return None
    return lo if lo == hi else f"{lo}/{hi}"


def central(
    record: Mapping[str, Any], records: Sequence[Mapping[str, Any]], limit: int = DESCRIBED_ARTICLES
) -> list[str]:
    """Ids of the ``limit`` articles of an event closest to its term centroid (earliest first among ties), in event order.

    ``records`` are the clusterer article records of the event's members. The title is chosen among
    these (the best-titled article is the most central one with a title), and so are the summary
    sentences and quotes, so describing a large event costs what describing ``limit`` articles does.
    """
    if len(records) > limit:
        ranked = sorted(records, key=lambda r: (-cosine(r["vec"], record["vec"]), r["seq"]))[:limit]
        keep = {r["id"] for r in ranked}
    else:
        keep = {r["id"] for r in records}
    return [a for a in record["articles"] if a in keep]


def describe_event(
    record: Mapping[str, Any], articles: Sequence[Article], records: Sequence[Mapping[str, Any]]
) -> Event:
    """The exported Event for a clusterer event ``record``, its core's ``articles`` and clusterer article ``records``
    (:func:`central`: an event is described from a bounded number of its articles)."""
    names, types = record["names"], record["types"]
    by_id = {a.id: a for a in articles}
    best = max(
        (r for r in records if (by_id.get(r["id"]) and by_id[r["id"]].title)),
        key=lambda r: (cosine(r["vec"], record["vec"]), -r["seq"]),
        default=None,
    )
    actors = {k: w for k, w in record["ents"].items() if types.get(k) in ("PERSON", "ORG")}
    places = _named(record["mains"], names, 5)
    kinds = {k: n for k, n in record["kinds"].items() if k != _STATEMENT} or record["kinds"]
    date = _date(record)
    if best is not None:
        title = by_id[best["id"]].title
    else:
        label = [a["name"] for a in _named(actors, names, 2)] + [p["name"] for p in places[:1]] + [date or ""]
        title = " · ".join(x for x in label if x) or None
    by_lang: dict[str, list[Article]] = {}
    for r in records:
        if r["id"] in by_id and not r.get("dup"):
            by_lang.setdefault(r["lang"], []).append(by_id[r["id"]])
    summary = {lang: summarize(arts, record["vec"]) for lang, arts in sorted(by_lang.items())}
    quotes = [{**q, "article": a.id} for a in articles for q in (a.quotes or []) if isinstance(q, dict)][
        :_MAX_QUOTES
    ]
    return Event(
        id=record["id"],
        story=record.get("story"),
        title=title,
        date=date,
        kind=top(kinds),
        places=places,
        actors=_named(actors, names, 8),
        articles=list(record["articles"]),
        copies=list(record["copies"]),
        languages=sorted(record["langs"], key=lambda k: (-record["langs"][k], k)),
        outlets=sorted(record["outlets"], key=lambda k: (-record["outlets"][k], k)),
        quotes=quotes,
        summary={k: v for k, v in summary.items() if v},
    )


def describe_story(record: Mapping[str, Any], events: Sequence[Event]) -> Story:
    """The exported Story: its events as a timeline (by date, undated last), title and core actors."""
    timeline = sorted(events, key=lambda e: ((e.date or "9999")[:10], e.id))
    lead = max(events, key=lambda e: (len(e.articles), e.id), default=None)
    actors: Counter[tuple[str | None, str | None]] = Counter()
    for e in events:
        for a in e.actors:
            actors[(a.get("id"), a.get("name"))] += len(e.articles)
    return Story(
        id=record["id"],
        title=lead.title if lead else None,
        events=[e.id for e in timeline],
        start=record.get("lo"),
        end=record.get("hi"),
        actors=[{"id": i, "name": n} for (i, n), _ in actors.most_common(8)],
    )
