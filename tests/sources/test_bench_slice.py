"""A slice of the real SaudiNewsNet JSONL.gz read through the gzip + JSONL path."""

from __future__ import annotations

import gzip
import itertools
import json
import unicodedata
from pathlib import Path

import pytest

from khabar.model import Document
from khabar.sources import Problem, iter_documents

from ..seedcheck import bench_data

BENCH_FILE = "saudinewsnet-2015.jsonl.gz"
SLICE = 800


@pytest.fixture(scope="module")
def bench_slice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    source = bench_data(BENCH_FILE)
    with gzip.open(source, "rb") as f:
        lines = list(itertools.islice(f, SLICE))
    path = tmp_path_factory.mktemp("bench") / "saudinewsnet-slice.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(lines)))
    return path, [json.loads(line) for line in lines]


@pytest.mark.slow
def test_every_record_becomes_a_document_or_a_problem(bench_slice: tuple[Path, list[dict]]) -> None:
    path, records = bench_slice
    items = list(iter_documents([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(items) == len(records)
    empty = [n for n, r in enumerate(records, 1) if not r["content"].strip()]
    assert [p.line for p in problems] == empty
    assert all(p.reason == "record without text (text|content|body)" for p in problems)
    by_line = {d.meta["line"]: d for d in docs}
    for number, record in enumerate(records, 1):
        if number in by_line:
            doc = by_line[number]
            assert doc.record_id == record["id"]
            assert doc.meta["outlet"] == record["source"]
            assert doc.meta["url"] == record["url"]
            assert doc.content == unicodedata.normalize("NFC", record["content"])
            assert "published" not in doc.meta  # date_extracted is crawl time, kept under its own name
            assert doc.meta["date_extracted"] == record["date_extracted"]
