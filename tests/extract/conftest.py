"""Shared fixtures: the small test gazetteer (same format as the package data) and a runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from khabar.extract.entities import entities
from khabar.model import Article

GAZETTEER = str(Path(__file__).resolve().parent / "fixtures" / "gazetteer")


@pytest.fixture
def run() -> Callable[..., list[dict[str, Any]]]:
    """Run the entity stage on a text with the test gazetteer; returns the entities."""

    def _run(text: str, lang: str, title: str = "", **config: Any) -> list[dict[str, Any]]:
        a = Article(id="t", text=text, title=title, lang=lang)
        return entities(a, gazetteer=GAZETTEER, **config).entities

    return _run


def by_name(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Entities keyed by display name."""
    return {e["name"]: e for e in found}
