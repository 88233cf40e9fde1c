"""Measuring clustering against gold labels, beside two baselines, and fitting the weights to labels.

``evaluate(path, config)`` ingests a labeled JSONL file (id, text and optional title, url, lang,
published, outlet; gold ``event`` and ``story``) into a temporary store through the real API
(pipeline and clustering as users get them), reads each article's event and story back, and scores events and stories with B-cubed and pairwise precision/recall/F1.
Baselines in the same run: (a) TF-IDF + agglomerative clustering (cosine, average linkage)
at the threshold that is best on the same labels (an oracle), (b) grouping by copies alone.
``tune(path)`` fits the weights and thresholds by coordinate search on B-cubed F1; to stay fast it
runs the pipeline once and reclusters in memory, which gives what the store path gives.
"""

from __future__ import annotations

import copy
import itertools
import json
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..model import Article
from .copies import CopyIndex
from .events import Clusterer, canonical_order
from .features import cluster_input
from .settings import settings
from .state import MemoryState

Labels = Mapping[str, str]


def bcubed(pred: Labels, gold: Labels) -> dict[str, float]:
    """B-cubed precision, recall and F1 of ``pred`` against ``gold`` over gold's items."""
    pred_groups: dict[str, set[str]] = defaultdict(set)
    gold_groups: dict[str, set[str]] = defaultdict(set)
    for item, label in gold.items():
        gold_groups[label].add(item)
        pred_groups[pred.get(item) or f"_single:{item}"].add(item)
    p = r = 0.0
    for item, label in gold.items():
        same_pred = pred_groups[pred.get(item) or f"_single:{item}"]
        same_gold = gold_groups[label]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    n = len(gold) or 1
    return _prf(p / n, r / n)


def pairwise(pred: Labels, gold: Labels) -> dict[str, float]:
    """Pairwise precision, recall and F1: over all pairs of items, is "same cluster" right?"""
    items = sorted(gold)
    by_pred: dict[str, list[str]] = defaultdict(list)
    for item in items:
        by_pred[pred.get(item) or f"_single:{item}"].append(item)
    pred_pairs = sum(len(g) * (len(g) - 1) // 2 for g in by_pred.values())
    gold_counts = Counter(gold[i] for i in items)
    gold_pairs = sum(n * (n - 1) // 2 for n in gold_counts.values())
    both = 0
    for group in by_pred.values():
        counts = Counter(gold[i] for i in group)
        both += sum(n * (n - 1) // 2 for n in counts.values())
    p = both / pred_pairs if pred_pairs else 1.0
    r = both / gold_pairs if gold_pairs else 1.0
    return _prf(p, r)


def _prf(p: float, r: float) -> dict[str, float]:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def scores(pred_event: Labels, pred_story: Labels, gold_event: Labels, gold_story: Labels) -> dict[str, Any]:
    """B-cubed and pairwise scores for events and stories."""
    return {
        "events": {"bcubed": bcubed(pred_event, gold_event), "pairwise": pairwise(pred_event, gold_event)},
        "stories": {"bcubed": bcubed(pred_story, gold_story), "pairwise": pairwise(pred_story, gold_story)},
    }


# ----- data -----


def load_labeled(path: str | Path) -> list[dict[str, Any]]:
    """The records of a labeled JSONL file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_article(row: Mapping[str, Any]) -> Article:
    """An Article as ingest would build it from a JSONL record (before any stage runs)."""
    return Article(
        id=str(row["id"]),
        origin="jsonl",
        url=row.get("url"),
        outlet=row.get("outlet"),
        raw=row.get("text") or "",
        title=row.get("title"),
        lang=row.get("lang"),
        published=row.get("published"),
        content_type="text/plain",
        meta={k: row[k] for k in ("title", "published", "lang", "url", "outlet") if row.get(k)},
    )


def prepare(rows: Sequence[Mapping[str, Any]], config_file: str | None = None) -> list[Article]:
    """Run the configured pipeline (of ``config_file``, else ``$KHABAR_CONFIG``, else the default) over labeled
    records."""
    from .. import config
    from ..pipeline import Pipeline

    cfg = config.load(config_file)
    pipe = Pipeline(cfg["pipeline"], cfg.get("stages", {}))
    return pipe.run_batch(to_article(r) for r in rows)


# ----- khabar and baselines -----


class FeatureSet:
    """Features and copies of a labeled set, computed once and reused for many clusterings."""

    def __init__(self, articles: Sequence[Article], cfg: Mapping[str, Any]) -> None:
        inputs = [cluster_input(a, cfg, lead=False) for a in canonical_order(articles)]
        self.features = [i.features for i in inputs]
        index = CopyIndex(MemoryState(), **cfg["copies"])
        self.duplicate_of = {i.features.id: index.add_sketch(i.features.id, i.copy) for i in inputs}

    def cluster(
        self, overrides: Mapping[str, Any] | None = None, *, refine: bool = False
    ) -> tuple[dict, dict]:
        """Event and story labels of every article under the given settings."""
        clusterer = Clusterer(MemoryState(), overrides)
        for f in self.features:
            clusterer.add_features(f, self.duplicate_of[f.id])
        if refine:
            clusterer.refine()
        out = {f.id: clusterer.assignment(f.id) for f in self.features}
        return {k: a.event for k, a in out.items()}, {k: a.story or a.event for k, a in out.items()}


def copies_baseline(articles: Sequence[Article]) -> dict[str, str]:
    """Baseline (b): every article in its own group, except copies, which join their original."""
    return {a.id: a.duplicate_of or a.id for a in articles}


def tfidf_baseline(
    articles: Sequence[Article], gold: Labels, thresholds: Sequence[float]
) -> tuple[dict, float]:
    """Baseline (a): TF-IDF + agglomerative clustering, at the threshold best on ``gold`` (an oracle)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    texts = [((a.title or "") + "\n" + (a.text or "")) for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(texts)
    distances = cosine_distances(matrix)
    best: tuple[float, dict[str, str], float] | None = None
    for t in thresholds:
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=t
        )
        labels = model.fit_predict(distances)
        pred = {a.id: str(lab) for a, lab in zip(articles, labels, strict=True)}
        f1 = bcubed(pred, gold)["f1"]
        if best is None or f1 > best[0]:
            best = (f1, pred, t)
    assert best is not None
    return best[1], best[2]


def ingest_labeled(
    rows: Sequence[Mapping[str, Any]],
    workdir: Path,
    config: Mapping[str, Any] | None = None,
    *,
    config_file: str | None = None,
    refine: bool = False,
) -> tuple[list[Article], float]:
    """Ingest labeled records into a new store under ``workdir`` through the real API; return the stored
    articles (with their events and stories) and the seconds spent ingesting and clustering.

    The gold ``event`` and ``story`` fields travel into ``meta`` like any other record field; the
    clusterer never reads them (its features come from text, title, dates and entities).
    """
    from ..api import open as open_corpus

    path = workdir / "labeled.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with open_corpus(workdir / "eval.db", config=config_file, cluster=dict(config or {})) as corpus:
        start = time.perf_counter()
        corpus.ingest([str(path)])
        if refine:
            corpus.recluster()
        seconds = time.perf_counter() - start
        return list(corpus.store.iter_articles()), seconds


def evaluate(
    labeled_jsonl_path: str | Path,
    config: Mapping[str, Any] | None = None,
    *,
    topics: Callable[[str], bool] | None = None,
    refine: bool = False,
    config_file: str | None = None,
) -> dict[str, Any]:
    """Score khabar's events and stories on a labeled JSONL file, beside baselines (a) and (b).

    The records are ingested into a temporary store through ``khabar.open(...).ingest`` (pipeline and
    clustering as users get them) and the predicted event and story of each article is read back
    from the store. ``config`` is a ``config["cluster"]`` block and ``config_file`` a TOML config;
    ``topics`` keeps only records whose gold story it accepts (to score a held-out half);
    ``refine`` rebuilds the clusters with the batch refinement pass (``recluster``).
    """
    rows = [r for r in load_labeled(labeled_jsonl_path) if topics is None or topics(str(r.get("story")))]
    gold_event = {str(r["id"]): str(r["event"]) for r in rows}
    gold_story = {str(r["id"]): str(r.get("story") or r["event"]) for r in rows}
    with tempfile.TemporaryDirectory(prefix="khabar-eval-") as tmp:
        articles, seconds = ingest_labeled(rows, Path(tmp), config, config_file=config_file, refine=refine)
    pred_event = {a.id: a.event or a.id for a in articles}
    pred_story = {a.id: a.story or a.event or a.id for a in articles}
    grid = [round(0.05 * i, 2) for i in range(4, 20)]
    base_event, t_event = tfidf_baseline(articles, gold_event, grid)
    base_story, t_story = tfidf_baseline(articles, gold_story, grid)
    copies = copies_baseline(articles)
    return {
        "articles": len(rows),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(rows) / seconds, 1) if seconds else None,
        "khabar": scores(pred_event, pred_story, gold_event, gold_story),
        "baseline_tfidf_agglomerative": {
            **scores(base_event, base_story, gold_event, gold_story),
            "thresholds": {"events": t_event, "stories": t_story},
        },
        "baseline_copies": scores(copies, copies, gold_event, gold_story),
        "clusters": {"events": len(set(pred_event.values())), "stories": len(set(pred_story.values()))},
    }


# ----- tuning -----

_EVENT_GRID: dict[str, list[Any]] = {
    "features.top_terms": [40, 70, 100, 150],
    "events.weights.names": [0.0, 0.25, 0.5, 0.75, 1.0, 1.5],
    "events.weights.entities": [0.25, 0.5, 0.75, 1.0],
    "events.weights.name_conflict": [0.0, 0.1, 0.2, 0.3, 0.4, 0.6],
    "events.weights.person_conflict": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3],
    "events.weights.weekday_conflict": [0.0, 0.1, 0.2, 0.3, 0.5],
    "events.weights.place_conflict": [0.0, 0.1, 0.2, 0.3, 0.5],
    "events.weights.date_conflict": [0.0, 0.05, 0.1, 0.2, 0.3, 0.5],
    "events.weights.kind": [0.0, 0.05, 0.1],
    "events.same_language_entities": [0.0, 0.25, 0.5, 1.0],
    "events.conflict_names": [2, 3, 5],
    "events.separate_on_place": [True, False],
    "events.separate_on_text_dates": [True, False],
    "events.threshold": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    "events.merge_threshold": [0.4, 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.4],
    "events.merge_floor": [0.2, 0.3, 0.4, 0.5, 0.6],
}
_STORY_GRID: dict[str, list[Any]] = {
    "stories.weights.names": [0.0, 0.25, 0.5, 1.0],
    "stories.weights.place_conflict": [0.0, 0.05, 0.1, 0.2],
    "stories.threshold": [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5],
}
# Not searched: stories.merge_threshold, set by design (src/khabar/data/README.md; ECB+ alone would
# pick the join threshold, which merges a topic's stories in Arabic).
_EMBEDDING_WEIGHTS = [0.0, 0.1, 0.2, 0.3, 0.5, 1.0]
_EMBEDDING_FLOORS = [0.0, 0.3, 0.4, 0.5, 0.6]
"""``events.weights.embedding``, ``stories.weights.embedding`` and their ``embedding_floor``, searched where the
labelled articles carry embeddings (the optional embeddings stage ran), with the thresholds they shift."""


# A merge of two clusters needs at least the evidence that one member needs to join: the search never
# sets a merge threshold below its join threshold (a lower one lets whole clusters chain on weak links,
# which fits a sparse labeled set and over-merges a denser feed).
_ORDERED: tuple[tuple[str, str], ...] = (
    ("events.threshold", "events.merge_threshold"),
    ("stories.threshold", "stories.merge_threshold"),
)


def _ordered(block: Mapping[str, Any]) -> bool:
    """Whether every merge threshold in ``block`` is at least its join threshold."""
    return all(float(_get(block, join)) <= float(_get(block, merge)) for join, merge in _ORDERED)


# The lexical weight is the unit of each score (scaling every weight and threshold alike changes
# nothing), so it stays 1 and the other weights and the thresholds are fitted relative to it.


def _set(block: dict[str, Any], dotted: str, value: Any) -> None:
    *path, last = dotted.split(".")
    for part in path:
        block = block.setdefault(part, {})
    block[last] = value


def _get(block: Mapping[str, Any], dotted: str) -> Any:
    for part in dotted.split("."):
        block = block.get(part, {})
    return block


def _search(
    start: dict[str, Any],
    grid: Mapping[str, Sequence[Any]],
    objective: Callable[[dict], float],
    rounds: int,
) -> tuple[dict[str, Any], float]:
    """Coordinate search over ``grid`` (dotted keys into the cluster block) maximising ``objective``.

    Trials whose merge thresholds fall below their join thresholds (``_ORDERED``) are skipped."""
    best_cfg, best = start, objective(start)
    for _ in range(rounds):
        improved = False
        for name, values in grid.items():
            for value in values:
                if _get(best_cfg, name) == value:
                    continue
                trial = copy.deepcopy(best_cfg)
                _set(trial, name, value)
                if not _ordered(trial):
                    continue
                score = objective(trial)
                if score > best + 1e-9:
                    best_cfg, best, improved = trial, score, True
        if not improved:
            break
    return best_cfg, best


def tune(
    labeled_jsonl_path: str | Path,
    *,
    topics: Callable[[str], bool] | None = None,
    rounds: int = 3,
    start: Mapping[str, Any] | None = None,
    config_file: str | None = None,
) -> dict[str, Any]:
    """Fit feature, event and story weights and thresholds by coordinate search on B-cubed F1.

    The search starts from the shipped settings, with ``start`` (dotted keys, as in the grids) set
    over them; the articles go through the pipeline of ``config_file`` (see :func:`prepare`). Returns a
    cluster block (``features``, ``events``, ``stories``).
    """
    rows = [r for r in load_labeled(labeled_jsonl_path) if topics is None or topics(str(r.get("story")))]
    gold_event = {str(r["id"]): str(r["event"]) for r in rows}
    gold_story = {str(r["id"]): str(r.get("story") or r["event"]) for r in rows}
    cfg = settings()
    prepared = FeatureSet(prepare(rows, config_file), cfg)
    block = {k: copy.deepcopy(cfg[k]) for k in ("features", "events", "stories")}
    for name, value in (start or {}).items():
        _set(block, name, value)

    def event_f1(trial: dict[str, Any]) -> float:
        return bcubed(prepared.cluster(trial)[0], gold_event)["f1"]

    def story_f1(trial: dict[str, Any]) -> float:
        return bcubed(prepared.cluster(trial)[1], gold_story)["f1"]

    event_grid, story_grid = dict(_EVENT_GRID), dict(_STORY_GRID)
    if any(f.embedding for f in prepared.features):
        for level, grid in (("events", event_grid), ("stories", story_grid)):
            grid[f"{level}.weights.embedding"] = _EMBEDDING_WEIGHTS
            grid[f"{level}.embedding_floor"] = _EMBEDDING_FLOORS
    block, _ = _search(block, event_grid, event_f1, rounds)
    block, _ = _search(block, story_grid, story_f1, rounds)
    return block


def odd_topics(story: str) -> bool:
    """True for stories whose trailing number is odd (for a held-out split by topic)."""
    digits = "".join(itertools.takewhile(str.isdigit, reversed(story)))[::-1]
    return bool(digits) and int(digits) % 2 == 1
