"""The data types that flow through khabar: Document in, Article out, Event and Story on top."""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Self


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


class _Record:
    """Dict round-tripping shared by the stored record types."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return asdict(self)  # type: ignore[call-overload]

    def fields_dict(self) -> dict[str, Any]:
        """Every field by name, holding the record's own lists and dicts: for serializing, not for changing.

        :meth:`to_dict` deep-copies them, which took 88% of the store writer's ``put_events`` (cProfile, 10,000
        SaudiNewsNet articles)."""
        return {name: getattr(self, name) for name in _field_names(type(self))}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build a record from a dict, ignoring keys it does not know."""
        known = set(_field_names(cls))  # type: ignore[arg-type]  # mypy: a class is no Hashable (it is)
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Document:
    """What a source yields: raw content plus where it came from and any metadata found beside it.

    ``content`` is bytes when the source could not know the encoding (files, HTTP bodies) and
    str when it did (JSON records, feed entries). ``meta`` keys follow the export names:
    id, url, title, published, outlet, lang, plus anything else a source found.
    """

    origin: str
    content: bytes | str
    content_type: str = "text/plain"
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def record_id(self) -> str | None:
        """The record's own id (a JSONL ``id``), when it has one."""
        rid = self.meta.get("id")
        return str(rid) if rid not in (None, "") else None


@dataclass
class Article(_Record):
    """What the pipeline produces from one Document. Stages fill the fields they own."""

    id: str
    origin: str = ""
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    content_type: str = "text/plain"
    raw: str = ""
    """Decoded original input (text or HTML), kept so any stage can run again."""
    lang: str | None = None
    title: str | None = None
    text: str = ""
    """Clean body text, the writer's spelling (after recorded repairs)."""
    published: str | None = None
    """ISO 8601, or None when neither the text nor the metadata states a date."""
    dateline: dict[str, Any] | None = None
    removed: list[str] = field(default_factory=list)
    repairs: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    """[start, end] character offsets of each sentence in ``text``."""
    date_refs: list[dict[str, Any]] = field(default_factory=list)
    lang_spans: list[dict[str, Any]] = field(default_factory=list)
    ner_spans: list[dict[str, Any]] = field(default_factory=list)
    """PERSON and ORG spans a neural NER model proposed (optional stage, ``khabar.neural``): ``field`` (title or
    text), ``start``, ``end``, ``type``. The entity stage links those its rules missed."""
    embedding: list[float] | None = None
    """A unit vector of the text's meaning, when the optional embeddings stage ran (``khabar.neural``)."""
    source_meta: dict[str, Any] = field(default_factory=dict)
    """The Document's metadata as the source found it; stages never change it (reprocess starts from it)."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Metadata found on the way (site name, section, canonical URL, source line, ...)."""
    stages: dict[str, str] = field(default_factory=dict)
    """Unversioned stage name -> version of every stage that ran on this article."""
    event: str | None = None
    story: str | None = None
    duplicate_of: str | None = None


@dataclass
class Event(_Record):
    """One happening (who met whom, where, when), covered by one or more articles."""

    id: str
    story: str | None = None
    title: str | None = None
    date: str | None = None
    kind: str | None = None
    places: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, str] = field(default_factory=dict)


@dataclass
class Story(_Record):
    """A thread of events over weeks, linked by shared core actors and topic."""

    id: str
    title: str | None = None
    events: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    actors: list[dict[str, Any]] = field(default_factory=list)
