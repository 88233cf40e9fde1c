"""Reads the gazetteer files (``data/gazetteer/``) into the tables the entity matcher needs.

Files: ``places.jsonl``, ``persons.jsonl``, ``orgs.jsonl`` (one entity per line: id, type, name,
variants [{text, lang}], and kind/population/country/roles/ambiguous where known), and TSVs
``demonyms.tsv`` (form, lang, country id), ``triggers.tsv`` (text, lang, role),
``given_names.tsv`` and ``family_names.tsv`` (name, lang) and ``ministry_patterns.tsv`` (pattern, lang,
portfolio).
Missing files are empty tables, so a bare install still runs (finding names by rule only).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..text.tables import json_objects

log = logging.getLogger(__name__)
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
_HEADERS = {"form", "trigger", "name", "pattern", "text"}


@dataclass
class Knowledge:
    """Everything the entity stage looks up, keyed by entity id where it names entities."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    demonyms: list[tuple[str, str, str]] = field(default_factory=list)
    """(form, lang, country place id or country code)"""
    triggers: list[tuple[str, str, str]] = field(default_factory=list)
    """(trigger text, lang, role)"""
    given_names: list[tuple[str, str]] = field(default_factory=list)
    family_names: list[tuple[str, str]] = field(default_factory=list)
    """(name, lang): names that go on a name after a given name however common a word they are"""
    ministries: list[tuple[str, str, str]] = field(default_factory=list)
    """(pattern, lang, portfolio)"""


def _jsonl(path: Path) -> list[dict[str, Any]]:
    """The entity records of a JSONL file; a line that is not one (a hand-edited user gazetteer) is skipped
    with a warning naming the file and line."""
    if not path.is_file():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, record in json_objects(fh):
            if isinstance(record, str):
                log.warning("%s:%d: skipped, %s", path, n, record)
            elif record.get("id") and record.get("type"):
                out.append(record)
            else:
                log.warning("%s:%d: skipped, not an entity (an object with an id and a type)", path, n)
    return out


def _tsv(path: Path, width: int) -> list[tuple[str, ...]]:
    """Rows of at least ``width`` columns (extra columns kept), without comments and header."""
    if not path.is_file():
        return []
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        cols = [c.strip() for c in line.split("\t")]
        if not line.strip() or line.startswith("#") or len(cols) < width:
            continue
        if i == 0 and cols[0].lower() in _HEADERS:
            continue
        rows.append(tuple(cols))
    return rows


def _demonyms(path: Path) -> list[tuple[str, str, str]]:
    """(form, lang, country): the place id of the 4th column where given, else the country code."""
    return [(r[0], r[1], r[3] if len(r) > 3 and r[3] else r[2]) for r in _tsv(path, 3)]


def read_entities(name: str, directory: str | None = None) -> list[dict[str, Any]]:
    """The records of one entity file of the gazetteer (``places.jsonl``), without loading the others."""
    return _jsonl((Path(directory) if directory else DATA_DIR) / name)


def load_knowledge(directory: str | None = None, curated: bool = True, user: str | None = None) -> Knowledge:
    """The gazetteer tables from ``directory`` (default: the package data), read once per process.

    With ``curated=False`` the curated persons list is left out: persons are then found by rule only.
    ``user`` is a user gazetteer (JSONL in the package format, see ``khabar gazetteer import``) whose
    entries replace package entries of the same id.
    """
    # One cache key however the arguments are spelled (``load_knowledge()`` and ``load_knowledge(None,
    # True, None)`` share one copy of the tables).
    return _load_knowledge(directory, curated, user)


@functools.cache
def _load_knowledge(directory: str | None, curated: bool, user: str | None) -> Knowledge:
    base = Path(directory) if directory else DATA_DIR
    files = ["places.jsonl", "orgs.jsonl"] + (["persons.jsonl"] if curated else [])
    entities: dict[str, dict[str, Any]] = {}
    for name in files:
        for rec in _jsonl(base / name):
            rec["type"] = str(rec["type"]).upper()
            entities.setdefault(str(rec["id"]), rec)
    for rec in _jsonl(Path(user)) if user else []:
        rec["type"] = str(rec["type"]).upper()
        entities[str(rec["id"])] = rec
    return Knowledge(
        entities=entities,
        demonyms=_demonyms(base / "demonyms.tsv"),
        triggers=[r[:3] for r in _tsv(base / "triggers.tsv", 3)],  # type: ignore[misc]
        given_names=[r[:2] for r in _tsv(base / "given_names.tsv", 2)],  # type: ignore[misc]
        family_names=[r[:2] for r in _tsv(base / "family_names.tsv", 2)],  # type: ignore[misc]
        ministries=[r[:3] for r in _tsv(base / "ministry_patterns.tsv", 3)],  # type: ignore[misc]
    )
