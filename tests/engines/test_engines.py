"""Choosing an engine by name; Ray is optional and its absence is a clear error, in Python and on the CLI."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import khabar
from khabar.cli import cli
from khabar.engines import LocalEngine, make_engine
from khabar.engines.ray import RayMissingError
from khabar.ingest import SerialEngine, Task, process
from khabar.model import Article
from khabar.pipeline import Pipeline


def test_local_engine_by_name() -> None:
    engine = make_engine("local", workers=3)
    assert isinstance(engine, LocalEngine) and engine.workers == 3


def test_an_engine_object_is_used_as_it_is(tmp_path: Path, seeds_dir: Path) -> None:
    """Khabar.ingest runs the stages on any object with the Engine's ``map``, here one that counts articles."""

    class Counting(SerialEngine):
        seen = 0

        def map(self, pipeline: Pipeline, articles: Iterable[Article], task: Task = process) -> Iterator[Any]:
            for article in articles:
                Counting.seen += 1
                yield task(article, pipeline)

    engine = Counting()
    assert make_engine(engine) is engine
    with khabar.open(tmp_path / "k.db") as kb:
        report = kb.ingest([str(seeds_dir)], engine=engine)
        assert report.ingested == Counting.seen == 5
        assert kb.stats()["articles"] == 5


def test_unknown_engine() -> None:
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        make_engine("spark")


def test_missing_ray_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(RayMissingError, match=r"pip install 'khabar\[ray\]'"):
        make_engine("ray")


def test_cli_without_ray_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds_dir: Path
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "k.db"), "ingest", str(seeds_dir), "--engine", "ray"]
    )
    assert result.exit_code == 2
    assert "khabar[ray]" in result.output


def test_cli_address_needs_ray(tmp_path: Path, seeds_dir: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "k.db"), "ingest", str(seeds_dir), "--address", "x"]
    )
    assert result.exit_code == 2
    assert "--address is for --engine ray" in result.output
