"""Configuration: built-in defaults, overridden by a user TOML file. The filled config is saved with results."""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEFAULT_PIPELINE: list[str] = [
    "khabar.text.html.v1",  # HTML -> main text and metadata (trafilatura); plain text passes through
    "khabar.text.mojibake.v1",  # UTF-8 read as cp1256 or latin-1, fixed
    "khabar.text.langid.v1",  # main language (script and letter evidence first, lingua when open) and spans
    "khabar.text.clean.v1",  # site chrome out (lexicon, per-outlet lines, structure); title, outlet, section, source line
    "khabar.text.dates.v1",  # published (metadata, else date line), dateline, date references
    "khabar.text.split_words.v1",  # words split where a shadda or tanween was lost, joined by word frequency
    "khabar.text.sentences.v1",  # sentence offsets
    "khabar.extract.entities.v1",  # PERSON, PLACE, ORG mentions linked to canonical ids, with salience
    "khabar.extract.quotes.v1",  # direct quotes with their speakers
    "khabar.extract.provenance.v1",  # publisher and cited sources
]

DEFAULTS: dict[str, Any] = {
    "pipeline": DEFAULT_PIPELINE,
    "stages": {},
    "ingest": {
        "max_bytes": 20 * 1024 * 1024,
        "timeout": 20.0,
        "user_agent": "khabar/0.1 (+https://github.com/khabar-news/khabar)",
        "max_redirects": 5,
        "cluster": True,  # cluster new articles into events and stories as they arrive
        "cluster_chunk": 1000,  # articles clustered together (memory stays flat)
        # Articles stored per transaction (one commit each; an interrupted run still stores what was processed).
        # A commit writes every page its rows touched, and the keys of the articles' indexes (content hashes,
        # entity links, spellings) fall on pages all over their tables: larger groups write each such page
        # once for more articles. Readers see a group's articles when it commits.
        "write_group": 512,
    },
    "learn_chrome": {"min_docs": 5, "min_share": 0.2},  # a line repeated this widely in one outlet is chrome
    "store": {},  # SQLiteStore options: cache_mib, the writer's page cache (store.sqlite.DEFAULT_CACHE_MIB)
    "cluster": {},
}


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``override`` merged in, recursively for nested dicts (neither is modified)."""
    out = copy.deepcopy(dict(base))
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
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
        cfg = merge(cfg, user)
    return merge(cfg, overrides)
