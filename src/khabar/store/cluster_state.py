"""The clusterer's state kept in SQLite, with a write-behind cache.

Reads go to the cache, then to the database; writes stay in the cache until ``flush()``, which
writes them in one transaction through the store's single writer and empties the cache, so memory
stays flat however large the corpus grows. Between flushes the cache is the truth.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

_GONE = object()


class SQLiteClusterState:
    """A :class:`khabar.cluster.state.ClusterState` over the store's cluster tables."""

    def __init__(self, store: SQLiteStore) -> None:
        self._store = store
        self._db = (
            store._writer
        )  # reads see this connection's own uncommitted-free view; writes go via flush()
        self._records: dict[tuple[str, str], Any] = {}
        self._dirty_records: set[tuple[str, str]] = set()
        self._postings: dict[str, dict[str, int]] = {}
        self._dirty_postings: dict[str, set[str]] = {}
        self._complete: set[str] = set()  # keys whose whole posting list is cached
        self._ranked: dict[str, list[str]] = {}  # cached items of a key, newest first
        self._counters: dict[str, int] = {}
        self._dirty_counters: set[str] = set()
        self._seq = (
            self._db.execute(
                "SELECT max(s) FROM (SELECT max(seq) AS s FROM cluster_records UNION ALL SELECT max(seq) FROM cluster_postings)"
            ).fetchone()[0]
            or 0
        )

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    # -- records -------------------------------------------------------------------------------
    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        """The record ``key`` of ``kind``, or None."""
        ck = (kind, key)
        if ck not in self._records:
            row = self._db.execute(
                "SELECT data FROM cluster_records WHERE kind = ? AND key = ?", ck
            ).fetchone()
            self._records[ck] = json.loads(row[0]) if row else _GONE
        value = self._records[ck]
        return None if value is _GONE else value

    def put(self, kind: str, key: str, record: dict[str, Any]) -> None:
        """Insert or replace a record."""
        self._records[(kind, key)] = record
        self._dirty_records.add((kind, key))

    def delete(self, kind: str, key: str) -> None:
        """Remove a record (no error when absent)."""
        self._records[(kind, key)] = _GONE
        self._dirty_records.add((kind, key))

    def scan(self, kind: str) -> Iterator[dict[str, Any]]:
        """Every record of ``kind``, in insertion order (flushes first)."""
        self.flush()
        rows = self._db.execute(
            "SELECT data FROM cluster_records WHERE kind = ? ORDER BY seq", (kind,)
        ).fetchall()
        for (data,) in rows:
            yield json.loads(data)

    # -- postings ------------------------------------------------------------------------------
    # The cache holds, per key, the most recent items only: the newest rows read from the database
    # plus this batch's changes. Every item not in the cache (and not changed since the last flush)
    # is older than every cached one, so the cache answers ``postings(key, limit)`` while it holds
    # ``limit`` items or the whole list; else it reads further. Reads cost O(limit), however long
    # a posting list grows on disk.
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

    def postings(self, key: str, limit: int) -> list[str]:
        """Up to ``limit`` ids under ``key``, most recently added or touched first."""
        ranked = self._ranked.get(key)
        if ranked is None or (len(ranked) < limit and key not in self._complete):
            items = self._postings.setdefault(key, {})
            if len(items) < limit and key not in self._complete:
                self._read_postings(key, items, limit)
            ranked = self._ranked[key] = sorted(items, key=items.__getitem__, reverse=True)
        return ranked[:limit]

    def add_posting(self, key: str, item: str) -> None:
        """Add ``item`` under ``key``, or mark it most recent when already there."""
        items = self._postings.setdefault(key, {})
        ranked = self._ranked.get(key)
        if ranked is not None:
            if item in items:
                ranked.remove(item)
            ranked.insert(0, item)
        items[item] = self._next()
        self._dirty_postings.setdefault(key, set()).add(item)

    def remove_posting(self, key: str, item: str) -> None:
        """Remove ``item`` from ``key`` (no error when absent)."""
        items = self._postings.setdefault(key, {})
        if items.pop(item, None) is not None and key in self._ranked:
            self._ranked[key].remove(item)
        self._dirty_postings.setdefault(key, set()).add(item)

    # -- counters ------------------------------------------------------------------------------
    def counts(self, names: Iterable[str]) -> list[int]:
        """The current value of each counter (0 when never incremented)."""
        names = list(names)
        missing = [n for n in names if n not in self._counters]
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

    def increment(self, names: Iterable[str], by: int = 1) -> None:
        """Add ``by`` to each counter."""
        names = list(names)
        for n, value in zip(names, self.counts(names), strict=True):
            self._counters[n] = value + by
            self._dirty_counters.add(n)

    # -- persistence ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Write every pending change in one transaction and empty the cache."""
        if not (self._dirty_records or self._dirty_postings or self._dirty_counters):
            self._records.clear()
            self._postings.clear()
            self._counters.clear()
            self._complete.clear()
            self._ranked.clear()
            return
        records, gone_records = [], []
        for kind, key in self._dirty_records:
            value = self._records[(kind, key)]
            if value is _GONE:
                gone_records.append((kind, key))
            else:
                data = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
                records.append((kind, key, self._next(), data))
        postings, gone_postings = [], []
        for key, items in self._dirty_postings.items():
            current = self._postings[key]
            for item in items:
                if item in current:
                    postings.append((key, item, current[item]))
                else:
                    gone_postings.append((key, item))
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
                [(n, self._counters[n]) for n in self._dirty_counters],
            )
        for cache in (self._records, self._postings, self._counters, self._complete, self._ranked):
            cache.clear()
        self._dirty_records.clear()
        self._dirty_postings.clear()
        self._dirty_counters.clear()

    def clear(self) -> None:
        """Forget every record, posting and counter (for a rebuild)."""
        self.flush()
        with self._store._write() as conn:
            for table in ("cluster_records", "cluster_postings", "cluster_counters"):
                conn.execute(f"DELETE FROM {table}")
