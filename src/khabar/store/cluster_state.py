"""The clusterer's state kept in SQLite, with a write-behind cache.

Reads go to the cache, then to the database; writes stay in the cache until ``flush()``, which
writes them in one transaction through the store's single writer. Between flushes the cache is the
truth. The cache has two generations: what was used since the last flush, and what was used in the
batch before, which a flush drops. A batch finds what the previous batch used (recent events, their
stories, frequent terms) without reading it again, and memory stays flat however large the corpus
grows: at most two batches' worth.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import codec

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

_GONE = object()
_SEQ = "state:seq"  # a counter outside the clusterer's names (df:, docs:, seq:)
_MISSING = object()


class SQLiteClusterState:
    """A :class:`khabar.cluster.state.ClusterState` over the store's cluster tables."""

    def __init__(self, store: SQLiteStore) -> None:
        self._store = store
        self._db = (
            store._writer
        )  # reads see this connection's own uncommitted-free view; writes go via flush()
        self._records: dict[tuple[str, str], Any] = {}
        self._dirty_records: dict[tuple[str, str], None] = {}  # in the order first written since the flush
        self._postings: dict[str, dict[str, int]] = {}
        self._dirty_postings: dict[str, set[str]] = {}
        self._complete: set[str] = set()  # keys whose whole posting list is cached
        self._ranked: dict[str, list[str]] = {}  # cached items of a key, newest first
        # The largest ``limit`` asked of postings: how many items of a key a flush keeps cached.
        self._widest = 1
        self._counters: dict[str, int] = {}
        self._dirty_counters: set[str] = set()
        # Hash-bucket items added since the last flush (oldest first), never cached: a bucket key is seldom
        # met twice, and caching every article's 33 buckets (32 bands then) for two generations took about 30 MiB
        # (31,030 articles).
        self._buckets: dict[str, list[tuple[str, int]]] = {}
        # The previous generation (clean).
        self._old_records: dict[tuple[str, str], Any] = {}
        self._old_postings: dict[str, dict[str, int]] = {}
        self._old_ranked: dict[str, list[str]] = {}
        self._old_complete: set[str] = set()
        self._old_counters: dict[str, int] = {}
        # The last seq given to a record or posting, saved with each flush (a max over the postings would
        # scan the whole table: no index orders them by seq).
        row = self._db.execute("SELECT value FROM cluster_counters WHERE name = ?", (_SEQ,)).fetchone()
        self._seq = row[0] if row else 0

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    # -- records -------------------------------------------------------------------------------
    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        """The record ``key`` of ``kind``, or None."""
        ck = (kind, key)
        value = self._records.get(ck, _MISSING)
        if value is _MISSING:
            value = self._old_records.pop(ck, _MISSING)
            if value is _MISSING:
                row = self._db.execute(
                    "SELECT data FROM cluster_records WHERE kind = ? AND key = ?", ck
                ).fetchone()
                value = codec.loads(row[0]) if row else _GONE
            self._records[ck] = value
        return None if value is _GONE else value

    def get_many(self, kind: str, keys: Sequence[str]) -> list[dict[str, Any] | None]:
        """``get(kind, key)`` of each key, in order; the records not cached are read in one query per 500."""
        cold = [
            k
            for k in dict.fromkeys(keys)
            if (kind, k) not in self._records and (kind, k) not in self._old_records
        ]
        for i in range(0, len(cold), 500):
            chunk = cold[i : i + 500]
            sql = f"SELECT key, data FROM cluster_records WHERE kind = ? AND key IN ({','.join('?' * len(chunk))})"
            found = dict(self._db.execute(sql, (kind, *chunk)).fetchall())
            for k in chunk:
                self._records[(kind, k)] = codec.loads(found[k]) if k in found else _GONE
        return [self.get(kind, k) for k in keys]

    def put(self, kind: str, key: str, record: dict[str, Any]) -> None:
        """Insert or replace a record."""
        self._records[(kind, key)] = record
        self._dirty_records[(kind, key)] = None

    def delete(self, kind: str, key: str) -> None:
        """Remove a record (no error when absent)."""
        self._records[(kind, key)] = _GONE
        self._dirty_records[(kind, key)] = None

    def scan(self, kind: str) -> Iterator[dict[str, Any]]:
        """Every record of ``kind``, in insertion order (flushes first)."""
        self.flush()
        rows = self._db.execute(
            "SELECT data FROM cluster_records WHERE kind = ? ORDER BY seq", (kind,)
        ).fetchall()
        for (data,) in rows:
            yield codec.loads(data)

    # -- postings ------------------------------------------------------------------------------
    # The cache holds, per key, the most recent items only: the newest rows read from the database
    # plus this batch's changes. Every item not in the cache (and not changed since the last flush)
    # is older than every cached one, so the cache answers ``postings(key, limit)`` while it holds
    # ``limit`` items or the whole list; else it reads further. A read returns at most ``limit`` rows;
    # SQLite finds them by sorting the key's rows (there is no (key, seq) index, which every posting write
    # would also rewrite), about 0.4 ms for the longest lists of 31,030 articles (3,934 rows): those keys
    # are touched in nearly every batch, so they are rarely read cold.
    def _read_postings(self, key: str, items: dict[str, int], want: int) -> None:
        """Add the newest database rows of ``key`` not changed in this batch to ``items``, until ``want`` are cached."""
        dirty = self._dirty_postings.get(key, ())
        n = want + len(items) + len(dirty)
        rows = self._db.execute(
            "SELECT item, seq FROM cluster_postings WHERE key = ? ORDER BY seq DESC LIMIT ?", (key, n)
        ).fetchall()
        for item, seq in rows:
            if item not in dirty:
                items.setdefault(item, seq)
        if len(rows) < n:
            self._complete.add(key)

    def _items(self, key: str) -> dict[str, int]:
        """The cached items of ``key`` (from the previous generation when it has them)."""
        items = self._postings.get(key)
        if items is None:
            items = self._postings[key] = self._old_postings.pop(key, {})
            ranked = self._old_ranked.pop(key, None)
            if ranked is not None:
                self._ranked[key] = ranked
            if key in self._old_complete:
                self._complete.add(key)
        return items

    def postings(self, key: str, limit: int) -> list[str]:
        """Up to ``limit`` ids under ``key``, most recently added or touched first."""
        self._widest = max(self._widest, limit)
        items = self._postings.get(key)
        if items is None:
            items = self._items(key)
        ranked = self._ranked.get(key)
        if ranked is None or (len(ranked) < limit and key not in self._complete):
            if len(items) < limit and key not in self._complete:
                self._read_postings(key, items, limit)
            ranked = self._ranked[key] = sorted(items, key=items.__getitem__, reverse=True)
        return ranked[:limit]

    def _read_lists(self, keys: list[str], limit: int) -> dict[str, dict[str, int]]:
        """The newest ``limit`` saved items (with their seq) of each key, in one query per 100 keys."""
        found: dict[str, dict[str, int]] = {k: {} for k in keys}
        one = "SELECT * FROM (SELECT key, item, seq FROM cluster_postings WHERE key = ? ORDER BY seq DESC LIMIT ?)"
        for i in range(0, len(keys), 100):
            chunk = keys[i : i + 100]
            rows = self._db.execute(
                " UNION ALL ".join([one] * len(chunk)), [x for k in chunk for x in (k, limit)]
            )
            for key, item, seq in rows:
                found[key][item] = seq
        return found

    def postings_many(self, keys: Sequence[str], limit: int) -> list[list[str]]:
        """``postings(key, limit)`` of each key, in order; the keys not cached are read in one query per 100."""
        self._widest = max(self._widest, limit)
        cold = [k for k in dict.fromkeys(keys) if k not in self._postings and k not in self._old_postings]
        for key, read in self._read_lists(cold, limit).items():
            self._postings[key] = read
            if len(read) < limit:
                self._complete.add(key)
        ranked, complete, out = self._ranked, self._complete, []
        for k in keys:  # the cached answers inline (most are), else through postings()
            items = ranked.get(k)
            out.append(
                items[:limit]
                if items is not None and (len(items) >= limit or k in complete)
                else self.postings(k, limit)
            )
        return out

    def add_posting(self, key: str, item: str) -> None:
        """Add ``item`` under ``key``, or mark it most recent when already there (nothing to write when it is)."""
        items = self._items(key)
        ranked = self._ranked.get(key)
        if ranked is not None:
            if ranked and ranked[0] == item:
                return
            if item in items:
                ranked.remove(item)
            ranked.insert(0, item)
        items[item] = self._next()
        self._dirty_postings.setdefault(key, set()).add(item)

    def remove_posting(self, key: str, item: str) -> None:
        """Remove ``item`` from ``key`` (no error when absent)."""
        items = self._items(key)
        if items.pop(item, None) is not None and key in self._ranked:
            self._ranked[key].remove(item)
        self._dirty_postings.setdefault(key, set()).add(item)

    def buckets(self, keys: Sequence[str], limit: int) -> list[list[str]]:
        """``postings_many`` for hash buckets, read from the database (and this batch's additions), not cached."""
        saved = self._read_lists(list(dict.fromkeys(keys)), limit)
        out = []
        for key in keys:
            added = [item for item, _ in reversed(self._buckets.get(key, ()))]
            out.append((added + sorted(saved[key], key=saved[key].__getitem__, reverse=True))[:limit])
        return out

    def add_to_buckets(self, keys: Iterable[str], item: str) -> None:
        """Add ``item`` under each of ``keys``, written at the next flush."""
        for key in keys:
            self._buckets.setdefault(key, []).append((item, self._next()))

    # -- counters ------------------------------------------------------------------------------
    def counts(self, names: Iterable[str]) -> list[int]:
        """The current value of each counter (0 when never incremented)."""
        names = list(names)
        counters, old = self._counters, self._old_counters
        missing = []
        for n in names:
            if n not in counters:
                value = old.pop(n, None)
                if value is None:
                    missing.append(n)
                else:
                    counters[n] = value
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            found = dict(
                self._db.execute(
                    f"SELECT name, value FROM cluster_counters WHERE name IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            )
            for n in chunk:
                self._counters[n] = found.get(n, 0)
        return [self._counters[n] for n in names]

    def increment(self, names: Iterable[str], by: int = 1) -> list[int]:
        """Add ``by`` to each counter; return their new values."""
        names = list(names)
        values = [value + by for value in self.counts(names)]
        self._counters.update(zip(names, values, strict=True))
        self._dirty_counters.update(names)
        return values

    # -- persistence ---------------------------------------------------------------------------
    def cached(self) -> dict[str, int]:
        """How many records, posting lists and counters the cache holds, both generations together."""
        return {
            "records": len(self._records) + len(self._old_records),
            "postings": len(self._postings) + len(self._old_postings),
            "counters": len(self._counters) + len(self._old_counters),
        }

    def flush(self) -> None:
        """Write every pending change in one transaction; what this batch used becomes the previous generation."""
        if self._dirty_records or self._dirty_postings or self._dirty_counters or self._buckets:
            self._save()
        self._trim_postings()
        self._old_records, self._records = self._records, {}
        self._old_postings, self._postings = self._postings, {}
        self._old_ranked, self._ranked = self._ranked, {}
        self._old_complete, self._complete = self._complete, set()
        self._old_counters, self._counters = self._counters, {}

    def _trim_postings(self) -> None:
        """Keep cached only the newest items of each key that any read can ask for (all are saved).

        A key that every batch touches (a country, a capital) would otherwise carry, from one generation to
        the next, every event ever posted under it: memory growing with the corpus, and each ``add_posting``
        moving an item through a list as long. The dropped items are older than those kept, so the cache's
        rule (everything not cached is older) holds and a longer read goes to the database."""
        for key, items in self._postings.items():
            if len(items) <= self._widest:
                continue
            ranked = self._ranked.get(key) or sorted(items, key=items.__getitem__, reverse=True)
            kept = ranked[: self._widest]
            self._postings[key] = {item: items[item] for item in kept}
            self._ranked[key] = kept
            self._complete.discard(key)

    def _save(self) -> None:
        """Write the dirty records, postings and counters in one transaction, each table's rows in key order.

        In key order, the rows that go to one B-tree page are written together (the postings and counters
        are kept in key order, the records in insertion order with a (kind, key) index): the page is read
        and written once per flush, however small the page cache, instead of once per row when the cache
        cannot hold every page a flush touches (which grows with the tables). A new record's ``seq``
        (its place in :meth:`scan`) follows the order records were first written since the last flush."""
        records, gone_records = [], []
        for kind, key in self._dirty_records:
            value = self._records[(kind, key)]
            if value is _GONE:
                gone_records.append((kind, key))
            else:
                data = codec.dumps(value)
                records.append((kind, key, self._next(), data))
        records.sort()
        gone_records.sort()
        self._counters[_SEQ] = self._seq  # after every seq this flush gave
        self._dirty_counters.add(_SEQ)
        postings, gone_postings = [], []
        for key in sorted(self._dirty_postings):
            current = self._postings[key]
            for item in sorted(self._dirty_postings[key]):
                if item in current:
                    postings.append((key, item, current[item]))
                else:
                    gone_postings.append((key, item))
        postings += [(key, item, seq) for key, added in self._buckets.items() for item, seq in added]
        postings.sort()
        with self._store._write() as conn:
            conn.executemany("DELETE FROM cluster_records WHERE kind = ? AND key = ?", gone_records)
            conn.executemany(
                "INSERT INTO cluster_records (kind, key, seq, data) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data",
                records,
            )
            conn.executemany("DELETE FROM cluster_postings WHERE key = ? AND item = ?", gone_postings)
            conn.executemany(
                "INSERT OR REPLACE INTO cluster_postings (key, item, seq) VALUES (?, ?, ?)", postings
            )
            conn.executemany(
                "INSERT OR REPLACE INTO cluster_counters (name, value) VALUES (?, ?)",
                [(n, self._counters[n]) for n in sorted(self._dirty_counters)],
            )
        self._dirty_records.clear()
        self._dirty_postings.clear()
        self._dirty_counters.clear()
        self._buckets.clear()

    def clear(self) -> None:
        """Forget every record, posting and counter (for a rebuild)."""
        self.flush()
        with self._store._write() as conn:
            for table in ("cluster_records", "cluster_postings", "cluster_counters"):
                conn.execute(f"DELETE FROM {table}")
        self._old_records, self._old_postings, self._old_ranked, self._old_counters = {}, {}, {}, {}
        self._old_complete = set()
