"""User gazetteers (``khabar gazetteer import``): CSV, JSONL and JRC-Names files read into the package's shape.

The shipped gazetteer files are read by :mod:`khabar.extract.knowledge`. Entities (places, persons,
organisations) use one JSON shape::

    {"id": "Q7747", "type": "PERSON", "name": "Vladimir Putin",
     "variants": [{"text": "بوتين", "lang": "ar"}, ...], "roles": [...], "country": "RU"}
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from ..text.tables import json_objects

TYPES = ("PERSON", "PLACE", "ORG")
_JRC_TYPES = {"P": "PERSON", "O": "ORG"}
_CSV_COLUMNS = ("id", "type", "name", "variant", "lang")


class GazetteerImportError(ValueError):
    """Bad rows in a user gazetteer; ``errors`` holds one "file:line: reason" per row."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def import_user_gazetteer(path: str | os.PathLike[str]) -> list[dict]:
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
    for n, record in json_objects(lines):
        if isinstance(record, str):
            errors.append(f"{name}:{n}: {record}")
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
