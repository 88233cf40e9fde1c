"""Benchmark clean.v1 and dates.v1 on SaudiNewsNet: median ms per article, chrome lines removed, a sample of them.

Usage: PYTHONPATH=src python -m bench.text_clean_dates [N] [SAMPLE] [--learn]
With --learn, per-outlet chrome lines are first learned over the same N articles (chrome.learn_outlet_lines).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections import Counter

from khabar.model import Article
from khabar.text.chrome import learn_outlet_lines
from khabar.text.clean import clean
from khabar.text.dates import dates
from khabar.text.html import html_to_text

from .common import saudinewsnet


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 2000
    sample = int(args[1]) if len(args) > 1 else 15
    records = list(saudinewsnet(n))
    articles = [
        html_to_text(Article(id=r["id"], raw=r["content"], content_type="text/plain", outlet=r["source"]))
        for r in records
    ]
    clean(articles[0]), dates(articles[1])  # load lexicons and patterns once, outside the timing
    articles = [
        html_to_text(Article(id=r["id"], raw=r["content"], content_type="text/plain", outlet=r["source"]))
        for r in records
    ]
    learned = learn_outlet_lines((a.outlet, a.text) for a in articles) if "--learn" in sys.argv else {}
    if learned:
        print(f"learned lines per outlet: { {o: len(k) for o, k in learned.items()} }")
    t_clean, t_dates, removed, kinds = [], [], [], Counter()
    for a in articles:
        t0 = time.perf_counter()
        clean(a, outlet_lines=learned)
        t1 = time.perf_counter()
        dates(a)
        t2 = time.perf_counter()
        t_clean.append((t1 - t0) * 1000)
        t_dates.append((t2 - t1) * 1000)
        removed.extend((a.outlet, line) for line in a.removed)
        kinds.update(a.meta.get("removed_kinds", []))
    published = sum(1 for a in articles if a.published)
    datelines = sum(1 for a in articles if a.dateline)
    print(f"articles {len(articles)}")
    print(f"clean.v1 median {statistics.median(t_clean):.3f} ms, mean {statistics.mean(t_clean):.3f} ms")
    print(f"dates.v1 median {statistics.median(t_dates):.3f} ms, mean {statistics.mean(t_dates):.3f} ms")
    print(
        f"removed lines {len(removed)} ({len(removed) / len(articles):.3f} per article); kinds {dict(kinds)}"
    )
    print(
        f"published from text {published}, datelines {datelines}, titles {sum(1 for a in articles if a.title)}"
    )
    for outlet, line in random.Random(0).sample(removed, min(sample, len(removed))):
        print(f"  [{outlet}] {line[:120]}")


if __name__ == "__main__":
    main()
