"""Export articles, events and stories as JSON Lines, CSV or Parquet. The article fields are a contract."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal

from .model import Article
from .store.base import Store

Kind = Literal["articles", "events", "stories"]
Format = Literal["jsonl", "csv", "parquet"]

ARTICLE_FIELDS = (
    "id",
    "path",
    "url",
    "outlet",
    "lang",
    "title",
    "text",
    "published",
    "dateline",
    "removed",
    "repairs",
    "entities",
    "quotes",
    "sources",
    "event",
    "story",
    "duplicate_of",
    "origin",
    "date_refs",
    "lang_spans",
)


def article_record(article: Article) -> dict[str, Any]:
    """The exported form of an article."""
    data = article.to_dict()
    return {k: data[k] for k in ARTICLE_FIELDS}


def records(store: Store, kind: Kind) -> Iterator[dict[str, Any]]:
    """Exported records of one kind, in a stable order."""
    if kind == "articles":
        yield from (article_record(a) for a in store.iter_articles())
    elif kind == "events":
        yield from (e.to_dict() for e in store.iter_events())
    elif kind == "stories":
        yield from (s.to_dict() for s in store.iter_stories())
    else:
        raise ValueError(f"unknown export kind {kind!r}")


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def write(rows: Iterable[dict[str, Any]], fmt: Format, out: IO[Any]) -> int:
    """Write rows to ``out`` (text stream for jsonl/csv, binary for parquet); return how many."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: _flat(v) for k, v in row.items()})
            n += 1
    elif fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise RuntimeError("parquet export needs pyarrow: pip install 'khabar[parquet]'") from None
        table = [{k: _flat(v) for k, v in row.items()} for row in rows]
        pq.write_table(pa.Table.from_pylist(table), out)
        n = len(table)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return n
