"""Ingest, store and index throughput on SaudiNewsNet, with the html stage alone and no clustering
(storage must never be the bottleneck).

    python -m bench.ingest_store [--limit N] [--full] [--cluster] [--workers N]

--full runs the whole default pipeline instead of the html stage alone; --cluster clusters as ingest does.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import khabar

from .common import SAUDI_FIELDS, peak_rss_mb, saudinewsnet_slice


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--full", action="store_true", help="run the default pipeline, not only the html stage")
    ap.add_argument("--cluster", action="store_true", help="cluster into events and stories while ingesting")
    ap.add_argument("--workers", type=int, default=1, help="processes for the stages (0: one per core)")
    args = ap.parse_args()
    overrides: dict = {"ingest": {"cluster": args.cluster}}
    if not args.full:
        overrides["pipeline"] = ["khabar.text.html.v1"]
    with tempfile.TemporaryDirectory() as d:
        src = saudinewsnet_slice(args.limit, Path(d))
        k = khabar.open(Path(d) / "bench.db", **overrides)
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        report = k.ingest([str(src)], field_map=dict(SAUDI_FIELDS), workers=args.workers or None)
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        k.close()
        size = (Path(d) / "bench.db").stat().st_size
    result = {
        "articles": report.ingested,
        "skipped": dict(report.skipped),
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "articles_per_s": round(report.ingested / wall, 1),
        "articles_per_cpu_s": round(report.ingested / cpu, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "db_mb": round(size / 2**20, 1),
        "pipeline": "default" if args.full else "html only",
        "clustering": args.cluster,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
