"""Engines run the per-article stages: in this process, in a local process pool, or (later) on Ray."""

from .local import LocalEngine

__all__ = ["LocalEngine"]
