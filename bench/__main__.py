"""The khabar benchmark: ms per article of each stage, end-to-end articles/s and memory, on SaudiNewsNet.

    python -m bench [--sizes 1000,10000,31030] [--quick] [--workers N] [--engine local|ray] [--keep DIR]
    python -m bench --sizes 5030 --skip 26000 --no-stages

For each size N (the first N SaudiNewsNet articles, or the N after the first ``--skip``: the last articles of a
long run ingested into an empty store, which tells the cost of the store's growth from the cost of the data):
  * stages: every registered stage of the default pipeline, timed one by one over the same N articles in one
    process (one core, a process of its own): ms per article and the per-article stages' articles/s;
  * end to end: ``khabar.open(tmp).ingest([slice])`` (sources, stages on the engine, store, index, clustering):
    articles/s, memory and CPU ms per article every 5,000 articles, memory at its peak, and the CPU seconds
    of this process (store, clustering) and of the workers (stages): on a shared machine they say where the
    time went when wall time cannot, and whether the cost per article stays flat as the store grows.
Memory, in MiB: RSS summed over this process and its descendants (forkserver, pool workers) counts a page
shared by several of them (the tables the forkserver preloads) once for each; PSS summed over them counts
every page once (a shared page split between its sharers): the memory the ingest really takes. "ingest"
figures are this process alone (the store writer and clusterer).
The machine's speed (``common.machine_speed``: CPU seconds of a fixed workload) is taken before and after: on
this shared machine it varies by up to half within an hour, and the figures of two runs compare only
where it is alike. Writes bench/results/<timestamp>.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import khabar
from khabar.config import DEFAULT_PIPELINE

from .common import (
    ROOT,
    SAUDI_FIELDS,
    SAUDI_SIZE,
    Sampler,
    cpu_seconds,
    io_bytes,
    machine_speed,
    peak_rss_mb,
    pss_mb,
    saudinewsnet_slice,
    tree_pss_mb,
    tree_rss_mb,
)
from .stages import stage_timings

RESULTS = ROOT / "bench" / "results"
BLOCK = 5000


def end_to_end(
    size: int,
    folder: Path,
    *,
    workers: int | None,
    engine: str,
    source: Path | None = None,
    skip: int = 0,
) -> dict[str, Any]:
    """Ingest ``size`` SaudiNewsNet articles from line ``skip`` (or the JSONL file ``source``) into a fresh store
    with clustering; rates, CPU, I/O and memory per block.

    Blocks are counted as articles are finished (stored and clustered): reading runs a few thousand articles
    ahead (the workers' queue, a write group, a clustering chunk), so blocks counted as articles are read
    gave the first block a third fewer clustered articles than the others.
    """
    src = source or saudinewsnet_slice(size, folder, skip)
    seen = 0
    marks: list[dict[str, Any]] = []
    sampler = Sampler()
    start = last = time.perf_counter()
    cpu = last_cpu = cpu_seconds()
    last_workers = 0.0
    last_io = io_bytes()

    def done(n: int) -> None:
        nonlocal seen, last, last_cpu, last_workers, last_io
        seen += n
        if seen // BLOCK > len(marks):  # clustering chunks divide a block, so this is its last article
            now, now_cpu, workers_cpu = time.perf_counter(), cpu_seconds(), sum(sampler.cpu.values())
            now_io = io_bytes()
            marks.append(
                {
                    "articles": seen,
                    "per_s": round(BLOCK / (now - last), 1),
                    "ingest_cpu_ms": round(1000 * (now_cpu - last_cpu) / BLOCK, 2),
                    "workers_cpu_ms": round(1000 * (workers_cpu - last_workers) / BLOCK, 2),
                    "ingest_read_kb": round((now_io[0] - last_io[0]) / 1024 / BLOCK, 1),
                    "ingest_write_kb": round((now_io[1] - last_io[1]) / 1024 / BLOCK, 1),
                    "rss_mb": round(tree_rss_mb()),
                    "pss_mb": round(tree_pss_mb()),
                    "ingest_pss_mb": round(pss_mb()),
                }
            )
            last, last_cpu, last_workers, last_io = now, now_cpu, workers_cpu, now_io

    sampler.start()
    with khabar.open(folder / f"bench-{size}.db") as k:
        report = k.ingest(
            [str(src)], field_map=dict(SAUDI_FIELDS), workers=workers, engine=engine, on_done=done
        )
        seconds = time.perf_counter() - start
        driver_cpu = cpu_seconds() - cpu
        sampler.stop()
        stats = k.stats()
    return {
        "articles": report.ingested,
        "skipped": sum(report.skipped.values()),
        "seconds": round(seconds, 1),
        "articles_per_s": round(report.ingested / seconds, 1),
        "cpu_driver_s": round(driver_cpu, 1),
        "cpu_workers_s": round(sum(sampler.cpu.values()), 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "blocks": marks,
        "events": stats.get("events"),
        "stories": stats.get("stories"),
        "copies": report.copies,
        "db_mb": round((folder / f"bench-{size}.db").stat().st_size / 2**20, 1),
        "peak_tree_rss_mb": round(sampler.peak_mb),
        "peak_tree_pss_mb": round(sampler.peak_pss_mb),
        "peak_ingest_pss_mb": round(sampler.peak_own_pss_mb),
    }


def print_table(result: dict[str, Any]) -> None:
    """The result as plain-text tables."""
    runs = result["runs"]
    sizes = [r["size"] for r in runs]
    width = max(len(n) for n in result["pipeline"]) + 2
    speed = " and ".join(f"{x} s" for x in result["machine_speed_s"])
    print(f"\n{result['machine']}; machine speed (common.machine_speed, before and after) {speed}")
    if any(r["stages"]["total_ms_per_article"] for r in runs):
        print("ms per article, one core")
        print("stage".ljust(width) + "".join(f"{s:>12,}" for s in sizes))
        for name in result["pipeline"]:
            print(name.ljust(width) + "".join(f"{r['stages']['ms_per_article'][name]:>12.3f}" for r in runs))
        print(
            "all stages".ljust(width) + "".join(f"{r['stages']['total_ms_per_article']:>12.3f}" for r in runs)
        )
        print(
            "stages articles/s".ljust(width)
            + "".join(f"{r['stages']['articles_per_s']:>12.1f}" for r in runs)
        )
    print(
        f"\nend to end: ingest + store + index + clustering ({result['engine']}, workers {result['workers']})"
    )
    print("size".ljust(width) + "".join(f"{s:>12,}" for s in sizes))
    for key in (
        "seconds",
        "articles_per_s",
        "cpu_driver_s",
        "cpu_workers_s",
        "events",
        "stories",
        "copies",
        "db_mb",
    ):
        print(key.ljust(width) + "".join(f"{r['end_to_end'][key]!s:>12}" for r in runs))
    print("peak RSS MiB (ingest)".ljust(width) + "".join(f"{r['peak_rss_mb']:>12.0f}" for r in runs))
    for label, key in (
        ("peak PSS MiB (ingest)", "peak_ingest_pss_mb"),
        ("peak RSS MiB, all procs", "peak_tree_rss_mb"),
        ("peak PSS MiB, all procs", "peak_tree_pss_mb"),
    ):
        print(label.ljust(width) + "".join(f"{r['end_to_end'].get(key, '-')!s:>12}" for r in runs))
    for r in runs:
        blocks = r["end_to_end"]["blocks"]
        if blocks:
            line = ", ".join(
                f"{b['articles']:,}: {b['per_s']}/s, CPU ms {b['ingest_cpu_ms']} + {b['workers_cpu_ms']},"
                f" ingest KiB read/written {b['ingest_read_kb']}/{b['ingest_write_kb']},"
                f" RSS {b['rss_mb']} PSS {b['pss_mb']} (ingest {b['ingest_pss_mb']})"
                for b in blocks
            )
            print(
                f"{r['size']:,} by block of {BLOCK:,} (articles/s, CPU ms per article of the ingesting process"
                f" + the workers, MiB of all processes): {line}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=f"1000,10000,{SAUDI_SIZE}", help="comma-separated article counts")
    ap.add_argument("--quick", action="store_true", help="1,000 articles only")
    ap.add_argument("--workers", type=int, default=0, help="processes for the stages (0: one per core)")
    ap.add_argument("--engine", default="local", choices=("local", "ray"))
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage timing")
    ap.add_argument(
        "--skip", type=int, default=0, help="end to end from this SaudiNewsNet line (with --no-stages)"
    )
    ap.add_argument("--out", type=Path, default=None, help="result file (default bench/results/<time>.json)")
    ap.add_argument(
        "--keep", type=Path, default=None, help="keep the stores in this folder (default: discarded)"
    )
    args = ap.parse_args()
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    if args.skip and not args.no_stages:
        ap.error("--skip times end to end only: add --no-stages")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    result: dict[str, Any] = {
        "time": stamp,
        "skip": args.skip,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}",
        "load_average": os.getloadavg(),
        "engine": args.engine,
        "workers": args.workers or os.cpu_count(),
        "pipeline": list(DEFAULT_PIPELINE),
        "machine_speed_s": [machine_speed()],
        "runs": [],
    }
    for size in sizes:
        run: dict[str, Any] = {"size": size}
        if not args.no_stages:
            # In a process of its own, so that the memory figures below are those of ingest alone.
            with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
                run["stages"] = pool.submit(stage_timings, size).result()
        else:
            run["stages"] = {
                "ms_per_article": dict.fromkeys(DEFAULT_PIPELINE, 0.0),
                "total_ms_per_article": 0.0,
            }
            run["stages"]["articles_per_s"] = 0.0
        with tempfile.TemporaryDirectory() as d:
            folder = args.keep or Path(d)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"bench-{size}.db").unlink(missing_ok=True)
            run["end_to_end"] = end_to_end(
                size, folder, workers=args.workers or None, engine=args.engine, skip=args.skip
            )
        run["peak_rss_mb"] = round(peak_rss_mb(), 1)
        result["runs"].append(run)
        print(f"{size:,} articles done: {json.dumps(run['end_to_end'])}", flush=True)
    result["machine_speed_s"].append(machine_speed())
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = args.out or RESULTS / f"{stamp}.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print_table(result)
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
