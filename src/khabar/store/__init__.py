"""The store: one interface (``Store``), one SQLite implementation with a single writer and many readers."""

from .base import SearchHit, Store
from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "SearchHit", "Store"]
