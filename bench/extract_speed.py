"""Median milliseconds per article of the extraction stages on SaudiNewsNet.

    PYTHONPATH=src python -m bench.extract_speed [--n 2000] [--gazetteer DIR] [--stages a,b,...]

Runs each stage on each article (text = content, title, lang "ar") after one warm-up article,
so index building is not counted; reports the median and the 90th percentile per article.
"""

from __future__ import annotations

import argparse
import statistics
import time

from khabar import registry
from khabar.model import Article

from .common import saudinewsnet


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--gazetteer", default=None, help="gazetteer directory (default: the package data)")
    ap.add_argument("--stages", default="khabar.extract.entities.v1")
    args = ap.parse_args()
    specs = [registry.get(n) for n in args.stages.split(",")]
    config = {"khabar.extract.entities.v1": {"gazetteer": args.gazetteer}}
    articles = [
        Article(id=str(rec.get("id")), text=rec.get("content") or "", title=rec.get("title"), lang="ar")
        for rec in saudinewsnet(args.n + 1)
    ]
    for spec in specs:  # warm-up: build indexes, load tables
        spec.func(articles[0], **config.get(spec.name, {}))
    times = []
    for a in articles[1:]:
        t0 = time.perf_counter()
        for spec in specs:
            spec.func(a, **config.get(spec.name, {}))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    chars = statistics.median(len(a.text) for a in articles[1:])
    print(
        f"{len(times)} articles (median {chars:.0f} chars): median {statistics.median(times):.3f} ms, "
        f"p90 {times[int(len(times) * 0.9)]:.3f} ms, mean {statistics.fmean(times):.3f} ms per article"
    )


if __name__ == "__main__":
    main()
