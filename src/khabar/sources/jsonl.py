"""JSON Lines and JSON arrays of article records."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..model import Document
from .base import Item, Problem, SourceError, SourceOptions
from .decode import DecodeError, decode_bytes
from .detect import looks_like_html
from .records import ALIASES, split_record
from .streams import gzip_errors


def _text_keys(field_map: dict[str, str]) -> str:
    mapped = (field_map["text"],) if "text" in field_map else ()
    return "|".join((*mapped, *ALIASES["text"]))


def record_document(
    origin: str, record: Any, options: SourceOptions, base_meta: dict[str, Any]
) -> Document | str:
    """One record as a Document, or the reason it cannot be one."""
    if not isinstance(record, dict):
        return f"record is a JSON {type(record).__name__}, not an object"
    text, meta = split_record(record, options.field_map)
    if not isinstance(text, str) or not text.strip():
        return f"record without text ({_text_keys(options.field_map)})"
    if len(text) > options.max_bytes:
        return f"record larger than {options.max_bytes} bytes"
    content_type = "text/html" if looks_like_html(text) else "text/plain"
    return Document(origin, unicodedata.normalize("NFC", text), content_type, {**base_meta, **meta})


def _parse_line(line: bytes) -> Any:
    try:
        return json.loads(line)
    except UnicodeDecodeError:
        try:
            return json.loads(decode_bytes(line))
        except DecodeError as exc:
            raise ValueError(str(exc)) from None


def iter_jsonl(
    origin: str, stream: BinaryIO, options: SourceOptions, base_meta: dict[str, Any]
) -> Iterator[Item]:
    """One Document per JSON line, a Problem (with its line number) per bad line. Blank lines are skipped."""
    with gzip_errors():
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            if len(line) > options.max_bytes:
                yield Problem(origin, f"record larger than {options.max_bytes} bytes", number)
                continue
            try:
                record = _parse_line(line.strip().removeprefix(b"\xef\xbb\xbf"))
            except json.JSONDecodeError as exc:
                yield Problem(origin, f"malformed JSON: {exc.msg} (column {exc.colno})", number)
                continue
            except ValueError as exc:
                yield Problem(origin, f"malformed JSON: {exc}", number)
                continue
            yield from _documents(origin, record, options, base_meta, number)


def _records_of(value: Any, field_map: dict[str, str]) -> list[Any]:
    """The records a JSON value holds: an array's items, the one list of objects inside a wrapper object
    without text (``{"articles": [...]}``), else the value itself."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and split_record(value, field_map)[0] is None:
        lists = [
            v for v in value.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)
        ]
        if len(lists) == 1:
            return lists[0]
    return [value]


def _documents(
    origin: str, value: Any, options: SourceOptions, base_meta: dict[str, Any], line: int | None = None
) -> Iterator[Item]:
    """Documents for the records in one parsed JSON value (a whole file, or one JSONL line)."""
    records = _records_of(value, options.field_map)
    if not records:
        yield Problem(origin, "empty JSON array", line)
        return
    many = isinstance(value, list) or len(records) > 1
    where = origin if line is None else f"{origin}:{line}"
    place = {"file": origin} if line is None else {"file": origin, "line": line}
    for index, record in enumerate(records, 1):
        meta = {**base_meta, **place, "record": index} if many else {**base_meta, **place}
        doc = record_document(f"{where}#{index}" if many else where, record, options, meta)
        if isinstance(doc, Document):
            yield doc
        else:
            yield Problem(origin, f"record {index}: {doc}" if many else doc, line)


def iter_json(origin: str, text: str, options: SourceOptions, base_meta: dict[str, Any]) -> Iterator[Item]:
    """A JSON document holding records: one Document per record, a Problem per bad record."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"malformed JSON: {exc}") from None
    yield from _documents(origin, data, options, base_meta)
