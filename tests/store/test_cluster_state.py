"""The clusterer's state in SQLite answers as the in-memory state does, across flushes, with bounded reads."""

from __future__ import annotations

import random
from contextlib import contextmanager
from pathlib import Path

import pytest

from khabar.cluster.state import MemoryState, require
from khabar.store import SQLiteStore
from khabar.store.cluster_state import SQLiteClusterState


@pytest.fixture
def store(tmp_path: Path):
    s = SQLiteStore(tmp_path / "k.db")
    yield s
    s.close()


def test_postings_match_the_memory_state_through_adds_removes_and_flushes(store: SQLiteStore) -> None:
    rng = random.Random(3)
    memory, sqlite = MemoryState(), store.cluster_state()
    keys, items = [f"k{i}" for i in range(4)], [f"e{i}" for i in range(30)]
    for step in range(3000):
        key, item = rng.choice(keys), rng.choice(items)
        op = rng.random()
        if op < 0.55:
            memory.add_posting(key, item)
            sqlite.add_posting(key, item)
        elif op < 0.75:
            memory.remove_posting(key, item)
            sqlite.remove_posting(key, item)
        elif op < 0.9:
            limit = rng.choice((1, 3, 8, 40))
            assert sqlite.postings(key, limit) == memory.postings(key, limit), step
        else:
            some, limit = rng.sample(keys, 3), rng.choice((2, 8))
            assert sqlite.postings_many(some, limit) == memory.postings_many(some, limit), step
        if step % 97 == 0:
            sqlite.flush()
        if step % 389 == 0:
            sqlite.flush()
            sqlite = SQLiteClusterState(store)  # a restart: nothing cached
    sqlite.flush()
    for key in keys:
        assert SQLiteClusterState(store).postings(key, 100) == memory.postings(key, 100)


def test_hash_buckets_match_the_memory_state_and_are_never_cached(store: SQLiteStore) -> None:
    """Buckets answer as posting lists do, newest first, through flushes and restarts, and hold no cache."""
    rng = random.Random(11)
    memory, sqlite = MemoryState(), store.cluster_state()
    keys = [f"mh:{i}" for i in range(6)]
    for step in range(600):
        added = rng.sample(keys, 2)
        for state in (memory, sqlite):
            state.add_to_buckets(added, f"a{step}")
        some, limit = rng.sample(keys, 3), rng.choice((1, 3, 50))
        assert sqlite.buckets(some, limit) == memory.buckets(some, limit), step
        if step % 37 == 0:
            sqlite.flush()
        if step % 151 == 0:
            sqlite.flush()
            sqlite = SQLiteClusterState(store)  # a restart
    assert not sqlite._postings and not sqlite._old_postings
    sqlite.flush()
    assert SQLiteClusterState(store).buckets(keys, 500) == memory.buckets(keys, 500)


def test_marking_the_newest_item_of_a_key_again_writes_nothing(store: SQLiteStore) -> None:
    state = store.cluster_state()
    for item in ("e1", "e2"):
        state.add_posting("k", item)
    state.flush()
    fresh = SQLiteClusterState(store)
    assert fresh.postings("k", 5) == ["e2", "e1"]
    fresh.add_posting("k", "e2")
    assert not fresh._dirty_postings
    fresh.add_posting("k", "e1")
    assert fresh.postings("k", 5) == ["e1", "e2"] and fresh._dirty_postings == {"k": {"e1"}}


def test_a_posting_read_fetches_only_the_newest_rows(store: SQLiteStore) -> None:
    state = store.cluster_state()
    for i in range(500):
        state.add_posting("big", f"e{i}")
    state.flush()
    fresh = SQLiteClusterState(store)  # nothing cached
    assert fresh.postings("big", 3) == ["e499", "e498", "e497"]
    assert len(fresh._postings["big"]) < 10
    fresh.remove_posting("big", "e498")
    fresh.remove_posting("big", "e497")
    assert fresh.postings("big", 3) == ["e499", "e496", "e495"]


def test_a_key_touched_every_batch_keeps_only_the_newest_items_cached(store: SQLiteStore) -> None:
    memory, sqlite = MemoryState(), store.cluster_state()
    for batch in range(30):
        for i in range(20):
            for state in (memory, sqlite):
                state.add_posting("hot", f"e{batch}-{i}")
        assert sqlite.postings("hot", 8) == memory.postings("hot", 8)
        sqlite.flush()
        assert len(sqlite._old_postings["hot"]) == 8  # not every event ever posted under it
    for i in range(12):  # removing below what is cached reads the older items from the database
        memory.remove_posting("hot", f"e29-{i}")
        sqlite.remove_posting("hot", f"e29-{i}")
    assert sqlite.postings("hot", 8) == memory.postings("hot", 8)
    assert sqlite.postings("hot", 40) == memory.postings("hot", 40)


def test_the_cache_keeps_one_batch_and_a_rebuild_forgets_everything(store: SQLiteStore) -> None:
    state = store.cluster_state()
    assert store.cluster_state() is state
    state.put("event", "e1", {"id": "e1"})
    state.increment(["docs:ar"])
    state.add_posting("k", "e1")
    state.flush()
    assert state.get("event", "e1") == {"id": "e1"} and ("event", "e1") in state._records
    state.flush()
    state.flush()
    assert not state._records and not state._old_records  # unused for a whole batch: dropped
    assert state.get("event", "e1") == {"id": "e1"}  # read again from the database
    store.clear_clusters()
    assert state.get("event", "e1") is None
    assert state.counts(["docs:ar"]) == [0] and state.postings("k", 5) == []


def test_scan_yields_new_records_in_the_order_they_were_first_written(store: SQLiteStore) -> None:
    memory, sqlite = MemoryState(), store.cluster_state()
    keys = [f"r{i}" for i in random.Random(5).sample(range(40), 40)]  # not in key order
    for key in keys + keys[:5]:  # writing a record again keeps its place
        for state in (memory, sqlite):
            state.put("event", key, {"id": key})
    sqlite.flush()
    expected = [r["id"] for r in memory.scan("event")]
    assert expected == keys
    assert [r["id"] for r in sqlite.scan("event")] == expected


def test_a_flush_writes_each_table_in_key_order(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    state, written = store.cluster_state(), []
    rng = random.Random(7)
    for i in rng.sample(range(50), 50):
        state.put("article", f"a{i}", {"id": i})
        state.add_posting(f"k{i % 7}", f"a{i}")
        state.increment([f"df:{i}"])
    write = store._write

    class Recorder:
        def __init__(self, conn) -> None:
            self.conn = conn

        def executemany(self, sql: str, rows: list) -> None:
            written.append([row[:2] for row in rows])
            self.conn.executemany(sql, rows)

    @contextmanager
    def recording():
        with write() as conn:
            yield Recorder(conn)

    monkeypatch.setattr(store, "_write", recording)
    state.flush()
    assert [len(rows) for rows in written if rows] == [50, 50, 51]  # the counters and the state's last seq
    assert all(rows == sorted(rows) for rows in written)


def test_get_many_answers_as_get_does_across_flushes(store: SQLiteStore) -> None:
    rng = random.Random(5)
    memory, sqlite = MemoryState(), store.cluster_state()
    keys = [f"e{i}" for i in range(40)]
    for step in range(600):
        key = rng.choice(keys)
        op = rng.random()
        if op < 0.4:
            record = {"lo": f"2015-01-{rng.randint(10, 28)}", "step": step}
            memory.put("when", key, record)
            sqlite.put("when", key, record)
        elif op < 0.5:
            memory.delete("when", key)
            sqlite.delete("when", key)
        elif op < 0.9:
            asked = [*rng.sample(keys, 12), key, "never"]
            assert sqlite.get_many("when", asked) == memory.get_many("when", asked), step
        else:
            sqlite.flush()
            if rng.random() < 0.5:  # a fresh state over the same tables: every record read from the database
                sqlite = SQLiteClusterState(store)


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_a_record_the_clusterer_requires_is_returned_or_named_in_a_key_error(
    store: SQLiteStore, kind: str
) -> None:
    state = MemoryState() if kind == "memory" else store.cluster_state()
    state.put("event", "e1", {"id": "e1"})
    state.flush()
    assert require(state, "event", "e1") == {"id": "e1"}
    with pytest.raises(KeyError, match="event 'e2' is missing"):
        require(state, "event", "e2")


def test_increment_returns_the_counts_it_leaves_as_the_memory_state_does(store: SQLiteStore) -> None:
    # The clusterer weighs an article's terms by the counts its own increment returns, across flushes too.
    memory, sqlite = MemoryState(), store.cluster_state()
    for round_ in range(3):
        for state in (memory, sqlite):
            state.increment(["df:a"], by=2)
        names = ["df:a", f"df:new{round_}", "docs:ar"]
        assert sqlite.increment(names) == memory.increment(names) == [3 * round_ + 3, 1, round_ + 1]
        assert sqlite.counts(names) == memory.counts(names)
        sqlite.flush()
