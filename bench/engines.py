"""Throughput of the per-article stages (everything before clustering) on each engine and worker count.

    python -m bench.engines [--limit 4000] [--workers 1,2] [--ray] [--prepare] [--repeat N]

Maps the default pipeline over the first N SaudiNewsNet articles with the local engine (a process pool of
each worker count; 1 runs in this process) and, with --ray, on a local Ray; no store, no clustering.
With --prepare, each article also gets what ingest computes on the workers (``ingest.prepare``: hashes,
index entry, clustering input). Prints articles/s and the speed-up over one worker.

With --repeat N, every worker count is measured N times, each time in a fresh process (so each run loads
its resources, or starts its forkserver, as an ingest does), the counts alternating so that a drift of the
machine's speed touches them alike; it prints each round's speed-ups and their median.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from functools import partial

from khabar.cluster.settings import settings
from khabar.collector import long_run
from khabar.config import DEFAULT_PIPELINE
from khabar.engines import LocalEngine
from khabar.ingest import Engine, Task, prepare, process
from khabar.pipeline import Pipeline

from .common import saudinewsnet_articles


def rate(engine: Engine, limit: int, task: Task = process) -> float:
    """Articles/s of ``task`` with the default pipeline on ``engine`` (worker start-up included, as ingest pays it).

    The engine runs at the garbage collector's pace for long runs, as ``Khabar.ingest`` runs it: with the
    default pace, unpickling 1,000 SaudiNewsNet results took this process 0.35-0.51 s, at this one 0.30-0.33 s."""
    articles = saudinewsnet_articles(limit)
    pipeline = Pipeline(list(DEFAULT_PIPELINE))
    start = time.perf_counter()
    with long_run():
        done = sum(1 for _ in engine.map(pipeline, articles, task))
    return done / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=4000)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--ray", action="store_true", help="also a local Ray with one actor per core")
    ap.add_argument("--prepare", action="store_true", help="run what ingest runs on the workers")
    ap.add_argument("--repeat", type=int, default=0, help="rounds, each count in a fresh process")
    args = ap.parse_args()
    if args.repeat:
        repeated(args)
        return
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


def repeated(args: argparse.Namespace) -> None:
    """``args.repeat`` rounds of every worker count, each in a fresh process; each round's speed-ups and their median."""
    counts = [int(w) for w in args.workers.split(",")]
    rounds: list[dict[int, float]] = []
    for _ in range(args.repeat):
        rates: dict[int, float] = {}
        for n in counts:
            cmd = [sys.executable, "-m", "bench.engines", "--limit", str(args.limit), "--workers", str(n)]
            out = subprocess.run(
                cmd + (["--prepare"] if args.prepare else []), capture_output=True, text=True, check=True
            )
            rates[n] = json.loads(out.stdout.splitlines()[0])["articles_per_s"][f"local x{n}"]
        rounds.append(rates)
        print(
            json.dumps({"articles": args.limit, "articles_per_s": rates, "load_average": os.getloadavg()}),
            flush=True,
        )
    base = counts[0]
    for n in counts[1:]:
        ups = [r[n] / r[base] for r in rounds]
        print(
            f"x{n} over x{base}: "
            + ", ".join(f"{u:.2f}" for u in ups)
            + f"; median {statistics.median(ups):.2f}"
        )


if __name__ == "__main__":
    main()
