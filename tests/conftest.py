"""Shared fixtures: the founding articles, corpus factories and the benchmark data when present."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# The start-up tables' disk cache (khabar.cache) of this test run: never the user's own, and built afresh by
# each run, so the tests run the building code too. Set before khabar is imported; pool workers inherit it.
os.environ["KHABAR_CACHE_DIR"] = tempfile.mkdtemp(prefix="khabar-test-cache-")

import khabar
from khabar import Khabar

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "seeds" / "gold.json"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five founding articles bundled with the repo."""
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict:
    """The expected analysis of the founding articles (skip when the shared folder is absent)."""
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture
def make_corpus(tmp_path: Path) -> Iterator[Callable[..., Khabar]]:
    """A factory of fresh corpora in tmp_path; every corpus is closed at teardown."""
    opened: list[Khabar] = []

    def factory(name: str = "test.db", **overrides: object) -> Khabar:
        k = khabar.open(tmp_path / name, **overrides)
        opened.append(k)
        return k

    yield factory
    for k in opened:
        k.close()
