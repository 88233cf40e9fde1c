"""The store interface. Everything outside ``khabar.store`` talks to this, never to SQLite directly."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cluster.state import ClusterState
from ..model import Article, Event, Story


@dataclass(frozen=True)
class SearchHit:
    """One full-text search result."""

    article_id: str
    title: str | None
    snippet: str
    score: float
    lang: str | None
    outlet: str | None
    published: str | None
    event: str | None


@dataclass(frozen=True)
class ArticleFilter:
    """Filters shared by listing and search."""

    lang: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    event: str | None = None
    entity: str | None = None
    unclustered: bool = False
    """Only the articles in no event yet."""


class Store(ABC):
    """Articles, events, stories and entities, with full-text search. One writer, many readers."""

    path: Path
    """Where the store lives on disk (side files such as the user gazetteer go beside it)."""

    def transaction(self) -> AbstractContextManager[None]:
        """Make the writes inside one transaction, committed at the end (a store without them: no effect)."""
        return nullcontext()

    # Articles
    @abstractmethod
    def has_article(self, article_id: str) -> bool:
        """True when an article with this id is stored."""

    @abstractmethod
    def find_by_text_hash(self, text_hash: str) -> str | None:
        """The original of the earliest stored article whose clean text has this hash (never a copy)."""

    @abstractmethod
    def put_article(
        self, article: Article, *, content_hash: str, text_hash: str, index: tuple[str, str] | None = None
    ) -> None:
        """Insert or replace one article, its index entry and its entity links, in one transaction.

        ``index``: the index entry (title, body) as ``index_text`` writes them, when already computed."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None:
        """The stored article, with its raw input."""

    @abstractmethod
    def get_articles(self, article_ids: Iterable[str]) -> list[Article]:
        """The stored articles among these ids, in the order given, without their raw input."""

    @abstractmethod
    def iter_articles(
        self,
        flt: ArticleFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> Iterator[Article]:
        """Stored articles, in ingest order (or newest publication first)."""

    @abstractmethod
    def count_articles(self, flt: ArticleFilter | None = None) -> int:
        """How many stored articles match."""

    @abstractmethod
    def set_clusters(self, assignments: Iterable[tuple[str, str | None, str | None, str | None]]) -> None:
        """Set (article id, event id, story id, copy of) for many articles; a known copy-of is kept."""

    @abstractmethod
    def clusters_of(self, article_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None, str | None]]:
        """(event id, story id, copy of) of each of these stored articles."""

    @abstractmethod
    def search(self, query: str, flt: ArticleFilter | None = None, *, limit: int = 20) -> list[SearchHit]:
        """Ranked full-text search across scripts."""

    # Events and stories
    @abstractmethod
    def put_events(self, events: Iterable[Event], stories: Iterable[Story]) -> None:
        """Insert or replace events and stories in one transaction."""

    @abstractmethod
    def delete_events(self, event_ids: Iterable[str], story_ids: Iterable[str]) -> None:
        """Delete these events and stories (merged away by the clusterer)."""

    @abstractmethod
    def cluster_state(self) -> ClusterState:
        """The clusterer's persistent state in this store (call ``flush()`` on it to save)."""

    @abstractmethod
    def clear_clusters(self) -> None:
        """Delete every event and story and unset every article's event and story."""

    @abstractmethod
    def get_event(self, event_id: str) -> Event | None:
        """One event."""

    @abstractmethod
    def iter_events(self, *, story: str | None = None, since: str | None = None) -> Iterator[Event]:
        """Events, newest first."""

    @abstractmethod
    def get_story(self, story_id: str) -> Story | None:
        """One story."""

    @abstractmethod
    def iter_stories(self) -> Iterator[Story]:
        """Stories, newest activity first."""

    # Per-outlet chrome learning
    @abstractmethod
    def count_outlet_lines(self, outlet: str, keys: Iterable[str]) -> None:
        """Count one more article of ``outlet`` holding each of these line keys."""

    @abstractmethod
    def outlet_line_counts(self, min_count: int) -> dict[str, tuple[int, dict[str, int]]]:
        """Per outlet: its article count, and the line keys seen in at least ``min_count`` of its articles."""

    # Metadata and housekeeping
    @abstractmethod
    def get_meta(self, key: str, default: Any = None) -> Any:
        """A stored JSON value (the filled config, clustering state, ...)."""

    @abstractmethod
    def set_meta(self, key: str, value: Any) -> None:
        """Store a JSON value."""

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """Counts by language and outlet, events, stories, date span, schema version."""

    @abstractmethod
    def close(self) -> None:
        """Close every connection."""

    # -- reads for the web newsroom and JSON API (khabar.web) ------------------------------------
    @abstractmethod
    def list_stories(self, *, limit: int = 50, offset: int = 0) -> list[Story]:
        """One page of stories, newest activity first."""

    @abstractmethod
    def count_stories(self) -> int:
        """How many stories are stored."""

    @abstractmethod
    def list_events(
        self, *, story: str | None = None, since: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[Event]:
        """One page of events, newest first (undated last)."""

    @abstractmethod
    def count_events(self, *, story: str | None = None, since: str | None = None) -> int:
        """How many events match."""

    @abstractmethod
    def get_events(self, event_ids: Iterable[str]) -> list[Event]:
        """The stored events among these ids, in the order given."""

    @abstractmethod
    def article_briefs(
        self,
        flt: ArticleFilter | None = None,
        *,
        ids: Iterable[str] | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Light article rows (no text): id, title, lang, outlet, published, url, duplicate_of, event, story,
        dateline, sources, newest first; ``ids`` adds articles by id to those matched by ``flt``."""

    @abstractmethod
    def coverage(self, column: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Per event or story id (``column`` is "event" or "story"): article count and counters of articles
        by day, language and outlet."""

    @abstractmethod
    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Article counts by language and by outlet, largest first."""

    @abstractmethod
    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity: id, type, name, variants {text: {lang, count}} and the number of articles."""

    @abstractmethod
    def list_entities(
        self,
        *,
        type: str | None = None,
        query: str | None = None,
        lang: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Entities (id, type, name, articles), most covered first; ``query`` matches the name or id,
        ``lang`` keeps entities with a variant seen in that language."""

    @abstractmethod
    def count_entities(
        self, *, type: str | None = None, query: str | None = None, lang: str | None = None
    ) -> int:
        """How many entities match."""

    @abstractmethod
    def entity_timeline(self, entity_id: str) -> list[tuple[str, int, int]]:
        """(day, articles, mentions) for each publication day of the articles mentioning the entity."""

    @abstractmethod
    def cooccurring_entities(self, entity_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Entities most often mentioned in the same articles: id, type, name, articles."""

    @abstractmethod
    def entity_event_ids(self, entity_id: str, *, limit: int = 50) -> list[str]:
        """Events whose articles mention the entity, most mentioning articles first."""

    @abstractmethod
    def list_quotes(
        self,
        flt: ArticleFilter | None = None,
        *,
        speaker: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotes of matching articles, newest first, each with article, lang, outlet, published and event."""
