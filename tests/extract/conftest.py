"""Shared fixtures: the small test gazetteer (same format as the package data) and a runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from khabar.extract.entities import entities
from khabar.model import Article

from .gaz import GAZETTEER


@pytest.fixture
def run() -> Callable[..., list[dict[str, Any]]]:
    """Run the entity stage on a text with the test gazetteer; returns the entities."""

    def _run(text: str, lang: str, title: str = "", **config: Any) -> list[dict[str, Any]]:
        a = Article(id="t", text=text, title=title, lang=lang)
        return entities(a, gazetteer=GAZETTEER, **config).entities

    return _run
