"""The Python API: ``khabar.open(db)`` returns a ``Khabar`` over a store. The CLI and web app are thin layers on it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from . import config as config_mod
from . import export as export_mod
from .batches import batched
from .cluster.features import ClusterInput
from .cluster.settings import settings
from .cluster.sync import cluster_articles, recluster
from .collector import long_run
from .engines import LocalEngine, make_engine
from .extract.gazetteer import import_user_gazetteer
from .ingest import (
    Engine,
    IngestReport,
    Prepared,
    article_from_document,
    content_key,
    ingest_documents,
    process,
    raw_hash,
)
from .model import Article, Document, Event, Story
from .pipeline import Pipeline
from .sources import Problem, SourceOptions, iter_documents
from .store import SQLiteStore, Store
from .store.base import ArticleFilter, SearchHit
from .store.sqlite import DEFAULT_CACHE_MIB
from .text.chrome import repeated_keys

DEFAULT_DB = "khabar.db"
CHROME_STAGE = "khabar.text.clean.v1"
ENTITY_STAGE = "khabar.extract.entities.v1"
USER_GAZETTEER = "user_gazetteer"  # meta key: the path of the corpus's user gazetteer file


class Khabar:
    """A khabar corpus: ingest, browse, search and export, over one store."""

    def __init__(self, store: Store, config: dict[str, Any]) -> None:
        self.store = store
        self.config = config
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        """The configured pipeline, with what the store learned (per-outlet chrome) bound into its stages."""
        if self._pipeline is None:
            stages = {k: dict(v) for k, v in self.config.get("stages", {}).items()}
            if CHROME_STAGE in self.config["pipeline"]:
                stages.setdefault(CHROME_STAGE, {})["outlet_lines"] = self._learned_chrome()
            user = self.store.get_meta(USER_GAZETTEER)
            if ENTITY_STAGE in self.config["pipeline"] and user:
                stages.setdefault(ENTITY_STAGE, {})["user_gazetteer"] = user
            self._pipeline = Pipeline(list(self.config["pipeline"]), stages)
        return self._pipeline

    def configure(self, stage: str, **options: Any) -> None:
        """Set config options of one stage for what this corpus runs next (e.g. ``curated=False``)."""
        self.config.setdefault("stages", {}).setdefault(stage, {}).update(options)
        self._pipeline = None

    def _learned_chrome(self) -> dict[str, set[str]]:
        """Per outlet, the line keys repeated across enough of its articles to count as site chrome."""
        learn = self.config["learn_chrome"]
        counts = self.store.outlet_line_counts(int(learn["min_docs"]))
        found = {
            outlet: repeated_keys(
                keys, docs, min_docs=int(learn["min_docs"]), min_share=float(learn["min_share"])
            )
            for outlet, (docs, keys) in counts.items()
        }
        return {outlet: keys for outlet, keys in found.items() if keys}

    # -- writing -------------------------------------------------------------------------------
    def ingest(
        self,
        inputs: list[str],
        *,
        field_map: dict[str, str] | None = None,
        transport: Any = None,
        workers: int | None = 1,
        engine: str | Engine = "local",
        address: str | None = None,
        on_item: Callable[[], None] | None = None,
        on_done: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Ingest paths, globs, directories, ``-`` (stdin) or URLs. Idempotent: stored ids are skipped.

        The per-article stages run on ``engine``: "local", ``workers`` processes (None: one per core),
        "ray", on the Ray cluster at ``address`` (None: a local one), or any :class:`~khabar.ingest.Engine`.
        The store is written from here.
        ``on_item`` is called as each input item is read; ``on_done(n)`` as ``n`` more articles are finished
        (stored, and clustered when ingest clusters), which runs up to a few thousand articles behind reading.
        """
        opts = self.config["ingest"]
        options = SourceOptions(
            max_bytes=int(opts["max_bytes"]),
            timeout=float(opts["timeout"]),
            user_agent=str(opts["user_agent"]),
            max_redirects=int(opts["max_redirects"]),
            field_map=dict(field_map or {}),
            transport=transport,
        )
        return self.ingest_documents(
            iter_documents(inputs, options),
            workers=workers,
            engine=engine,
            address=address,
            on_item=on_item,
            on_done=on_done,
        )

    def ingest_documents(
        self,
        documents: Iterable[Document | Problem],
        *,
        workers: int | None = 1,
        engine: str | Engine = "local",
        address: str | None = None,
        on_item: Callable[[], None] | None = None,
        on_done: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Ingest Documents (from any source, or built in memory), then cluster the new articles in chunks.

        Stored articles that are in no event yet (an earlier ingest stopped between storing and clustering
        them) are clustered first. ``on_item`` and ``on_done``: as for :meth:`ingest`."""
        self.store.set_meta("config", self.config)
        opts = self.config["ingest"]
        if opts["cluster"]:
            for left in batched(
                self.store.iter_articles(ArticleFilter(unclustered=True)), int(opts["cluster_chunk"])
            ):
                self.cluster(list(left))
        pending: list[Article] = []
        prepared: dict[str, ClusterInput] = {}

        def cluster_pending() -> None:
            self.cluster(pending, prepared=prepared)
            if on_done:
                on_done(len(pending))
            pending.clear()
            prepared.clear()

        def stored(result: Prepared) -> None:
            self._learn_chrome(result.article)
            if not opts["cluster"]:
                if on_done:
                    on_done(1)
                return
            pending.append(result.article)
            if result.cluster is not None:
                prepared[result.article.id] = result.cluster
            if len(pending) >= int(opts["cluster_chunk"]):
                cluster_pending()

        runner = make_engine(engine, workers=workers, address=address)
        if opts["cluster"] and isinstance(runner, LocalEngine):
            # While this process clusters a chunk (the longest the workers wait on it), they run up to a whole
            # chunk ahead instead of idling once a few articles are queued: the next chunk is ready when the
            # clustering ends. The results held are one chunk's, so memory stays bounded.
            ahead = int(opts["cluster_chunk"]) // (runner.workers * runner.chunksize)
            runner.ahead = max(runner.ahead, ahead)
        with long_run():
            report = ingest_documents(
                self.store,
                documents,
                self.pipeline,
                engine=runner,
                on_item=on_item,
                on_stored=stored,
                cluster=settings(self.config["cluster"]) if opts["cluster"] else None,
                write_group=int(opts["write_group"]),
            )
            if pending:
                cluster_pending()
        return report

    def _learn_chrome(self, article: Article) -> None:
        """Count the article's candidate chrome lines for its outlet (the clean stage leaves their keys)."""
        outlet = article.outlet or article.meta.get("outlet_name")
        if outlet and article.meta.get("line_keys"):
            self.store.count_outlet_lines(outlet, article.meta["line_keys"])

    def cluster(
        self,
        articles: list[Article] | None = None,
        *,
        refine: bool = False,
        prepared: dict[str, ClusterInput] | None = None,
    ) -> int:
        """Cluster these stored articles (default: those not yet in an event) into events and stories.

        ``prepared``: the clustering input of articles, when ingest's workers computed it."""
        if articles is None:
            articles = list(self.store.iter_articles(ArticleFilter(unclustered=True)))
        cluster_articles(self.store, articles, self.config["cluster"], refine=refine, prepared=prepared)
        return len(articles)

    def recluster(self, *, refine: bool = False) -> int:
        """Rebuild every event and story from the stored articles; ``refine`` adds the merge and split pass."""
        return recluster(self.store, self.config["cluster"], refine=refine)

    def import_gazetteer(self, path: str | os.PathLike[str]) -> int:
        """Add the entries of a CSV, JSONL or JRC-Names file to this corpus's user gazetteer; return how many.

        The entries live in a JSONL file beside the database (entries with the same id are replaced) and
        are used by the entity stage from the next ingest on; ``reprocess --all`` applies them to stored
        articles. A bad row raises ``GazetteerImportError`` naming each file and line.
        """
        entries = import_user_gazetteer(path)
        target = Path(self.store.get_meta(USER_GAZETTEER) or f"{self.store.path}.gazetteer.jsonl")
        merged = {e["id"]: e for e in _read_entries(target)} | {e["id"]: e for e in entries}
        tmp = target.with_suffix(".tmp")
        tmp.write_text(
            "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in merged.values()), encoding="utf-8"
        )
        tmp.replace(target)
        self.store.set_meta(USER_GAZETTEER, str(target.resolve()))
        self._pipeline = None
        return len(entries)

    def reprocess(self, *, everything: bool = False, on_item: Callable[[], None] | None = None) -> int:
        """Run the pipeline again from the stored raw input on stale articles (or all); return how many changed."""
        pipeline = self.pipeline
        done = 0
        for old in list(self.store.iter_articles()):
            if on_item:
                on_item()
            if not everything and not pipeline.stale(old):
                continue
            fresh = article_from_document(
                Document(old.origin, old.raw, old.content_type, dict(old.source_meta))
            )
            fresh.id = old.id
            result = process(fresh, pipeline)
            if isinstance(result, Problem):
                continue
            result.event, result.story, result.duplicate_of = old.event, old.story, old.duplicate_of
            self.store.put_article(result, content_hash=raw_hash(old.raw), text_hash=content_key(result.text))
            done += 1
        return done

    # -- reading -------------------------------------------------------------------------------
    def articles(
        self,
        *,
        lang: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[Article]:
        """Articles, newest publication first."""
        flt = ArticleFilter(lang=lang, outlet=outlet, since=since, until=until)
        return list(self.store.iter_articles(flt, limit=limit, offset=offset, newest_first=True))

    def article(self, article_id: str) -> Article | None:
        """One article by id."""
        return self.store.get_article(article_id)

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Full-text search across scripts, ranked, with snippets."""
        flt = ArticleFilter(lang=lang, outlet=outlet, since=since, until=until, entity=entity)
        return self.store.search(query, flt, limit=limit)

    def events(self, *, story: str | None = None, since: str | None = None) -> list[Event]:
        """Events, newest first."""
        return list(self.store.iter_events(story=story, since=since))

    def event(self, event_id: str) -> Event | None:
        """One event by id."""
        return self.store.get_event(event_id)

    def stories(self) -> list[Story]:
        """Stories, newest activity first."""
        return list(self.store.iter_stories())

    def story(self, story_id: str) -> Story | None:
        """One story by id."""
        return self.store.get_story(story_id)

    def export(self, kind: export_mod.Kind, out: IO[Any], fmt: export_mod.Format = "jsonl") -> int:
        """Write every record of ``kind`` to ``out``; return how many."""
        return export_mod.write(export_mod.records(self.store, kind), fmt, out)

    def stats(self) -> dict[str, Any]:
        """Corpus statistics."""
        return self.store.stats()

    # -- reads for the web newsroom and JSON API (khabar.web) ------------------------------------
    def stories_page(self, *, limit: int = 50, offset: int = 0) -> tuple[list[Story], int]:
        """One page of stories (newest activity first) and how many there are."""
        return self.store.list_stories(limit=limit, offset=offset), self.store.count_stories()

    def events_page(
        self, *, story: str | None = None, since: str | None = None, limit: int = 50, offset: int = 0
    ) -> tuple[list[Event], int]:
        """One page of events (newest first) and how many match."""
        page = self.store.list_events(story=story, since=since, limit=limit, offset=offset)
        return page, self.store.count_events(story=story, since=since)

    def events_by_id(self, event_ids: list[str]) -> list[Event]:
        """The stored events among these ids, in the order given."""
        return self.store.get_events(event_ids)

    def articles_page(
        self, flt: ArticleFilter | None = None, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[Article], int]:
        """One page of articles (newest first) and how many match."""
        page = list(self.store.iter_articles(flt, limit=limit, offset=offset, newest_first=True))
        return page, self.store.count_articles(flt)

    def article_briefs(
        self, flt: ArticleFilter | None = None, *, ids: list[str] | None = None, limit: int | None = 50
    ) -> list[dict[str, Any]]:
        """Light article rows (no text), newest first."""
        return self.store.article_briefs(flt, ids=ids, limit=limit)

    def coverage(self, column: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Articles by day, language and outlet for each event or story id (``column``: "event" or "story")."""
        return self.store.coverage(column, ids)

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Article counts by language and by outlet."""
        return self.store.facets()

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity with its variants and article count."""
        return self.store.get_entity(entity_id)

    def entities_page(
        self,
        *,
        type: str | None = None,
        query: str | None = None,
        lang: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of entities (most covered first) and how many match."""
        page = self.store.list_entities(type=type, query=query, lang=lang, limit=limit, offset=offset)
        return page, self.store.count_entities(type=type, query=query, lang=lang)

    def entity_timeline(self, entity_id: str) -> list[tuple[str, int, int]]:
        """(day, articles, mentions) of an entity."""
        return self.store.entity_timeline(entity_id)

    def cooccurring(self, entity_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Entities most often mentioned beside this one."""
        return self.store.cooccurring_entities(entity_id, limit=limit)

    def entity_events(self, entity_id: str, *, limit: int = 50) -> list[Event]:
        """Events whose articles mention the entity."""
        return self.store.get_events(self.store.entity_event_ids(entity_id, limit=limit))

    def quotes(
        self,
        flt: ArticleFilter | None = None,
        *,
        speaker: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotes, newest first, with their article's id, language, outlet, date and event."""
        return self.store.list_quotes(flt, speaker=speaker, limit=limit, offset=offset)

    def search_page(
        self, query: str, flt: ArticleFilter | None = None, *, limit: int = 20, offset: int = 0
    ) -> list[SearchHit]:
        """One page of ranked search hits."""
        return self.store.search(query, flt, limit=offset + limit)[offset:]

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> Khabar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_entries(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def open(db: str | os.PathLike[str] | None = None, *, config: str | None = None, **overrides: Any) -> Khabar:
    """Open (or create) the corpus at ``db`` (default ``$KHABAR_DB`` or ``./khabar.db``)."""
    path = Path(db or os.environ.get("KHABAR_DB") or DEFAULT_DB)
    cfg = config_mod.load(config, **overrides)
    cache_mib = int(cfg["store"].get("cache_mib", DEFAULT_CACHE_MIB))
    return Khabar(SQLiteStore(path, cache_mib=cache_mib), cfg)
