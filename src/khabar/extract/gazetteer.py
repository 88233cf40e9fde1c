"""Gazetteers and name lexicons under ``khabar/data/gazetteer/``, loaded once per process.

Entities (places, persons, organisations) use one JSON shape::

    {"id": "Q7747", "type": "PERSON", "name": "Vladimir Putin",
     "variants": [{"text": "بوتين", "lang": "ar"}, ...], "roles": [...], "country": "RU"}

``import_user_gazetteer`` reads user files (CSV, JSONL, JRC-Names) into that shape.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import NamedTuple

TYPES = ("PERSON", "PLACE", "ORG")
_ENTITY_FILES = ("places.jsonl", "orgs.jsonl")
_PERSONS_FILE = "persons.jsonl"
_JRC_TYPES = {"P": "PERSON", "O": "ORG"}
_CSV_COLUMNS = ("id", "type", "name", "variant", "lang")


class Variant(NamedTuple):
    """One written form of an entity, for the matcher."""

    text: str
    lang: str
    entity_id: str
    ambiguous: bool


class Demonym(NamedTuple):
    """A nationality adjective or nisba (الروسية, روسی, Russian) and the country it names."""

    form: str
    lang: str
    country: str  # ISO 3166-1 alpha-2
    place_id: str


class Trigger(NamedTuple):
    """A title or role word that precedes a person's name (وزير الدفاع → defence_minister)."""

    text: str
    lang: str
    role: str


class GivenName(NamedTuple):
    """A common given name as written in ``lang``; ``origin`` is the name's culture (فلاديمير: ar, ru)."""

    name: str
    lang: str
    origin: str


class MinistryPattern(NamedTuple):
    """A ministry named without its country ("وزارة الدفاع", "Defence Ministry") and its portfolio.

    The country comes from an adjacent demonym or country name: "وزارة الدفاع الروسية" is the Russian
    Ministry of Defence.
    """

    pattern: str
    lang: str
    portfolio: str  # English: "Defence", "Foreign Affairs"


@dataclass(frozen=True)
class Gazetteer:
    """Entities by id and every variant, in file order."""

    entries: dict[str, dict] = field(default_factory=dict)
    variants: tuple[Variant, ...] = ()

    def get(self, entity_id: str) -> dict | None:
        """The entity with this id, or None."""
        return self.entries.get(entity_id)

    def of_type(self, etype: str) -> list[dict]:
        """All entities of one type (PERSON, PLACE or ORG)."""
        return [e for e in self.entries.values() if e["type"] == etype]


class GazetteerImportError(ValueError):
    """Bad rows in a user gazetteer; ``errors`` holds one "file:line: reason" per row."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _data_file(name: str):
    return resources.files("khabar").joinpath("data", "gazetteer", name)


def _read_jsonl(name: str) -> Iterator[dict]:
    with _data_file(name).open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _read_tsv(name: str) -> Iterator[list[str]]:
    """Rows of a data TSV, without its header line and ``#`` comments."""
    with _data_file(name).open("r", encoding="utf-8") as fh:
        next(fh, None)  # header
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def build_gazetteer(entities: Iterable[dict]) -> Gazetteer:
    """A Gazetteer over entities in the contract shape (a later entity with the same id wins)."""
    entries = {e["id"]: e for e in entities}
    variants = tuple(
        Variant(v["text"], v["lang"], e["id"], bool(v.get("ambiguous")))
        for e in entries.values()
        for v in e["variants"]
    )
    return Gazetteer(entries, variants)


@functools.cache
def load_gazetteer(curated_persons: bool = True) -> Gazetteer:
    """Places, organisations and (unless switched off) the curated persons shipped with khabar."""
    names = (*_ENTITY_FILES, _PERSONS_FILE) if curated_persons else _ENTITY_FILES
    return build_gazetteer(e for name in names for e in _read_jsonl(name))


@functools.cache
def load_demonyms() -> tuple[Demonym, ...]:
    """Every demonym form (ar/fa/en/fr/tr/ur/ru) with its country."""
    return tuple(Demonym(*row[:4]) for row in _read_tsv("demonyms.tsv"))


@functools.cache
def load_triggers() -> tuple[Trigger, ...]:
    """Title and role triggers per language."""
    return tuple(Trigger(*row[:3]) for row in _read_tsv("triggers.tsv"))


@functools.cache
def load_given_names() -> tuple[GivenName, ...]:
    """Common given names per language."""
    return tuple(GivenName(*row[:3]) for row in _read_tsv("given_names.tsv"))


@functools.cache
def load_ministry_patterns() -> tuple[MinistryPattern, ...]:
    """Ministry names without their country, per language, with their English portfolio."""
    return tuple(MinistryPattern(*row[:3]) for row in _read_tsv("ministry_patterns.tsv"))


# ---- user gazetteers ---------------------------------------------------------------------------


def import_user_gazetteer(path: str | Path) -> list[dict]:
    """Entities in the contract shape from a user file: CSV, JSONL or JRC-Names.

    - CSV: header ``id,type,name,variant,lang``, one row per variant;
    - JSONL: one entity per line in the contract shape (``variants`` may also be plain strings);
    - JRC-Names ``entities`` file: ``id<TAB>type<TAB>lang<TAB>name`` with ``+`` between name parts,
      type P (person) or O (organisation), lang ``u`` for unknown; ``#`` lines are comments.

    Raises GazetteerImportError naming the file and line of every bad row.
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig") as fh:
        lines = fh.read().splitlines()
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        parse = _parse_jsonl
    elif suffix == ".csv":
        parse = _parse_csv
    else:
        first = next((line for line in lines if line.strip() and not line.startswith("#")), "")
        parse = _parse_jrc if first.count("\t") >= 3 else _parse_csv
    errors: list[str] = []
    entities = parse(lines, path.name, errors)
    if errors:
        raise GazetteerImportError(errors)
    return entities


def _type_of(raw: str) -> str | None:
    etype = raw.strip().upper()
    return (
        {"PER": "PERSON", "LOC": "PLACE", "GPE": "PLACE", "ORGANIZATION": "ORG"}.get(etype, etype)
        if etype
        else None
    )


def _add_variant(entity: dict, text: str, lang: str) -> None:
    text = " ".join(text.split())
    if text and not any(v["text"] == text and v["lang"] == lang for v in entity["variants"]):
        entity["variants"].append({"text": text, "lang": lang})


def _parse_jsonl(lines: list[str], name: str, errors: list[str]) -> list[dict]:
    entities = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{name}:{n}: not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            errors.append(f"{name}:{n}: not a JSON object")
            continue
        problem = _check_entity(record)
        if problem:
            errors.append(f"{name}:{n}: {problem}")
            continue
        entity = {**record, "type": _type_of(record["type"]), "variants": []}
        for v in record.get("variants") or []:
            text, lang = (v, "und") if isinstance(v, str) else (v.get("text", ""), v.get("lang") or "und")
            _add_variant(entity, text, lang)
        if not entity["variants"]:
            _add_variant(entity, record["name"], "und")
        entities.append(entity)
    return entities


def _check_entity(record: dict) -> str | None:
    for key in ("id", "type", "name"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            return f"missing {key}"
    if _type_of(record["type"]) not in TYPES:
        return f"type {record['type']!r} is not one of {', '.join(TYPES)}"
    if not isinstance(record.get("variants", []), list):
        return "variants is not a list"
    return None


def _parse_csv(lines: list[str], name: str, errors: list[str]) -> list[dict]:
    reader = csv.DictReader(lines)
    missing = [c for c in _CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        errors.append(f"{name}:1: missing column(s) {', '.join(missing)} (need {','.join(_CSV_COLUMNS)})")
        return []
    entities: dict[str, dict] = {}
    for row in reader:
        n = reader.line_num
        row = {k: (v or "").strip() for k, v in row.items() if k}
        problem = _check_entity({"id": row["id"], "type": row["type"], "name": row["name"]})
        if not problem and not row["variant"]:
            problem = "missing variant"
        if problem:
            errors.append(f"{name}:{n}: {problem}")
            continue
        etype = _type_of(row["type"])
        entity = entities.setdefault(
            row["id"], {"id": row["id"], "type": etype, "name": row["name"], "variants": []}
        )
        if entity["type"] != etype:
            errors.append(f"{name}:{n}: id {row['id']} is {entity['type']} on an earlier row, {etype} here")
            continue
        _add_variant(entity, row["variant"], row["lang"] or "und")
    return list(entities.values())


def _parse_jrc(lines: list[str], name: str, errors: list[str]) -> list[dict]:
    entities: dict[str, dict] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or not all(p.strip() for p in parts):
            errors.append(f"{name}:{n}: expected id<TAB>type<TAB>lang<TAB>name, got {len(parts)} field(s)")
            continue
        jrc_id, jrc_type, lang, text = (p.strip() for p in parts)
        etype = _JRC_TYPES.get(jrc_type.upper())
        if etype is None:
            errors.append(f"{name}:{n}: type {jrc_type!r} is not P (person) or O (organisation)")
            continue
        text = text.replace("+", " ")
        lang = "und" if lang == "u" else lang
        entity = entities.setdefault(
            jrc_id, {"id": f"jrc:{jrc_id}", "type": etype, "name": text, "variants": []}
        )
        if entity["type"] != etype:
            errors.append(f"{name}:{n}: id {jrc_id} is {entity['type']} on an earlier line, {etype} here")
            continue
        _add_variant(entity, text, lang)
    return list(entities.values())
