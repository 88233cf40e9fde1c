"""The shared data tests read: the founding articles' gold analysis, the real scorer
(../shared/checks/seeds_check.py) and the benchmark files of ../shared/bench.

Tests that score like the seeds check import its own functions from here instead of copying them;
they skip with the reason when the shared folder is absent.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared"
CHECK = SHARED / "checks" / "seeds_check.py"
GOLD = SHARED / "seeds" / "gold.json"


@functools.cache
def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("seeds_check", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def seeds_check() -> ModuleType:
    """The seeds check as a module (fold, names_of, matches, bcubed, ...); skip when absent."""
    if not CHECK.is_file():
        pytest.skip(f"{CHECK} is absent")
    return _load(CHECK)


def gold() -> dict[str, Any]:
    """gold.json; skip when absent."""
    if not GOLD.is_file():
        pytest.skip(f"{GOLD} is absent")
    return json.loads(GOLD.read_text(encoding="utf-8"))


def bench_data(name: str) -> Path:
    """A file of ../shared/bench (or of $KHABAR_BENCH); skip with the reason when absent."""
    folder = Path(os.environ["KHABAR_BENCH"]) if "KHABAR_BENCH" in os.environ else SHARED / "bench"
    path = folder / name
    if not path.exists():
        pytest.skip(f"benchmark data {path} is absent (set KHABAR_BENCH to its folder)")
    return path
