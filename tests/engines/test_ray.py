"""The Ray engine gives exactly what the local engine gives: the same articles, entities and events.

Ray runs locally (two CPUs, no dashboard). Skipped when Ray is not installed (``pip install 'khabar[ray]'``).
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

ray = pytest.importorskip(
    "ray", reason="Ray is not installed: pip install 'khabar[ray]' to run the Ray engine tests"
)

import khabar  # noqa: E402
from khabar.config import DEFAULT_PIPELINE  # noqa: E402
from khabar.engines.ray import RayEngine  # noqa: E402
from khabar.ingest import SerialEngine, article_from_document  # noqa: E402
from khabar.model import Article, Document  # noqa: E402
from khabar.pipeline import Pipeline  # noqa: E402

from ..seedcheck import bench_data  # noqa: E402

SAUDI = "saudinewsnet-2015.jsonl.gz"
SLICE = 2000


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _seed_documents(seeds_dir: Path) -> list[Document]:
    return [Document(str(p), p.read_bytes(), meta={"path": str(p)}) for p in sorted(seeds_dir.glob("*.txt"))]


def _seed_articles(seeds_dir: Path) -> list[Article]:
    articles = [article_from_document(d) for d in _seed_documents(seeds_dir) * 3]
    for i, a in enumerate(articles):
        a.id = f"{a.id}-{i}"
    return articles


def test_ray_matches_serial_in_order(local_ray: None, seeds_dir: Path) -> None:
    pipeline = Pipeline(list(DEFAULT_PIPELINE))
    serial = list(SerialEngine().map(pipeline, _seed_articles(seeds_dir)))
    # Small windows and batches: several datasets, several actors, results still in input order.
    on_ray = list(RayEngine(window=8, batch_size=2).map(pipeline, _seed_articles(seeds_dir)))
    assert [a.id for a in on_ray] == [a.id for a in serial]
    assert [a.to_dict() for a in on_ray] == [a.to_dict() for a in serial]


def _export(k: khabar.Khabar, kind: str) -> list[dict]:
    out = io.StringIO()
    k.export(kind, out)  # type: ignore[arg-type]
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.slow
def test_stores_equal_between_engines(local_ray: None, seeds_dir: Path, tmp_path: Path) -> None:
    source = bench_data(SAUDI)
    with gzip.open(source, "rb") as fh:
        (tmp_path / "slice.jsonl").write_bytes(b"".join(itertools.islice(fh, SLICE)))
    inputs = [str(seeds_dir), str(tmp_path / "slice.jsonl")]
    exported = {}
    for engine in ("local", "ray"):
        with khabar.open(tmp_path / f"{engine}.db") as k:
            report = k.ingest(inputs, engine=engine, workers=2, field_map={"published": "date_extracted"})
            assert report.ingested > SLICE * 0.9
            exported[engine] = {kind: _export(k, kind) for kind in ("articles", "events", "stories")}
    local, on_ray = exported["local"], exported["ray"]
    assert [a["id"] for a in on_ray["articles"]] == [a["id"] for a in local["articles"]]
    assert any(a["entities"] for a in local["articles"]) and len(local["events"]) > 100
    for kind in ("articles", "events", "stories"):
        assert on_ray[kind] == local[kind], kind
