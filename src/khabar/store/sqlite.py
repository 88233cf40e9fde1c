"""SQLite implementation of the store: WAL, foreign keys, versioned migrations, one writer, many readers.

As in Datasette, a single write connection (guarded by a lock) does every write, while each reading
thread gets its own read-only connection; WAL lets readers run while the writer commits.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ..batches import batched
from ..model import Article, Event, Story
from ..text.normalize import fold, index_text, match_query, tokens
from . import codec
from .base import ArticleFilter, SearchHit, Store
from .cluster_state import SQLiteClusterState

_MIGRATION = re.compile(r"^(\d{4})_.*\.sql$")
_SNIPPET_CHARS = 160
_IN_PARAMETERS = 500  # ids bound in one ``IN (...)`` query
DEFAULT_CACHE_MIB = 64
"""The writer connection's page cache, in MiB (readers keep SQLite's default)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("khabar.store") / "migrations"
    found = []
    for item in folder.iterdir():
        m = _MIGRATION.match(item.name)
        if m:
            found.append((int(m.group(1)), item.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore(Store):
    """A khabar store in one SQLite file."""

    def __init__(
        self, path: str | Path, *, timeout: float = 30.0, cache_mib: int = DEFAULT_CACHE_MIB
    ) -> None:
        """Open (or create and migrate) the store at ``path``.

        ``cache_mib``: the writer's page cache. Ingest writes articles, their index entries and the
        clusterer's state into tables that soon outgrow SQLite's default 2 MiB, and a write that misses
        the cache reads its pages again; a cache of fixed size keeps the cost per article and the memory
        flat as the store grows."""
        self.path = Path(path)
        self._timeout = timeout
        self._write_lock = threading.RLock()
        self._depth = 0  # write transactions open on the writer (nested ones are savepoints)
        # Full-text index entries of this transaction's articles, inserted when it ends: FTS5 writes its
        # pending entries out at every savepoint, and an article's writes are one (400 documents of 300
        # words went into an FTS5 table in 0.166 s with a savepoint each, 0.031 s without).
        self._index_rows: dict[int, tuple[str, str]] = {}
        self._local = threading.local()
        self._writer = self._connect(readonly=False)
        self._cluster_state: SQLiteClusterState | None = None
        self._writer.execute("PRAGMA journal_mode=WAL")
        self._writer.execute("PRAGMA synchronous=NORMAL")
        self._writer.execute(f"PRAGMA cache_size=-{int(cache_mib) * 1024}")
        self._migrate()

    # -- connections ---------------------------------------------------------------------------
    def _connect(self, *, readonly: bool) -> sqlite3.Connection:
        if readonly:
            uri = f"file:{self.path.resolve()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=self._timeout, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self.path, timeout=self._timeout, check_same_thread=False, isolation_level=None
            )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(self._timeout * 1000)}")
        return conn

    @property
    def _reader(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect(readonly=True)
            self._local.conn = conn
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the single writer connection; inside another, a savepoint of it."""
        with self._write_lock:
            if self._depth:
                name = f"w{self._depth}"
                self._writer.execute(f"SAVEPOINT {name}")
                self._depth += 1
                pending = dict(self._index_rows)  # the index entries this savepoint may take back
                try:
                    yield self._writer
                except BaseException:
                    self._writer.execute(f"ROLLBACK TO {name}")
                    self._writer.execute(f"RELEASE {name}")
                    self._index_rows = pending
                    raise
                finally:
                    self._depth -= 1
                self._writer.execute(f"RELEASE {name}")
                return
            self._writer.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._writer
                if self._index_rows:
                    self._writer.executemany(
                        "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                        [(rowid, *entry) for rowid, entry in self._index_rows.items()],
                    )
            except BaseException:
                self._writer.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
                self._index_rows.clear()
            self._writer.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the writes inside one transaction (each write a savepoint of it): one commit for many."""
        with self._write():
            yield

    def _migrate(self) -> None:
        version = self._writer.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in _migrations():
            if number > version:
                with self._write() as conn:
                    for statement in sql.split(";\n"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version={number}")

    @property
    def schema_version(self) -> int:
        """The applied schema version."""
        return int(self._writer.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Close the writer and this thread's reader."""
        reader = getattr(self._local, "conn", None)
        if reader is not None:
            reader.close()
            self._local.conn = None
        self._writer.close()

    # -- articles ------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        """True when an article with this id is stored."""
        return (
            self._writer.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None
        )

    def find_by_text_hash(self, text_hash: str) -> str | None:
        """The original of the earliest stored article whose clean text has this hash (itself, unless it is
        a copy: then the article it copies, so a copy never points at a copy)."""
        row = self._writer.execute(
            "SELECT coalesce(duplicate_of, id) FROM articles WHERE text_hash = ? ORDER BY rowid LIMIT 1",
            (text_hash,),
        ).fetchone()
        return row[0] if row else None

    def put_article(
        self, article: Article, *, content_hash: str, text_hash: str, index: tuple[str, str] | None = None
    ) -> None:
        """Insert or replace one article, its index entry and its entity links, in one transaction.

        ``index``: the index entry (title, body) as ``index_text`` writes them, when already computed."""
        title, body = index or (index_text(article.title or ""), index_text(article.text))
        data = article.fields_dict()
        raw = data.pop("raw")
        row = (
            content_hash,
            text_hash,
            article.origin,
            article.path,
            article.url,
            article.outlet,
            article.lang,
            article.title,
            article.published,
            article.event,
            article.story,
            article.duplicate_of,
            article.content_type,
            raw,
            codec.dumps(data),
        )
        with self._write() as conn:
            old = conn.execute("SELECT rowid FROM articles WHERE id = ?", (article.id,)).fetchone()
            if old:
                rowid = old[0]
                conn.execute(
                    "UPDATE articles SET content_hash=?, text_hash=?, origin=?, path=?, url=?, outlet=?, lang=?,"
                    " title=?, published=?, event=?, story=?, duplicate_of=?, content_type=?, raw=?, data=?"
                    " WHERE rowid=?",
                    (*row, rowid),
                )
                conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
                conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article.id,))
            else:
                cur = conn.execute(
                    "INSERT INTO articles (content_hash, text_hash, origin, path, url, outlet, lang, title,"
                    " published, event, story, duplicate_of, content_type, raw, data, ingested_at, id)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*row, _now(), article.id),
                )
                rowid = cur.lastrowid
            self._link_entities(conn, article)
            self._index_rows[rowid] = (title, body)  # last: an article whose writes failed adds no entry

    def _link_entities(self, conn: sqlite3.Connection, article: Article) -> None:
        """Link the article to its entities and count their surface variants (upserts, no read).

        The article's old links are gone (``put_article`` deletes them), so the links are plain inserts: with
        foreign keys on, SQLite's INSERT OR REPLACE took 3.6 times as long (7.2 against 2.0 s for the
        67,490 links of 10,000 SaudiNewsNet articles)."""
        ents = [e for e in article.entities if e.get("id")]
        if not ents:
            return
        # One link per entity, its last entry's, as a replace would keep.
        links: dict[str, tuple[str, str, int, float]] = {}
        spellings: Counter[tuple[str, str]] = Counter()
        # (type, name) in the order of each entity's last mention, as one write per mention would leave them
        named: dict[str, tuple[str, str]] = {}
        for ent in ents:
            eid = ent["id"]
            mentions = ent.get("mentions") or []
            links[eid] = (article.id, eid, len(mentions), float(ent.get("salience") or 0.0))
            spellings.update((eid, m["text"]) for m in mentions if m.get("text"))
            named.pop(eid, None)
            named[eid] = (ent.get("type", ""), ent.get("name") or eid)
        conn.executemany(
            "INSERT INTO article_entities (article_id, entity_id, mentions, salience) VALUES (?,?,?,?)",
            links.values(),
        )
        conn.executemany(
            "INSERT INTO entities (id, type, name) VALUES (?,?,?)"
            " ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name",
            [(eid, kind, name) for eid, (kind, name) in named.items()],
        )
        conn.executemany(
            "INSERT INTO entity_variants (entity_id, text, lang, count) VALUES (?,?,?,?)"
            " ON CONFLICT (entity_id, text) DO UPDATE SET count = count + excluded.count",
            [(eid, text, article.lang, n) for (eid, text), n in spellings.items()],
        )

    @staticmethod
    def _article(row: sqlite3.Row) -> Article:
        data = codec.loads(row["data"])
        data["raw"] = row["raw"]
        return Article.from_dict(data)

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, with its raw input."""
        row = self._reader.execute("SELECT data, raw FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def get_articles(self, article_ids: Iterable[str]) -> list[Article]:
        """The stored articles among these ids, in the order given, without their raw input."""
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, Article] = {}
        for chunk in batched(ids, _IN_PARAMETERS):
            sql = f"SELECT id, data FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(
                (r[0], Article.from_dict(codec.loads(r[1]))) for r in self._reader.execute(sql, chunk)
            )
        return [found[i] for i in ids if i in found]

    @staticmethod
    def _where(flt: ArticleFilter | None, alias: str = "a") -> tuple[str, list[Any]]:
        if flt is None:
            return "", []
        clauses, args = [], []
        for column, value in (("lang", flt.lang), ("outlet", flt.outlet), ("event", flt.event)):
            if value:
                clauses.append(f"{alias}.{column} = ?")
                args.append(value)
        if flt.since:
            clauses.append(f"{alias}.published >= ?")
            args.append(flt.since)
        if flt.until:
            clauses.append(f"{alias}.published < ?")
            args.append(flt.until + "\uffff")  # an inclusive day: '2022-12-19' covers '2022-12-19T..'
        if flt.entity:
            clauses.append(f"{alias}.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)")
            args.append(flt.entity)
        if flt.unclustered:
            clauses.append(f"{alias}.event IS NULL")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), args

    def iter_articles(
        self,
        flt: ArticleFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> Iterator[Article]:
        """Stored articles, in ingest order (or newest publication first)."""
        where, args = self._where(flt)
        order = "a.published IS NULL, a.published DESC, a.rowid DESC" if newest_first else "a.rowid"
        sql = f"SELECT a.data, a.raw FROM articles a{where} ORDER BY {order} LIMIT ? OFFSET ?"
        for row in self._reader.execute(sql, (*args, -1 if limit is None else limit, offset)):
            yield self._article(row)

    def count_articles(self, flt: ArticleFilter | None = None) -> int:
        """How many stored articles match."""
        where, args = self._where(flt)
        return int(self._reader.execute(f"SELECT count(*) FROM articles a{where}", args).fetchone()[0])

    def set_clusters(self, assignments: Iterable[tuple[str, str | None, str | None, str | None]]) -> None:
        """Set (article id, event id, story id, copy of) for many articles; a known copy-of is kept."""
        rows = [(event, story, dup, event, story, dup, aid) for aid, event, story, dup in assignments]
        with self._write() as conn:
            conn.executemany(
                "UPDATE articles SET event = ?, story = ?, duplicate_of = coalesce(duplicate_of, ?),"
                " data = json_set(data, '$.event', ?, '$.story', ?, '$.duplicate_of', coalesce(duplicate_of, ?))"
                " WHERE id = ?",
                rows,
            )
            for chunk in batched((r[-1] for r in rows), _IN_PARAMETERS):
                sql = f"SELECT 1 FROM articles WHERE duplicate_of IS NOT NULL AND id IN ({','.join('?' * len(chunk))})"
                if conn.execute(sql + " LIMIT 1", chunk).fetchone():
                    _flatten_copy_chains(conn)
                    break

    def clusters_of(self, article_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None, str | None]]:
        """(event id, story id, copy of) of each of these stored articles."""
        ids = list(article_ids)
        out: dict[str, tuple[str | None, str | None, str | None]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self._reader.execute(
                f"SELECT id, event, story, duplicate_of FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            out.update((r[0], (r[1], r[2], r[3])) for r in rows)
        return out

    def search(self, query: str, flt: ArticleFilter | None = None, *, limit: int = 20) -> list[SearchHit]:
        """Ranked full-text search (BM25, title weighted) across scripts, with snippets from the clean text."""
        expr = match_query(query)
        if not expr:
            return []
        where, args = self._where(flt)
        where = where.replace(" WHERE ", " AND ", 1)
        sql = (
            "SELECT a.id, a.title, a.lang, a.outlet, a.published, a.event, a.data, bm25(articles_fts, 3.0, 1.0) AS score"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            f" WHERE articles_fts MATCH ?{where} ORDER BY score LIMIT ?"
        )
        terms = set(tokens(query))
        hits = []
        for row in self._reader.execute(sql, (expr, *args, limit)):
            text = codec.loads(row["data"]).get("text") or ""
            hits.append(
                SearchHit(
                    row["id"],
                    row["title"],
                    _snippet(text, terms),
                    -float(row["score"]),
                    row["lang"],
                    row["outlet"],
                    row["published"],
                    row["event"],
                )
            )
        return hits

    # -- events and stories ----------------------------------------------------------------------
    def put_events(self, events: Iterable[Event], stories: Iterable[Story]) -> None:
        """Insert or replace events and stories in one transaction."""
        now = _now()
        with self._write() as conn:
            for e in events:
                conn.execute(
                    "INSERT OR REPLACE INTO events (id, story, date, data, updated_at) VALUES (?,?,?,?,?)",
                    (e.id, e.story, e.date, codec.dumps(e.fields_dict()), now),
                )
            for s in stories:
                conn.execute(
                    "INSERT OR REPLACE INTO stories (id, data, updated_at) VALUES (?,?,?)",
                    (s.id, codec.dumps(s.fields_dict()), now),
                )

    def delete_events(self, event_ids: Iterable[str], story_ids: Iterable[str]) -> None:
        """Delete these events and stories (merged away by the clusterer)."""
        with self._write() as conn:
            conn.executemany("DELETE FROM events WHERE id = ?", [(e,) for e in event_ids])
            conn.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in story_ids])

    def cluster_state(self) -> SQLiteClusterState:
        """The clusterer's persistent state in this store (call ``flush()`` on it to save): one per store, whose
        cache carries over from one batch to the next."""
        if self._cluster_state is None:
            self._cluster_state = SQLiteClusterState(self)
        return self._cluster_state

    def clear_clusters(self) -> None:
        """Delete every event, story and clustering state, and unset every article's event and story."""
        self.cluster_state().clear()
        with self._write() as conn:
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM stories")
            conn.execute(
                "UPDATE articles SET event = NULL, story = NULL,"
                " data = json_set(data, '$.event', NULL, '$.story', NULL)"
            )

    def get_event(self, event_id: str) -> Event | None:
        """One event."""
        row = self._reader.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return Event.from_dict(codec.loads(row[0])) if row else None

    def iter_events(self, *, story: str | None = None, since: str | None = None) -> Iterator[Event]:
        """Events, newest first (undated last)."""
        where, args = _event_where(story, since)
        sql = f"SELECT data FROM events{where} ORDER BY date IS NULL, date DESC, id"
        for row in self._reader.execute(sql, args):
            yield Event.from_dict(codec.loads(row[0]))

    def get_story(self, story_id: str) -> Story | None:
        """One story."""
        row = self._reader.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return Story.from_dict(codec.loads(row[0])) if row else None

    def iter_stories(self) -> Iterator[Story]:
        """Stories, newest activity first."""
        sql = "SELECT data FROM stories ORDER BY json_extract(data, '$.end') IS NULL, json_extract(data, '$.end') DESC, id"
        for row in self._reader.execute(sql):
            yield Story.from_dict(codec.loads(row[0]))

    # -- outlet chrome -------------------------------------------------------------------------
    def count_outlet_lines(self, outlet: str, keys: Iterable[str]) -> None:
        """Count one more article of ``outlet`` holding each of these line keys."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO outlet_docs (outlet, count) VALUES (?, 1)"
                " ON CONFLICT (outlet) DO UPDATE SET count = count + 1",
                (outlet,),
            )
            conn.executemany(
                "INSERT INTO outlet_lines (outlet, key, count) VALUES (?, ?, 1)"
                " ON CONFLICT (outlet, key) DO UPDATE SET count = count + 1",
                [(outlet, k) for k in set(keys)],
            )

    def outlet_line_counts(self, min_count: int) -> dict[str, tuple[int, dict[str, int]]]:
        """Per outlet: its article count, and the line keys seen in at least ``min_count`` of its articles."""
        out: dict[str, tuple[int, dict[str, int]]] = {
            outlet: (n, {}) for outlet, n in self._reader.execute("SELECT outlet, count FROM outlet_docs")
        }
        for outlet, key, n in self._reader.execute(
            "SELECT outlet, key, count FROM outlet_lines WHERE count >= ?", (min_count,)
        ):
            out.setdefault(outlet, (n, {}))[1][key] = n
        return out

    # -- metadata ------------------------------------------------------------------------------
    def get_meta(self, key: str, default: Any = None) -> Any:
        """A stored JSON value."""
        row = self._reader.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return codec.loads(row[0]) if row else default

    def set_meta(self, key: str, value: Any) -> None:
        """Store a JSON value."""
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, codec.dumps(value)))

    def stats(self) -> dict[str, Any]:
        """Counts by language and outlet, copies, events, stories, date span, schema version."""
        q = self._reader.execute
        span = q("SELECT min(published), max(published) FROM articles").fetchone()
        return {
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "copies": q("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "events": q("SELECT count(*) FROM events").fetchone()[0],
            "stories": q("SELECT count(*) FROM stories").fetchone()[0],
            "entities": q("SELECT count(*) FROM entities").fetchone()[0],
            "languages": dict(
                q("SELECT coalesce(lang, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall()
            ),
            "outlets": dict(
                q(
                    "SELECT coalesce(outlet, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC LIMIT 20"
                ).fetchall()
            ),
            "published": {"first": span[0], "last": span[1]},
            "schema_version": self.schema_version,
            "path": str(self.path),
        }

    # -- reads for the web newsroom and JSON API (khabar.web) ----------------------------------------
    def list_stories(self, *, limit: int = 50, offset: int = 0) -> list[Story]:
        """One page of stories, newest activity first."""
        sql = f"SELECT data FROM stories ORDER BY {_STORY_ORDER} LIMIT ? OFFSET ?"
        return [Story.from_dict(codec.loads(r[0])) for r in self._reader.execute(sql, (limit, offset))]

    def count_stories(self) -> int:
        """How many stories are stored."""
        return int(self._reader.execute("SELECT count(*) FROM stories").fetchone()[0])

    def list_events(
        self,
        *,
        story: str | None = None,
        since: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Event]:
        """One page of events, newest first (undated last)."""
        where, args = _event_where(story, since)
        sql = f"SELECT data FROM events{where} ORDER BY date IS NULL, date DESC, id LIMIT ? OFFSET ?"
        return [Event.from_dict(codec.loads(r[0])) for r in self._reader.execute(sql, (*args, limit, offset))]

    def count_events(self, *, story: str | None = None, since: str | None = None) -> int:
        """How many events match."""
        where, args = _event_where(story, since)
        return int(self._reader.execute(f"SELECT count(*) FROM events{where}", args).fetchone()[0])

    def get_events(self, event_ids: Iterable[str]) -> list[Event]:
        """The stored events among these ids, in the order given."""
        ids = list(dict.fromkeys(event_ids))
        found: dict[str, Event] = {}
        for chunk in batched(ids, _IN_PARAMETERS):
            sql = f"SELECT id, data FROM events WHERE id IN ({','.join('?' * len(chunk))})"
            found.update((r[0], Event.from_dict(codec.loads(r[1]))) for r in self._reader.execute(sql, chunk))
        return [found[i] for i in ids if i in found]

    def article_briefs(
        self,
        flt: ArticleFilter | None = None,
        *,
        ids: Iterable[str] | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Light article rows (no text), newest first; ``ids`` adds articles by id to those ``flt`` matches."""
        where, args = self._where(flt)
        wanted = list(dict.fromkeys(ids or ()))
        if wanted:
            by_id = f"a.id IN ({','.join('?' * len(wanted))})"
            where = f" WHERE ({where[len(' WHERE ') :]}) OR {by_id}" if where else f" WHERE {by_id}"
            args = [*args, *wanted]
        sql = f"{_BRIEF}{where} ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?"
        rows = self._reader.execute(sql, (*args, -1 if limit is None else limit, offset))
        return [_brief(r) for r in rows]

    def coverage(self, column: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Per event or story id: article count and counters of articles by day, language and outlet."""
        if column not in _COVERAGE_COLUMNS:
            raise ValueError(f"coverage by {column!r}: expected one of {sorted(_COVERAGE_COLUMNS)}")
        wanted = list(dict.fromkeys(ids))
        out: dict[str, dict[str, Any]] = {
            i: {"articles": 0, "days": Counter(), "languages": Counter(), "outlets": Counter()}
            for i in wanted
        }
        if not wanted:
            return out
        sql = (
            f"SELECT {column}, substr(published, 1, 10), lang, outlet, count(*) FROM articles"
            f" WHERE {column} IN ({','.join('?' * len(wanted))}) GROUP BY 1, 2, 3, 4"
        )
        for key, day, lang, outlet, n in self._reader.execute(sql, wanted):
            cov = out[key]
            cov["articles"] += n
            if day:
                cov["days"][day] += n
            cov["languages"][lang or "unknown"] += n
            cov["outlets"][outlet or "unknown"] += n
        return out

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Article counts by language and by outlet, largest first."""
        q = self._reader.execute
        return {
            column: [
                (v, n)
                for v, n in q(
                    f"SELECT {column}, count(*) FROM articles WHERE {column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"
                )
            ]
            for column in ("lang", "outlet")
        }

    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity: id, type, name, variants and the number of articles mentioning it."""
        row = self._reader.execute(
            "SELECT id, type, name, (SELECT count(*) FROM article_entities WHERE entity_id = e.id)"
            " FROM entities e WHERE id = ?",
            (entity_id,),
        ).fetchone()
        if row is None:
            return None
        variants = {
            text: {"lang": lang, "count": count}
            for text, lang, count in self._reader.execute(
                "SELECT text, lang, count FROM entity_variants WHERE entity_id = ? ORDER BY count DESC, text",
                (entity_id,),
            )
        }
        return {"id": row[0], "type": row[1], "name": row[2], "variants": variants, "articles": row[3]}

    def list_entities(
        self,
        *,
        type: str | None = None,
        query: str | None = None,
        lang: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Entities (id, type, name, articles), most covered first."""
        where, args = _entity_where(type, query, lang)
        sql = (
            "SELECT e.id, e.type, e.name, (SELECT count(*) FROM article_entities WHERE entity_id = e.id) AS n"
            f" FROM entities e{where} ORDER BY n DESC, e.id LIMIT ? OFFSET ?"
        )
        return [
            {"id": r[0], "type": r[1], "name": r[2], "articles": r[3]}
            for r in self._reader.execute(sql, (*args, limit, offset))
        ]

    def count_entities(
        self, *, type: str | None = None, query: str | None = None, lang: str | None = None
    ) -> int:
        """How many entities match."""
        where, args = _entity_where(type, query, lang)
        return int(self._reader.execute(f"SELECT count(*) FROM entities e{where}", args).fetchone()[0])

    def entity_timeline(self, entity_id: str) -> list[tuple[str, int, int]]:
        """(day, articles, mentions) for each publication day of the articles mentioning the entity."""
        sql = (
            "SELECT substr(a.published, 1, 10) AS day, count(*), sum(ae.mentions) FROM article_entities ae"
            " JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? AND a.published IS NOT NULL"
            " GROUP BY day ORDER BY day"
        )
        return [(d, int(n), int(m or 0)) for d, n, m in self._reader.execute(sql, (entity_id,))]

    def cooccurring_entities(self, entity_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Entities most often mentioned in the same articles."""
        sql = (
            "SELECT other.entity_id, e.type, e.name, count(*) AS n FROM article_entities mine"
            " JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id != mine.entity_id"
            " LEFT JOIN entities e ON e.id = other.entity_id"
            " WHERE mine.entity_id = ? GROUP BY other.entity_id ORDER BY n DESC, other.entity_id LIMIT ?"
        )
        return [
            {"id": r[0], "type": r[1], "name": r[2] or r[0], "articles": r[3]}
            for r in self._reader.execute(sql, (entity_id, limit))
        ]

    def entity_event_ids(self, entity_id: str, *, limit: int = 50) -> list[str]:
        """Events whose articles mention the entity, most mentioning articles first."""
        sql = (
            "SELECT a.event, count(*) AS n FROM article_entities ae JOIN articles a ON a.id = ae.article_id"
            " WHERE ae.entity_id = ? AND a.event IS NOT NULL GROUP BY a.event ORDER BY n DESC, a.event LIMIT ?"
        )
        return [r[0] for r in self._reader.execute(sql, (entity_id, limit))]

    def list_quotes(
        self,
        flt: ArticleFilter | None = None,
        *,
        speaker: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotes of matching articles, newest first; a ``speaker`` must be one of the article's entities."""
        where, args = self._where(flt)
        clauses = [where[len(" WHERE ") :]] if where else []
        if speaker:
            clauses.append(
                "a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"
                " AND json_extract(q.value, '$.speaker.id') = ?"
            )
            args = [*args, speaker, speaker]
        cond = " WHERE " + " AND ".join(clauses) if clauses else ""
        sql = (
            "SELECT a.id, a.lang, a.outlet, a.published, a.event, q.value"
            f" FROM articles a, json_each(a.data, '$.quotes') q{cond}"
            " ORDER BY a.published DESC, a.rowid DESC, q.key LIMIT ? OFFSET ?"
        )
        out = []
        for r in self._reader.execute(sql, (*args, limit, offset)):
            quote = codec.loads(r[5])
            quote.update(article=r[0], lang=r[1], outlet=r[2], published=r[3], event=r[4])
            out.append(quote)
        return out


def _snippet(text: str, terms: set[str]) -> str:
    """The stretch of ``text`` around the first word whose folded form (or stem) is a query term."""
    if not text:
        return ""
    for m in re.finditer(r"\w+", text):
        word = fold(m.group())
        if word in terms or any(word.endswith(t) and len(t) >= 3 for t in terms):
            start = max(0, m.start() - _SNIPPET_CHARS // 3)
            end = min(len(text), start + _SNIPPET_CHARS)
            return (
                ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")
            )
    return text[:_SNIPPET_CHARS].replace("\n", " ")


# -- helpers of the web reads -------------------------------------------------------------------
_BRIEF = (
    "SELECT a.id, a.title, a.lang, a.outlet, a.published, a.url, a.duplicate_of, a.event, a.story,"
    " json_extract(a.data, '$.dateline') AS dateline, json_extract(a.data, '$.sources') AS sources FROM articles a"
)
_COVERAGE_COLUMNS = frozenset({"event", "story"})
_STORY_ORDER = "json_extract(data, '$.end') IS NULL, json_extract(data, '$.end') DESC, id"


_COPY_CHAINS = (
    "SELECT a.id, b.duplicate_of, a.data FROM articles a JOIN articles b ON b.id = a.duplicate_of"
    " WHERE b.duplicate_of IS NOT NULL AND b.duplicate_of != a.id"
)
"""Each copy of a copy, the original of the copy it points at, and its data: read through the index of
copies (``articles_duplicate_of``), so its cost follows the number of copies, not of articles."""


def _flatten_copy_chains(conn: sqlite3.Connection) -> None:
    """Point every copy of a copy at the first original of its chain.

    Chains form when ingest marks an exact copy of an article that clustering later finds to be a
    near-copy of an earlier one."""
    for _ in range(8):  # each pass halves the chains; a cycle stops at the bound
        rows = conn.execute(_COPY_CHAINS).fetchall()
        if not rows:
            return
        for article_id, root, raw in rows:
            data = codec.loads(raw)
            data["duplicate_of"] = root
            conn.execute(
                "UPDATE articles SET duplicate_of = ?, data = ? WHERE id = ?",
                (root, codec.dumps(data), article_id),
            )


def _brief(row: sqlite3.Row) -> dict[str, Any]:
    brief = dict(row)
    brief["dateline"] = codec.loads(brief["dateline"]) if brief["dateline"] else None
    brief["sources"] = codec.loads(brief["sources"]) if brief["sources"] else []
    return brief


def _entity_where(type_: str | None, query: str | None, lang: str | None = None) -> tuple[str, list[Any]]:
    clauses, args = [], []
    if type_:
        clauses.append("e.type = ?")
        args.append(type_)
    if lang:
        clauses.append("EXISTS (SELECT 1 FROM entity_variants v WHERE v.entity_id = e.id AND v.lang = ?)")
        args.append(lang)
    if query:
        clauses.append(
            "(e.name LIKE ? OR e.id = ?"
            " OR EXISTS (SELECT 1 FROM entity_variants v WHERE v.entity_id = e.id AND v.text LIKE ?))"
        )
        args.extend([f"%{query}%", query, f"%{query}%"])
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


def _event_where(story: str | None, since: str | None) -> tuple[str, list[Any]]:
    clauses, args = [], []
    if story:
        clauses.append("story = ?")
        args.append(story)
    if since:
        clauses.append("date >= ?")
        args.append(since)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args
