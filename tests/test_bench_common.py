"""The benchmark's SaudiNewsNet slices: the first N lines, or the N after a skip."""

from __future__ import annotations

import gzip
from itertools import islice
from pathlib import Path

import pytest
from bench.common import SAUDI, saudinewsnet_slice


def test_a_slice_after_a_skip_holds_the_lines_that_follow(tmp_path: Path) -> None:
    if not SAUDI.exists():
        pytest.skip(f"benchmark data {SAUDI} is absent")
    with gzip.open(SAUDI, "rt", encoding="utf-8") as fh:
        lines = list(islice(fh, 8))
    assert saudinewsnet_slice(3, tmp_path, skip=5).read_text(encoding="utf-8").splitlines(True) == lines[5:]
    assert saudinewsnet_slice(2, tmp_path).read_text(encoding="utf-8").splitlines(True) == lines[:2]
