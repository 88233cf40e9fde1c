"""The ``khabar`` command: a thin layer over the Python API (``khabar.open``). It parses arguments and prints."""

from __future__ import annotations

from . import browse, clusters, corpus, exporting, knowledge, serve  # noqa: F401  (register commands)
from .app import cli


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="khabar")


__all__ = ["cli", "main"]
