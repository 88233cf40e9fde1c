"""Clustering settings: the shipped defaults (fitted by ``tune``), overridden by ``config["cluster"]``."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..config import merge

DEFAULTS_PATH = Path(__file__).resolve().parent.parent / "data" / "cluster" / "defaults.json"


@functools.cache
def _defaults() -> dict[str, Any]:
    return json.loads(DEFAULTS_PATH.read_text(encoding="utf-8"))


def settings(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The full clustering settings: shipped defaults merged with ``overrides`` (a ``config["cluster"]`` block)."""
    return merge(_defaults(), overrides or {})
