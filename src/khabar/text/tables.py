"""Reading the TSV data files under ``khabar/data``: one cached parse per file and process."""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@functools.cache
def rows(area: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of ``data/<area>/<name>``, without blank lines and ``#`` comments."""
    text = (DATA / area / name).read_text(encoding="utf-8")
    return tuple(
        tuple(cell.strip() for cell in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )
