"""Fixtures of the web tests: one newsroom store per session and TestClients over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, jinja2) is not installed")

from fastapi.testclient import TestClient

import khabar
from khabar import Khabar
from khabar.web.app import create_app

from . import newsroom

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Khabar]:
    """The seeds, filled and clustered by hand, plus a copy and a hostile article."""
    k = khabar.open(tmp_path_factory.mktemp("web") / "newsroom.db", ingest={"cluster": False})
    k.ids = newsroom.build(k, ROOT / "examples" / "seeds")  # type: ignore[attr-defined]
    yield k
    k.close()


@pytest.fixture(scope="session")
def ids(corpus: Khabar) -> dict[str, str]:
    """Seed prefix ("000".."004") -> article id."""
    return corpus.ids  # type: ignore[attr-defined,no-any-return]


@pytest.fixture(scope="session")
def client(corpus: Khabar) -> Iterator[TestClient]:
    """A read-only app."""
    with TestClient(create_app(corpus)) as c:
        yield c
