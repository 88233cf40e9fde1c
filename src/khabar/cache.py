"""A disk cache for tables built at start-up (the gazetteer's indexes, folded word frequencies).

Building them costs seconds in every new process (a CLI call, a pool's forkserver); reading them back is a
fraction of that. An entry is a pickle under ``$KHABAR_CACHE_DIR``, else ``$XDG_CACHE_HOME/khabar``, else
``~/.cache/khabar``, named by a digest of everything the table is built from: the source of the code that
builds it, the data files it reads, its arguments and the versions of Python and the libraries involved. So
an edit to any of them builds afresh, and nothing is ever invalidated by hand. ``KHABAR_CACHE_DIR=off``
turns the cache off. A file that cannot be read (truncated, from an incompatible build) is rebuilt; one
that cannot be written (a read-only home) is skipped: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from .collector import paused

T = TypeVar("T")
log = logging.getLogger(__name__)
_KEEP = 4
"""Entries kept per table name (one per gazetteer configuration in use), the most recently written."""
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is off."""
    chosen = os.environ.get("KHABAR_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "khabar"


def digest(parts: Iterable[str | bytes | Path]) -> str:
    """A digest of ``parts``: strings and bytes as they are, a path by its name and contents (absent: its name)."""
    h = hashlib.sha256(f"{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
    for part in parts:
        if isinstance(part, Path):
            h.update(str(part).encode())
            if part.is_file():
                h.update(part.read_bytes())
        else:
            h.update(part if isinstance(part, bytes) else part.encode())
        h.update(b"\0")
    return h.hexdigest()[:24]


def sources(*folders: str) -> list[Path]:
    """The Python modules of these package folders (``"extract"``, ``"text"``), in a stable order."""
    return sorted(p for folder in folders for p in (PACKAGE / folder).glob("*.py"))


def cached(name: str, parts: Iterable[str | bytes | Path], build: Callable[[], T]) -> T:
    """``build()``, or the entry it left under ``name`` for the same ``parts`` (see :func:`digest`)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{digest(parts)}.pickle"
    try:
        with path.open("rb") as fh, paused():
            return pickle.load(fh)  # our own file, in the user's own cache folder
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or incompatible entry: build it again
        log.warning("rebuilding the cached %s: %s could not be read (%s)", name, path, exc)
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    """Write ``value`` to ``path`` whole or not at all (a temporary file renamed), then prune old entries."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as fh:
            tmp = Path(fh.name)
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.info("not caching %s: %s", path.name, exc)
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        return
    _prune(path.parent, path.name.rsplit("-", 1)[0])


def _prune(folder: Path, name: str) -> None:
    """Keep the ``_KEEP`` most recently written entries of ``name`` (another process may prune them too)."""
    dated = []
    for entry in folder.glob(f"{name}-*.pickle"):
        try:
            dated.append((entry.stat().st_mtime, entry))
        except FileNotFoundError:
            continue
    for _, old in sorted(dated, reverse=True)[_KEEP:]:
        old.unlink(missing_ok=True)
