"""The small test gazetteer (same format as the package data) and helpers over entity lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

GAZETTEER = str(Path(__file__).resolve().parent / "fixtures" / "gazetteer")


def by_name(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Entities keyed by display name."""
    return {e["name"]: e for e in found}
