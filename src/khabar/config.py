"""Configuration: built-in defaults, overridden by a user TOML file. The filled config is saved with results."""

from __future__ import annotations

import copy
import os
import tomllib
from pathlib import Path
from typing import Any

DEFAULT_PIPELINE: list[str] = [
    "khabar.text.html.v1",  # HTML -> main text and metadata (trafilatura); plain text passes through
    "khabar.text.mojibake.v1",  # UTF-8 read as cp1256/latin-1 undone in text and title
    "khabar.text.langid.v1",  # lang and lang_spans: script and letter evidence, function words, lingua
    "khabar.text.split_words.v1",  # words split by a dropped shadda/tanween joined, recorded in repairs
    "khabar.text.sentences.v1",  # sentence offsets
]

DEFAULTS: dict[str, Any] = {
    "pipeline": DEFAULT_PIPELINE,
    "stages": {},
    "ingest": {
        "max_bytes": 20 * 1024 * 1024,
        "timeout": 20.0,
        "user_agent": "khabar/0.1 (+https://github.com/khabar-news/khabar)",
        "max_redirects": 5,
    },
    "cluster": {},
}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def load(path: str | os.PathLike[str] | None = None, **overrides: Any) -> dict[str, Any]:
    """The defaults, merged with the TOML file at ``path`` (or ``$KHABAR_CONFIG``), then ``overrides``."""
    cfg = copy.deepcopy(DEFAULTS)
    path = path or os.environ.get("KHABAR_CONFIG")
    if path:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"{path}: cannot read config: {exc}") from None
        cfg = _merge(cfg, user)
    return _merge(cfg, overrides)
