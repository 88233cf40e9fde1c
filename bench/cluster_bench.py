"""Clustering throughput and memory on SaudiNewsNet (31,030 Arabic articles), html-stage fields only.

Usage: PYTHONPATH=src python -m bench.cluster_bench [--limit N] [--show out.txt]
Prints articles/s per 5,000-article block, total time and peak RSS; with --show, writes the
titles of the 20 largest events and of 20 random events for inspection.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

from khabar.cluster.events import Clusterer, canonical_order
from khabar.model import Article
from khabar.pipeline import Pipeline

from .common import peak_rss_mb, saudinewsnet

BLOCK = 5000


def load(limit: int | None) -> list[Article]:
    """Articles with the fields ingest takes from the JSONL records."""
    return [
        Article(
            id=str(r.get("id") or i),
            raw=r.get("content") or "",
            title=r.get("title"),
            url=r.get("url"),
            outlet=r.get("source"),
            published=(r.get("date_extracted") or "").replace(" ", "T") or None,
        )
        for i, r in enumerate(saudinewsnet(limit))
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", type=Path)
    args = ap.parse_args()
    articles = canonical_order(Pipeline(["khabar.text.html.v1"]).run_batch(load(args.limit)))
    clusterer = Clusterer(None, json.loads(os.environ.get("KHABAR_CLUSTER", "{}")))
    start = block_start = time.perf_counter()
    rates = []
    for i, article in enumerate(articles, 1):
        clusterer.add(article)
        if i % BLOCK == 0 or i == len(articles):
            now = time.perf_counter()
            n = BLOCK if i % BLOCK == 0 else i % BLOCK
            rates.append((i, round(n / (now - block_start), 1)))
            print(f"{i:6d} articles  {rates[-1][1]:8.1f} articles/s", flush=True)
            block_start = now
    total = time.perf_counter() - start
    events = list(clusterer.state.scan("event"))
    stories = list(clusterer.state.scan("story"))
    copies = sum(len(e["copies"]) for e in events)
    rss_mb = peak_rss_mb()
    print(
        json.dumps(
            {
                "articles": len(articles),
                "seconds": round(total, 1),
                "articles_per_s": round(len(articles) / total, 1),
                "first_block_per_s": rates[0][1],
                "last_block_per_s": rates[-1][1],
                "events": len(events),
                "multi_article_events": sum(len(e["articles"]) > 1 for e in events),
                "stories": len(stories),
                "copies": copies,
                "peak_rss_mb": round(rss_mb),
            }
        )
    )
    if args.show:
        by_id = {a.id: a for a in articles}
        largest = sorted(events, key=lambda e: (-len(e["articles"]), e["id"]))[:20]
        sample = random.Random(0).sample(events, min(20, len(events)))
        with args.show.open("w", encoding="utf-8") as fh:
            for label, group in (("LARGEST", largest), ("RANDOM", sample)):
                fh.write(f"===== {label}\n")
                for e in group:
                    fh.write(
                        f"--- {e['id']} ({len(e['articles'])} articles, {e['lo']}..{e['hi']}, story {e['story']})\n"
                    )
                    for aid in e["articles"][:8]:
                        a = by_id[aid]
                        fh.write(f"  {a.published} {a.outlet}: {a.title}\n")


if __name__ == "__main__":
    main()
