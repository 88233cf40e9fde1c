"""Throughput of the per-article stages (everything before clustering) on each engine and worker count.

    python -m bench.engines [--limit 4000] [--workers 1,2] [--ray] [--prepare]

Maps the default pipeline over the first N SaudiNewsNet articles with the local engine (a process pool of
each worker count; 1 runs in this process) and, with --ray, on a local Ray; no store, no clustering.
With --prepare, each article also gets what ingest computes on the workers (``ingest.prepare``: hashes,
index entry, clustering input). Prints articles/s and the speed-up over one worker.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from functools import partial

from khabar.cluster.settings import settings
from khabar.config import DEFAULT_PIPELINE
from khabar.engines import LocalEngine
from khabar.ingest import Engine, Task, prepare, process
from khabar.pipeline import Pipeline

from .common import saudinewsnet_articles


def rate(engine: Engine, limit: int, task: Task = process) -> float:
    """Articles/s of ``task`` with the default pipeline on ``engine`` (worker start-up included, as ingest pays it)."""
    articles = saudinewsnet_articles(limit)
    pipeline = Pipeline(list(DEFAULT_PIPELINE))
    start = time.perf_counter()
    done = sum(1 for _ in engine.map(pipeline, articles, task))
    return done / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=4000)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--ray", action="store_true", help="also a local Ray with one actor per core")
    ap.add_argument("--prepare", action="store_true", help="run what ingest runs on the workers")
    args = ap.parse_args()
    task: Task = partial(prepare, cluster=settings()) if args.prepare else process
    out: dict[str, float] = {}
    for n in (int(w) for w in args.workers.split(",")):
        out[f"local x{n}"] = round(rate(LocalEngine(n), args.limit, task), 1)
    if args.ray:
        from khabar.engines.ray import RayEngine

        out[f"ray x{os.cpu_count()}"] = round(rate(RayEngine(), args.limit, task), 1)
    base = out[next(iter(out))]
    print(
        json.dumps(
            {
                "articles": args.limit,
                "task": "prepare" if args.prepare else "process",
                "load_average": os.getloadavg(),
                "articles_per_s": out,
            }
        )
    )
    for name, r in out.items():
        print(f"{name:10} {r:8.1f} articles/s  x{r / base:.2f}")


if __name__ == "__main__":
    main()
