"""Event and story decisions on hand-labelled Arabic article pairs from SaudiNewsNet: pairwise P and R.

    PYTHONPATH=src python -m bench.arabic_pairs [--set events.threshold=0.45 ...] [--json]

Two label files in ``bench/labels/``, pairs among the first 5,000 articles, judged by a person from
titles and leads (2026-12-05):
- ``saudinewsnet-pairs.tsv``, events: 170 pairs, 90 sampled from events (one pair per multi-article
  event, half from one outlet, half from two) and 80 similar articles (TF-IDF cosine >= .25) left in
  different events. "Same" when both tell one happening (its direct reactions and the stages of one
  visit included); two happenings of one kind (two weddings, two days' weather) are not.
- ``saudinewsnet-story-pairs.tsv``, stories: 89 pairs of articles from two different events, 49
  sampled from stories (weighted by their events, up to 10) and 40 from event pairs in different
  stories with centroid term cosine >= .10. "Same" when both happenings are one thread: the same
  core actors and matter (a club's pre-season, an attack and its investigation); Eid festivities in
  two towns are not.
The samples were drawn from one configuration's decisions, so they measure changes that separate
joined pairs or join near misses; they are small (a pair is 1-2 points) and say nothing about recall
outside the sampled pairs.

The first 5,000 articles run through the configured pipeline and are clustered online in canonical
order with the shipped settings, then with each ``--set`` override (dotted key = JSON value, applied
together). Precision and recall count the labelled pairs the clustering puts together, for events
overall and split into pairs from one outlet and from two, and for stories.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from khabar import config
from khabar.cluster.evaluate import FeatureSet
from khabar.cluster.settings import settings
from khabar.pipeline import Pipeline

from .common import overrides, saudinewsnet_articles

LABELS = Path(__file__).parent / "labels" / "saudinewsnet-pairs.tsv"
STORY_LABELS = Path(__file__).parent / "labels" / "saudinewsnet-story-pairs.tsv"
FIRST = 5000

Pair = tuple[str, str, bool]


def read_pairs(path: Path = LABELS) -> list[Pair]:
    """The labelled pairs: (article a, article b, same happening)."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [(a, b, same.strip() == "1") for a, b, same in (r for r in rows if len(r) == 3) if a != "a"]


def pair_scores(pairs: Sequence[Pair], events: Mapping[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of ``events`` (article -> event) on labelled pairs, with counts."""
    tp = sum(1 for a, b, same in pairs if same and events[a] == events[b])
    fp = sum(1 for a, b, same in pairs if not same and events[a] == events[b])
    fn = sum(1 for a, b, same in pairs if same and events[a] != events[b])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def main() -> None:
    """Cluster the first 5,000 articles with the shipped settings (and overrides) and score the pairs."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="a clustering override")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    pairs, story_pairs = read_pairs(), read_pairs(STORY_LABELS)
    cfg = config.load()
    articles = Pipeline(cfg["pipeline"], cfg.get("stages", {})).run_batch(saudinewsnet_articles(FIRST))
    outlets = {a.id: a.outlet for a in articles}
    prepared = FeatureSet(articles, settings())
    runs = {"shipped": {}, **({"overrides": overrides(args.set)} if args.set else {})}
    result: dict[str, Any] = {}
    for name, over in runs.items():
        events, stories = prepared.cluster(over)
        one = [p for p in pairs if outlets[p[0]] == outlets[p[1]]]
        two = [p for p in pairs if outlets[p[0]] != outlets[p[1]]]
        result[name] = {
            "settings": over,
            "events": len(set(events.values())),
            "all": pair_scores(pairs, events),
            "one outlet": pair_scores(one, events),
            "two outlets": pair_scores(two, events),
            "stories": pair_scores(story_pairs, stories),
            "largest": sorted(Counter(stories.values()).values(), reverse=True)[:5],
        }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for name, row in result.items():
        print(
            f"{name} {json.dumps(row['settings'])}: {row['events']} events, largest stories {row['largest']}"
        )
        for part in ("all", "one outlet", "two outlets", "stories"):
            s = row[part]
            print(
                f"  {part:12} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
                f"  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
            )


if __name__ == "__main__":
    main()
