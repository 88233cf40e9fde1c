"""Shared helpers for benchmarks: where the data is, how to read it, how to measure memory."""

from __future__ import annotations

import gzip
import json
import multiprocessing as mp
import resource
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from khabar.ingest import article_from_document
from khabar.model import Article, Document
from khabar.sources import SourceOptions, iter_documents

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench"
if not DATA.exists():
    DATA = Path("/work/shared/bench")
SAUDI = DATA / "saudinewsnet-2015.jsonl.gz"
SAUDI_SIZE = 31030
# SaudiNewsNet keeps the crawl time in ``date_extracted``; the ingest benchmarks read it as the publication time.
SAUDI_FIELDS = {"published": "date_extracted"}


def require(path: Path) -> Path:
    """The path, or exit with a clear message when the benchmark data is absent."""
    if not path.exists():
        sys.exit(f"benchmark data {path} is absent")
    return path


def saudinewsnet(limit: int | None = None) -> Iterator[dict[str, Any]]:
    """SaudiNewsNet records (id, source, url, date_extracted, title, author, content)."""
    with gzip.open(require(SAUDI), "rt", encoding="utf-8") as fh:
        yield from (json.loads(line) for line in islice(fh, limit))


def saudinewsnet_slice(limit: int | None, folder: Path) -> Path:
    """The first ``limit`` SaudiNewsNet lines as a JSONL file in ``folder`` (the whole .gz when None)."""
    if limit is None or limit >= SAUDI_SIZE:
        return require(SAUDI)
    out = folder / f"saudinewsnet-{limit}.jsonl"
    with gzip.open(require(SAUDI), "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        dst.writelines(islice(fh, limit))
    return out


def saudinewsnet_documents(limit: int | None = None) -> Iterator[Document]:
    """SaudiNewsNet records as the JSONL source reads them for ``khabar ingest`` (outlet, url, title, date)."""
    options = SourceOptions(field_map=dict(SAUDI_FIELDS))
    for doc in islice(iter_documents([str(require(SAUDI))], options), limit):
        if isinstance(doc, Document):
            yield doc


def saudinewsnet_articles(limit: int | None = None) -> list[Article]:
    """SaudiNewsNet records as Articles exactly as ingest builds them, before any stage runs."""
    return [article_from_document(d) for d in saudinewsnet_documents(limit)]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb(pid: int | str = "self") -> float:
    """Current resident memory of a process, in MiB (0 when it is gone)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def tree_rss_mb() -> float:
    """Current resident memory of this process plus its live children (pool workers), in MiB."""
    return rss_mb() + sum(rss_mb(p.pid) for p in mp.active_children())
