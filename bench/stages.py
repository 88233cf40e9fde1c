"""Milliseconds per article of each stage of a pipeline, each stage timed over the same articles.

    python -m bench.stages [--size 10000]

prints the stage timings of the default pipeline over the first N SaudiNewsNet articles (one core, this
process) as JSON: what ``python -m bench`` reports per stage, without the end-to-end runs.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import time
from collections.abc import Callable
from typing import Any

from khabar.config import DEFAULT_PIPELINE
from khabar.ingest import warm_up
from khabar.model import Article
from khabar.pipeline import Pipeline

from .common import peak_rss_mb, saudinewsnet_articles


def time_stages(articles: list[Article], stage_names: list[str]) -> dict[str, Any]:
    """Run each stage over every article in turn (in this process), timing each call."""
    pipeline = Pipeline(stage_names)
    spent = dict.fromkeys(stage_names, 0.0)
    timed: list[tuple[str, Callable[[Article], Article]]] = [
        (spec.name, functools.partial(spec.func, **dict(pipeline.config.get(spec.name, {}))))
        for spec in pipeline.specs
    ]
    warm_up(pipeline)  # lazy tables loaded, and frozen with the articles, as in a pool worker
    clock = time.perf_counter
    for article in articles:
        for name, func in timed:
            t = clock()
            article = func(article)
            spent[name] += clock() - t
    n = len(articles)
    total = sum(spent.values())
    return {
        "articles": n,
        "ms_per_article": {name: round(s * 1000 / n, 3) for name, s in spent.items()},
        "total_ms_per_article": round(total * 1000 / n, 3),
        "articles_per_s": round(n / total, 1),
    }


def stage_timings(size: int) -> dict[str, Any]:
    """``time_stages`` over the first ``size`` articles, with the peak memory of the process that ran it."""
    result = time_stages(saudinewsnet_articles(size), list(DEFAULT_PIPELINE))
    return {**result, "peak_rss_mb": round(peak_rss_mb())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000, help="SaudiNewsNet articles")
    args = ap.parse_args()
    print(json.dumps({"load_average": os.getloadavg(), **stage_timings(args.size)}, indent=2))


if __name__ == "__main__":
    main()
