"""The benchmark helpers: SaudiNewsNet slices (the first N lines, or the N after a skip), the heap breakdown."""

from __future__ import annotations

import gzip
import sqlite3
from itertools import islice
from pathlib import Path

import pytest
from bench.common import SAUDI, allocators_mb, saudinewsnet_slice


def test_a_slice_after_a_skip_holds_the_lines_that_follow(tmp_path: Path) -> None:
    if not SAUDI.exists():
        pytest.skip(f"benchmark data {SAUDI} is absent")
    with gzip.open(SAUDI, "rt", encoding="utf-8") as fh:
        lines = list(islice(fh, 8))
    assert saudinewsnet_slice(3, tmp_path, skip=5).read_text(encoding="utf-8").splitlines(True) == lines[5:]
    assert saudinewsnet_slice(2, tmp_path).read_text(encoding="utf-8").splitlines(True) == lines[:2]


def test_the_heap_breakdown_sees_sqlite_and_pythons_arenas_grow() -> None:
    before = allocators_mb()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", ((str(i) * 50,) for i in range(40_000)))
    kept = [str(i) * 3 for i in range(300_000)]  # small objects: pymalloc's arenas
    after = allocators_mb()
    assert after["sqlite"] > before["sqlite"] + 1
    # the small objects fill free blocks and empty pools first, then new arenas: the blocks in use grow either
    # way (arenas less free blocks missed the empty pools a process that freed much memory keeps)
    used = after["pymalloc_used"] - before["pymalloc_used"]
    assert used > 5
    assert after["malloc_in_use"] > 0 and after["pymalloc_free"] >= 0
    assert len(kept) == 300_000
    conn.close()
