"""Shared helpers for benchmarks: where the data is, how to read it, how to measure memory."""

from __future__ import annotations

import gzip
import json
import resource
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench"
SAUDI = DATA / "saudinewsnet-2015.jsonl.gz"


def require(path: Path) -> Path:
    """The path, or exit with a clear message when the benchmark data is absent."""
    if not path.exists():
        sys.exit(f"benchmark data {path} is absent")
    return path


def saudinewsnet(limit: int | None = None) -> Iterator[dict[str, Any]]:
    """SaudiNewsNet records (id, source, url, date_extracted, title, author, content)."""
    with gzip.open(require(SAUDI), "rt", encoding="utf-8") as fh:
        yield from (json.loads(line) for line in islice(fh, limit))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
