"""The SQLite store: schema, round trips, search, filters, clusters, learning tables, readers beside a writer."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from khabar.model import Article, Event, Story
from khabar.store import SQLiteStore
from khabar.store.base import ArticleFilter
from khabar.store.cluster_state import SQLiteClusterState
from khabar.store.sqlite import _COPY_CHAINS, _migrations


def _article(i: int, **kw: object) -> Article:
    base = {
        "id": f"a{i}",
        "raw": f"raw {i}",
        "text": f"نص الخبر رقم {i}",
        "title": f"عنوان {i}",
        "lang": "ar",
    }
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path):
    s = SQLiteStore(tmp_path / "k.db")
    yield s
    s.close()


def test_schema_is_versioned_with_wal_and_foreign_keys(store: SQLiteStore, tmp_path: Path) -> None:
    assert store.schema_version >= 1
    conn = sqlite3.connect(tmp_path / "k.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._writer.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()
    SQLiteStore(tmp_path / "k.db").close()  # reopening applies nothing twice


def test_article_round_trip_keeps_raw_and_every_field(store: SQLiteStore) -> None:
    a = _article(
        1,
        published="2022-12-19T22:25",
        entities=[{"id": "Q1", "type": "PERSON", "name": "X", "mentions": []}],
    )
    store.put_article(a, content_hash="c1", text_hash="t1")
    assert store.get_article("a1") == a
    assert store.has_article("a1") and not store.has_article("a2")
    assert store.find_by_text_hash("t1") == "a1"


def test_put_again_replaces_the_row_and_its_index_entry(store: SQLiteStore) -> None:
    store.put_article(_article(1, text="كلمة قديمة"), content_hash="c", text_hash="t")
    store.put_article(_article(1, text="كلمة جديدة"), content_hash="c", text_hash="t")
    assert store.count_articles() == 1
    assert not store.search("قديمة")
    assert [h.article_id for h in store.search("جديدة")] == ["a1"]


def test_search_ranks_title_matches_and_gives_snippets(store: SQLiteStore) -> None:
    store.put_article(
        _article(1, title="أخبار", text="ذكر بوتين في النص فقط"), content_hash="1", text_hash="1"
    )
    store.put_article(
        _article(2, title="بوتين في مينسك", text="زيارة بوتين"), content_hash="2", text_hash="2"
    )
    hits = store.search("بوتين")
    assert [h.article_id for h in hits] == ["a2", "a1"]
    assert "بوتين" in hits[1].snippet
    assert store.search("") == []


def test_filters_by_language_outlet_dates_and_entity(store: SQLiteStore) -> None:
    store.put_article(
        _article(1, lang="fa", outlet="x", published="2022-12-18"), content_hash="1", text_hash="1"
    )
    ent = [{"id": "Q7747", "type": "PERSON", "name": "Vladimir Putin", "mentions": [{"text": "بوتين"}]}]
    store.put_article(
        _article(2, outlet="y", published="2022-12-19T10:00", entities=ent), content_hash="2", text_hash="2"
    )
    ids = lambda f: [a.id for a in store.iter_articles(f)]  # noqa: E731
    assert ids(ArticleFilter(lang="fa")) == ["a1"]
    assert ids(ArticleFilter(outlet="y")) == ["a2"]
    assert ids(ArticleFilter(since="2022-12-19")) == ["a2"]
    assert ids(ArticleFilter(until="2022-12-19")) == ["a1", "a2"]
    assert ids(ArticleFilter(until="2022-12-18")) == ["a1"]
    assert ids(ArticleFilter(entity="Q7747")) == ["a2"]
    assert [a.id for a in store.iter_articles(newest_first=True)] == ["a2", "a1"]


def test_entities_accumulate_variants_across_articles(store: SQLiteStore) -> None:
    for i, (spelling, lang) in enumerate([("بوتين", "ar"), ("پوتین", "fa"), ("پوتین", "ar")]):
        ent = [{"id": "Q7747", "type": "PERSON", "name": "Vladimir Putin", "mentions": [{"text": spelling}]}]
        store.put_article(_article(i, entities=ent, lang=lang), content_hash=str(i), text_hash=str(i))
    putin = store.get_entity("Q7747")
    assert putin is not None and putin["articles"] == 3
    assert putin["variants"] == {"پوتین": {"lang": "fa", "count": 2}, "بوتين": {"lang": "ar", "count": 1}}
    assert store.stats()["entities"] == 1
    assert [e["id"] for e in store.list_entities(query="پوتی")] == ["Q7747"]
    assert store.count_entities(lang="fa") == 1 and store.count_entities(lang="en") == 0


def _store_before(path: Path, migration: int, sql: str, rows: list[tuple]) -> SQLiteStore:
    """A store written before ``migration`` holding ``rows`` (inserted by ``sql``), then opened (and migrated)."""
    conn = sqlite3.connect(path)
    for number, script in _migrations():
        if number < migration:
            conn.executescript(script)
    conn.executemany(sql, rows)
    conn.execute(f"PRAGMA user_version={migration - 1}")
    conn.commit()
    conn.close()
    return SQLiteStore(path)


def test_migration_moves_entity_variants_out_of_the_json(tmp_path: Path) -> None:
    """A store written before migration 5 keeps its entities' spellings, now in their own table."""
    store = _store_before(
        tmp_path / "old.db",
        5,
        "INSERT INTO entities (id, type, name, data) VALUES (?, ?, ?, ?)",
        [("Q7747", "PERSON", "Vladimir Putin", '{"variants":{"بوتين":{"lang":"ar","count":4}}}')],
    )
    try:
        assert store.schema_version >= 5
        assert store.get_entity("Q7747")["variants"] == {"بوتين": {"lang": "ar", "count": 4}}
    finally:
        store.close()


def test_migration_drops_the_posting_seq_index_and_keeps_the_lists_in_order(tmp_path: Path) -> None:
    """A store written before migration 6 reads its posting lists newest first without the (key, seq) index."""
    store = _store_before(
        tmp_path / "old.db",
        6,
        "INSERT INTO cluster_postings (key, item, seq) VALUES (?, ?, ?)",
        [("e:pl:Q649", "e2", 3), ("e:pl:Q649", "e1", 5), ("e:pl:Q649", "e3", 1)],
    )
    try:
        indexes = {r[0] for r in store._writer.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "cluster_postings_seq" not in indexes
        state = store.cluster_state()
        assert state.postings("e:pl:Q649", 2) == ["e1", "e2"]
        state.add_posting("e:pl:Q649", "e3")  # a seq after every stored one
        state.flush()
        assert SQLiteClusterState(store).postings("e:pl:Q649", 3) == ["e3", "e1", "e2"]
    finally:
        store.close()


def test_migration_moves_cluster_records_into_a_rowid_table(tmp_path: Path) -> None:
    """A store written before migration 7 keeps its cluster records, their scan order and their upserts;
    a record of a few KiB then sits in its table page, not in an overflow page of its own."""
    sig = {"sig": "ab" * 512, "of": None}  # a MinHash signature record: 1 KiB of hex
    store = _store_before(
        tmp_path / "old.db",
        7,
        "INSERT INTO cluster_records (kind, key, seq, data) VALUES (?, ?, ?, ?)",
        [
            ("event", "e2", 4, '{"id":"e2"}'),
            ("event", "e1", 9, '{"id":"e1"}'),
            ("sig", "a1", 2, json.dumps(sig)),
        ],
    )
    try:
        state = store.cluster_state()
        assert [r["id"] for r in state.scan("event")] == ["e2", "e1"]
        assert state.get("sig", "a1") == sig
        state.put("event", "e2", {"id": "e2", "articles": ["a1"]})
        state.put("event", "e3", {"id": "e3"})
        state.flush()
        fresh = SQLiteClusterState(store)
        assert fresh.get("event", "e2") == {"id": "e2", "articles": ["a1"]}
        assert fresh.get("event", "e3") == {"id": "e3"}
        pages = store._writer.execute("PRAGMA page_count").fetchone()[0]
        for i in range(200):
            state.put("sig", f"b{i}", sig)
        state.flush()
        added = store._writer.execute("PRAGMA page_count").fetchone()[0] - pages
        assert added < 100  # 3 to 4 signatures a page; WITHOUT ROWID took a page and a part of another each
    finally:
        store.close()


def test_events_stories_and_cluster_assignments(store: SQLiteStore) -> None:
    store.put_article(_article(1), content_hash="1", text_hash="1")
    store.put_events(
        [Event(id="e1", story="s1", date="2022-12-19", articles=["a1"])], [Story(id="s1", end="2022-12-19")]
    )
    store.set_clusters([("a1", "e1", "s1", None)])
    assert store.get_article("a1").event == "e1"
    assert [(a.id, a.event, a.story, a.raw) for a in store.get_articles(["nope", "a1"])] == [
        ("a1", "e1", "s1", "")
    ]
    assert [e.id for e in store.iter_events(story="s1")] == ["e1"]
    assert store.get_story("s1").end == "2022-12-19"
    store.clear_clusters()
    assert store.get_article("a1").event is None
    assert list(store.iter_events()) == [] and store.get_story("s1") is None


def test_a_copy_of_a_copy_points_at_the_first_original(store: SQLiteStore) -> None:
    for i in (1, 2, 3, 4):
        store.put_article(
            _article(i, duplicate_of={3: "a2", 4: "a3"}.get(i)), content_hash=str(i), text_hash=str(i)
        )
    # clustering finds a2 (which ingest already knew as the original of a3) to be a near-copy of a1
    store.set_clusters([("a1", "e1", "s1", None), ("a2", "e1", "s1", "a1"), ("a3", "e1", "s1", None)])
    assert {f"a{i}": store.get_article(f"a{i}").duplicate_of for i in (1, 2, 3, 4)} == {
        "a1": None, "a2": "a1", "a3": "a1", "a4": "a1"
    }  # fmt: skip


def test_copy_chains_are_found_through_the_index_of_copies(store: SQLiteStore) -> None:
    steps = [row[-1] for row in store._writer.execute(f"EXPLAIN QUERY PLAN {_COPY_CHAINS}")]
    assert "articles_duplicate_of" in " ".join(steps) and all(" USING " in step for step in steps)


def test_an_exact_copy_of_a_copy_is_found_as_a_copy_of_the_original(store: SQLiteStore) -> None:
    store.put_article(_article(1), content_hash="1", text_hash="t1")
    store.put_article(_article(2, duplicate_of="a1"), content_hash="2", text_hash="t2")
    assert store.find_by_text_hash("t2") == "a1" and store.find_by_text_hash("t1") == "a1"
    assert store.find_by_text_hash("none") is None


def test_outlet_lines_count_articles_per_outlet(store: SQLiteStore) -> None:
    for _ in range(3):
        store.count_outlet_lines("masrawy", ["k1", "k1", "k2"])
    store.count_outlet_lines("other", ["k1"])
    assert store.outlet_line_counts(3) == {"masrawy": (3, {"k1": 3, "k2": 3}), "other": (1, {})}


def test_meta_and_stats(store: SQLiteStore) -> None:
    store.set_meta("config", {"a": [1, "ب"]})
    assert store.get_meta("config") == {"a": [1, "ب"]}
    assert store.get_meta("missing", 5) == 5
    store.put_article(_article(1, duplicate_of="a0"), content_hash="1", text_hash="1")
    s = store.stats()
    assert s["articles"] == 1 and s["copies"] == 1 and s["languages"] == {"ar": 1}


def test_readers_in_other_threads_see_commits_while_the_writer_writes(store: SQLiteStore) -> None:
    errors: list[BaseException] = []
    seen: list[int] = []

    def read() -> None:
        try:
            for _ in range(50):
                seen.append(store.count_articles())
                store.search("الخبر")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    for i in range(50):
        store.put_article(_article(i), content_hash=str(i), text_hash=str(i))
    for t in readers:
        t.join()
    assert not errors
    assert seen == sorted(seen) or max(seen) <= 50
    assert store.count_articles() == 50


def test_a_transaction_commits_many_writes_at_once_and_a_failed_write_inside_it_alone(
    store: SQLiteStore,
) -> None:
    with store.transaction():
        store.put_article(_article(1), content_hash="1", text_hash="t1")
        with pytest.raises(sqlite3.IntegrityError):
            store.put_article(_article(2, id=None), content_hash="2", text_hash="t2")  # type: ignore[arg-type]
        store.put_article(_article(3), content_hash="3", text_hash="t3")
        assert store.count_articles() == 0  # readers see nothing before the commit
        assert store.find_by_text_hash("t3") == "a3"  # the writer sees its own writes
    assert [a.id for a in store.iter_articles()] == ["a1", "a3"]


def test_index_entries_follow_the_articles_of_their_transaction(store: SQLiteStore) -> None:
    """The full-text entries are written as the transaction ends: an article put twice in it is found by its
    last text only, and one whose writes failed half-way is neither stored nor found."""
    broken = [{"id": "x", "mentions": [{"text": ["not", "a", "string"]}]}]  # fails after the article's row
    with store.transaction():
        store.put_article(_article(1, text="alpha"), content_hash="1", text_hash="t1")
        store.put_article(_article(1, text="beta"), content_hash="1", text_hash="t1")
        with pytest.raises(TypeError):
            store.put_article(_article(2, text="gamma", entities=broken), content_hash="2", text_hash="t2")
    assert [h.article_id for h in store.search("beta")] == ["a1"]
    assert store.search("alpha") == [] and store.search("gamma") == []
    assert [a.id for a in store.iter_articles()] == ["a1"]


def test_a_rolled_back_savepoint_takes_its_index_entries_with_it(store: SQLiteStore) -> None:
    """An article stored inside an inner transaction that fails leaves no index entry: the next article, which
    takes the freed rowid, is stored and found by its own text only."""
    with store.transaction(), pytest.raises(RuntimeError), store.transaction():
        store.put_article(_article(1, text="alpha"), content_hash="1", text_hash="t1")
        raise RuntimeError("the inner transaction fails after its article was stored")
    store.put_article(_article(2, text="beta"), content_hash="2", text_hash="t2")
    assert store.search("alpha") == []
    assert [h.article_id for h in store.search("beta")] == ["a2"]
    assert [a.id for a in store.iter_articles()] == ["a2"]


def test_a_failed_transaction_writes_nothing(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.put_article(_article(1), content_hash="1", text_hash="t1")
        raise RuntimeError("stop")
    assert store.count_articles() == 0
    store.put_article(_article(2), content_hash="2", text_hash="t2")  # the writer is usable again
    assert store.count_articles() == 1


def test_a_precomputed_index_entry_is_what_search_finds(store: SQLiteStore) -> None:
    store.put_article(_article(1), content_hash="1", text_hash="t1", index=("", "precomputed"))
    assert [h.article_id for h in store.search("precomputed")] == ["a1"]
