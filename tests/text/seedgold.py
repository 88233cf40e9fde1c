"""Seed files and their gold analysis, with the scorer's own fold (skips when ../shared is absent)."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SHARED = Path("/work/shared")


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def gold() -> dict[str, Any]:
    path = SHARED / "seeds" / "gold.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return json.loads(path.read_text("utf-8"))["articles"]


def scorer_fold() -> Callable[[str | None], str]:
    path = SHARED / "checks" / "seeds_check.py"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec = importlib.util.spec_from_file_location("seeds_check", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.fold
