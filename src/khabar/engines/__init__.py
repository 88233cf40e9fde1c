"""Engines run the per-article stages: in this process, in a local process pool, or on a Ray cluster."""

from __future__ import annotations

from ..ingest import Engine
from .local import LocalEngine

ENGINES = ("local", "ray")


def make_engine(
    name: str | Engine = "local", *, workers: int | None = None, address: str | None = None
) -> Engine:
    """The engine called ``name``: "local" (a process pool of ``workers``) or "ray" (at ``address``); an
    :class:`~khabar.ingest.Engine` given instead of a name is used as it is."""
    if not isinstance(name, str):
        return name
    if name == "local":
        return LocalEngine(workers)
    if name == "ray":
        from .ray import RayEngine  # Ray is optional: imported only when asked for

        return RayEngine(address)
    raise ValueError(f"unknown engine {name!r}; known: {', '.join(ENGINES)}")


__all__ = ["ENGINES", "LocalEngine", "make_engine"]
