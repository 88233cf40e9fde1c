"""The start-up tables' disk cache: built once per key, rebuilt when what it is built from changes or when an
entry is unreadable, skipped when it cannot be written, and what it returns is what building returns."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from khabar import cache
from khabar.config import DEFAULT_PIPELINE
from khabar.extract import entities
from khabar.model import Article
from khabar.pipeline import Pipeline


class Builder:
    """Counts its builds."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return {"built": self.calls}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_table_is_built_once_for_the_same_parts(folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "table.tsv"
    data.write_text("a\t1\n", encoding="utf-8")
    build = Builder()
    assert cache.cached("table", [data, "x=1"], build) == {"built": 1}
    assert cache.cached("table", [data, "x=1"], build) == {"built": 1}
    assert build.calls == 1
    assert len(list(folder.glob("table-*.pickle"))) == 1


def test_a_changed_file_or_argument_builds_afresh(folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "table.tsv"
    data.write_text("a\t1\n", encoding="utf-8")
    build = Builder()
    cache.cached("table", [data, "x=1"], build)
    data.write_text("a\t2\n", encoding="utf-8")
    assert cache.cached("table", [data, "x=1"], build) == {"built": 2}
    assert cache.cached("table", [data, "x=2"], build) == {"built": 3}


def test_an_unreadable_entry_is_rebuilt_with_a_warning(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    build = Builder()
    cache.cached("table", ["x"], build)
    (entry,) = folder.glob("table-*.pickle")
    entry.write_bytes(b"\x80\x05truncated")
    with caplog.at_level(logging.WARNING, logger="khabar.cache"):
        assert cache.cached("table", ["x"], build) == {"built": 2}
    assert str(entry) in caplog.text
    assert cache.cached("table", ["x"], build) == {"built": 2}  # the rebuilt entry is whole again


def test_a_folder_that_cannot_be_written_only_costs_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(blocker / "cache"))  # under a file: no folder can be made
    build = Builder()
    assert cache.cached("table", ["x"], build) == {"built": 1}
    assert cache.cached("table", ["x"], build) == {"built": 2}


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    build = Builder()
    cache.cached("table", ["x"], build)
    cache.cached("table", ["x"], build)
    assert build.calls == 2


def test_old_entries_are_pruned(folder: Path) -> None:
    for i in range(cache._KEEP + 3):
        cache.cached("table", [f"x={i}"], Builder())
    assert len(list(folder.glob("table-*.pickle"))) == cache._KEEP


def test_the_entity_index_read_back_finds_what_the_built_one_finds(
    folder: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = Pipeline(list(DEFAULT_PIPELINE))
    paths = sorted(seeds_dir.glob("*.txt"))

    def run() -> list[list[dict]]:
        return [
            pipe(Article(id=p.stem, raw=p.read_text("utf-8"), content_type="text/plain")).entities
            for p in paths
        ]

    entities.resources.cache_clear()
    try:
        built = run()  # builds the index and writes it
        assert list(folder.glob("entity-index-*.pickle"))
        entities.resources.cache_clear()

        def no_build(*args: object) -> None:
            raise AssertionError("the index was built again instead of read")

        monkeypatch.setattr(entities, "_build_resources", no_build)
        assert run() == built
    finally:
        entities.resources.cache_clear()
