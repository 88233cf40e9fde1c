"""Seed files and their gold analysis, with the scorer's own fold (skips when ../shared is absent)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..seedcheck import SEEDS, seeds_check
from ..seedcheck import gold as _gold


def seed_paths() -> list[Path]:
    """The founding articles, sorted."""
    return sorted(SEEDS.glob("*.txt"))


def gold() -> dict[str, Any]:
    """Gold analysis per seed stem."""
    return _gold()["articles"]


def scorer_fold() -> Callable[[str | None], str]:
    """seeds_check's comparison form."""
    return seeds_check().fold
