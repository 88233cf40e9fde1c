"""Expand user inputs (paths, directories, globs, ``-``, URLs) into a deterministic list; find sidecar metadata."""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .base import Problem, SourceError
from .http import is_url
from .records import split_record

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


_CONTAINER_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".warc"})
"""Files that hold many records carry their metadata inside, never in a sidecar."""


def sidecar_candidates(path: Path) -> tuple[Path, ...]:
    """Where the sidecar of ``path`` may lie: ``a.json`` or ``a.txt.json`` beside ``a.txt`` (``.gz`` looked
    through). None for container files (JSON, JSONL, WARC)."""
    base = path.with_suffix("") if path.suffix == ".gz" else path
    if base.suffix.lower() in _CONTAINER_SUFFIXES:
        return ()
    return (base.with_suffix(".json"), path.with_name(path.name + ".json"))


def find_sidecar(path: Path) -> Path | None:
    """The existing sidecar JSON file of ``path``, if any."""
    return next((c for c in sidecar_candidates(path) if c.is_file()), None)


def read_sidecar(path: Path, field_map: dict[str, str]) -> dict[str, Any]:
    """The khabar metadata a sidecar JSON object holds; raise SourceError when it is not one."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise SourceError(f"bad sidecar {path.name}: {exc}") from None
    if not isinstance(data, dict):
        raise SourceError(f"bad sidecar {path.name}: not a JSON object")
    return split_record(data, field_map)[1]


def _without_sidecars(paths: list[Path]) -> list[Path]:
    """Drop the JSON files that are the sidecar of another file in ``paths``."""
    sidecars = {c for p in paths for c in sidecar_candidates(p)}
    return [p for p in paths if p.suffix != ".json" or p not in sidecars]


def _walk(root: Path) -> list[Path]:
    """Every non-hidden file under ``root``, sorted; symlinks to files (even broken ones) included."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder, f) for f in files if not f.startswith("."))
    return sorted(found)


def _glob(pattern: str) -> list[Path]:
    matches = (Path(m) for m in glob.glob(pattern, recursive=True))
    files = [p for m in matches for p in (_walk(m) if m.is_dir() else [m])]
    return sorted(p for p in files if not p.name.startswith("."))


def expand(inputs: Sequence[str]) -> Iterator[str | Path | Problem]:
    """Each input in order: ``-`` and URLs as given, files as Paths (directories and globs expanded, sorted,
    sidecars dropped), and a Problem for an input that names nothing. A file named twice comes once."""
    seen: set[Path] = set()
    for spec in inputs:
        if spec == STDIN or is_url(spec):
            yield spec
            continue
        path = Path(spec)
        if path.is_dir():
            paths = _without_sidecars(_walk(path))
        elif path.is_file() or path.is_symlink():
            paths = [path]
        elif _GLOB_CHARS & set(spec):
            paths = _without_sidecars(_glob(spec))
            if not paths:
                yield Problem(spec, "no files match")
        else:
            yield Problem(spec, "no such file or directory")
            continue
        for p in paths:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                yield p
