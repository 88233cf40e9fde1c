"""Clustering settings: the shipped defaults (fitted by ``tune``), overridden by ``config["cluster"]``."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEFAULTS_PATH = Path(__file__).resolve().parent.parent / "data" / "cluster" / "defaults.json"


@functools.cache
def _defaults() -> dict[str, Any]:
    return json.loads(DEFAULTS_PATH.read_text(encoding="utf-8"))


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``override`` merged in, recursively for nested dicts."""
    out = copy.deepcopy(dict(base))
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def settings(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The full clustering settings: shipped defaults merged with ``overrides`` (a ``config["cluster"]`` block)."""
    return merge(_defaults(), overrides or {})
