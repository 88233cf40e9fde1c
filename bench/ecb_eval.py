"""ECB+ evaluation with an honest split: fit on odd topics, report odd (in-sample) and even (held-out).

Usage: PYTHONPATH=src python bench/ecb_eval.py [--write-defaults] [--skip-tune]
With --write-defaults the block fitted on odd topics becomes src/khabar/data/cluster/defaults.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from khabar.cluster.evaluate import evaluate, odd_topics, tune
from khabar.cluster.settings import DEFAULTS_PATH, merge, settings

ECB = Path("/work/shared/bench/ecbplus.jsonl")


def _short(result: dict) -> dict:
    keep = ("khabar", "baseline_tfidf_agglomerative", "baseline_copies")
    return {
        "articles": result["articles"],
        "seconds": result["seconds"],
        "articles_per_s": result["articles_per_s"],
        **{
            k: {
                level: {m: result[k][level][m] for m in ("bcubed", "pairwise")}
                for level in ("events", "stories")
            }
            for k in keep
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ECB)
    ap.add_argument("--write-defaults", action="store_true")
    ap.add_argument("--skip-tune", action="store_true")
    args = ap.parse_args()
    block = None
    if not args.skip_tune:
        start = time.perf_counter()
        block = tune(args.data, topics=odd_topics)
        print(f"tuned on odd topics in {time.perf_counter() - start:.0f}s:", json.dumps(block))
        if args.write_defaults:
            DEFAULTS_PATH.write_text(json.dumps(merge(settings(), block), indent=2) + "\n", encoding="utf-8")
    for name, topics in (
        ("in-sample (odd topics)", odd_topics),
        ("held-out (even topics)", lambda s: not odd_topics(s)),
        ("all", None),
    ):
        print(name, json.dumps(_short(evaluate(args.data, block, topics=topics))))


if __name__ == "__main__":
    main()
