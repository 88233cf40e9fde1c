"""Reading the data files under ``khabar/data`` (TSV and JSONL): one cached parse per file and process."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

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


def json_objects(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, its JSON object or why it holds none) for each line but blanks and ``#`` comments."""
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, f"not JSON ({exc.msg})"
            continue
        yield n, record if isinstance(record, dict) else "not a JSON object"


@functools.cache
def records(area: str, name: str) -> tuple[dict[str, Any], ...]:
    """The JSON objects of ``data/<area>/<name>``, one per line (package data: a bad line is an error)."""
    path = DATA / area / name
    out = []
    for n, record in json_objects(path.read_text(encoding="utf-8").splitlines()):
        if isinstance(record, str):
            raise ValueError(f"{path}:{n}: {record}")
        out.append(record)
    return tuple(out)
