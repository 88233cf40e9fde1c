"""The driver's clustering cost as ingest pays it: store-backed state, chunks, publishing, per 5,000 articles.

    python -m bench.cluster_store STORE.db [--limit N] [--profile DIR] [--assignments OUT.tsv] [--set KEY=JSON ...]

STORE.db holds articles ingested without clustering (``khabar.open(db, ingest={"cluster": False})``).
A copy of it is clustered chunk by chunk (``ingest.cluster_chunk`` articles at a time) through
``Khabar.cluster``, exactly as ``ingest`` does after storing each chunk, with the clustering input
(features and copy sketch) computed beforehand and outside the timings, as ingest's stage workers
compute it. Prints, per block of 5,000, articles/s, CPU ms per article, of which in the garbage
collector, KiB read and written per article (``/proc`` ``rchar``, ``wchar``: the store's page reads that miss
its cache, its WAL and checkpoint writes), the driver's RSS and where its heap is (``common.allocators_mb``:
SQLite, glibc, Python's small-object arenas and the free blocks they hold) and how much the clustering
state's cache holds; ``--profile`` writes a cProfile of the first and of the last full
block; ``--assignments`` writes ``article<TAB>event<TAB>story`` for comparing runs; ``--set`` overrides a
clustering setting (``events.candidates_per_key=20``).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import shutil
import tempfile
import time
from pathlib import Path

import khabar
from khabar.cluster.features import cluster_input
from khabar.cluster.settings import settings

from .common import allocators_mb, io_bytes, overrides, peak_rss_mb, rss_mb

BLOCK = 5000


class GcClock:
    """CPU seconds spent in the garbage collector since it was installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--profile", type=Path, default=None, help="folder for first.prof and last.prof")
    ap.add_argument("--assignments", type=Path, default=None)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="a clustering override")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        db = Path(d) / "bench.db"
        shutil.copyfile(args.store, db)
        k = khabar.open(db, cluster=overrides(args.set))
        k.store.clear_clusters()
        total_articles = k.store.count_articles()
        if args.limit is not None:
            total_articles = min(total_articles, args.limit)
        chunk = int(k.config["ingest"]["cluster_chunk"])
        cfg = settings(k.config["cluster"])
        gc_clock = GcClock()
        starts = list(range(0, total_articles, BLOCK))
        rates = []
        last_full = len(starts) - 1 if total_articles % BLOCK == 0 or len(starts) == 1 else len(starts) - 2
        total = total_cpu = 0.0
        for b, first in enumerate(starts):
            size = min(BLOCK, total_articles - first)
            profiler = cProfile.Profile() if args.profile and b in (0, last_full) else None
            seconds = cpu = gc_seconds = 0.0
            read = written = 0
            for i in range(first, first + size, chunk):
                # Only one chunk in memory at a time, as in ingest.
                articles = list(k.store.iter_articles(limit=min(chunk, first + size - i), offset=i))
                prepared = {a.id: cluster_input(a, cfg) for a in articles}
                t0, cpu0, gc0, io0 = time.perf_counter(), time.process_time(), gc_clock.seconds, io_bytes()
                if profiler is not None:
                    profiler.enable()
                k.cluster(articles, prepared=prepared)
                if profiler is not None:
                    profiler.disable()
                seconds += time.perf_counter() - t0
                cpu += time.process_time() - cpu0
                gc_seconds += gc_clock.seconds - gc0
                io1 = io_bytes()
                read, written = read + io1[0] - io0[0], written + io1[1] - io0[1]
            if profiler is not None:
                args.profile.mkdir(parents=True, exist_ok=True)
                profiler.dump_stats(args.profile / ("first.prof" if b == 0 else "last.prof"))
            rates.append(
                {
                    "articles": first + size,
                    "per_s": round(size / seconds, 1),
                    "cpu_ms": round(1000 * cpu / size, 2),
                    "gc_ms": round(1000 * gc_seconds / size, 2),
                    "read_kb": round(read / 1024 / size, 1),
                    "write_kb": round(written / 1024 / size, 1),
                    "rss_mb": round(rss_mb()),
                    "heap_mb": allocators_mb(),
                    "cached": k.store.cluster_state().cached(),
                }
            )
            print(json.dumps(rates[-1]), flush=True)
            total, total_cpu = total + seconds, total_cpu + cpu
        stats = k.stats()
        if args.assignments:
            with args.assignments.open("w", encoding="utf-8") as fh:
                for a in k.store.iter_articles():
                    fh.write(f"{a.id}\t{a.event}\t{a.story}\n")
        k.close()
    print(
        json.dumps(
            {
                "articles": total_articles,
                "seconds": round(total, 1),
                "articles_per_s": round(total_articles / total, 1),
                "ms_per_article": round(1000 * total / max(total_articles, 1), 2),
                "cpu_ms_per_article": round(1000 * total_cpu / max(total_articles, 1), 2),
                "events": stats.get("events"),
                "stories": stats.get("stories"),
                "peak_rss_mb": round(peak_rss_mb()),
            }
        )
    )


if __name__ == "__main__":
    main()
