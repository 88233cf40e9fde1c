"""Ingest, store and index throughput on SaudiNewsNet, with the minimal pipeline (storage must never be the bottleneck).

    python -m bench.ingest_store [--limit N] [--full]

--full runs the whole default pipeline instead of the html stage alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from itertools import islice
from pathlib import Path

import khabar

from .common import SAUDI, peak_rss_mb, require


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--full", action="store_true", help="run the default pipeline, not only the html stage")
    args = ap.parse_args()
    src = require(SAUDI)
    if args.limit:
        tmp = Path(tempfile.mkdtemp()) / "slice.jsonl"
        with gzip.open(src, "rt", encoding="utf-8") as fh, tmp.open("w", encoding="utf-8") as out:
            out.writelines(islice(fh, args.limit))
        src = tmp
    overrides = {} if args.full else {"pipeline": ["khabar.text.html.v1"]}
    with tempfile.TemporaryDirectory() as d:
        k = khabar.open(Path(d) / "bench.db", **overrides)
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        report = k.ingest([str(src)])
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
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
