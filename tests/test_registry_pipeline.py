"""The stage registry and the pipeline: registration, checking, versions, batches, config binding."""

from __future__ import annotations

import pytest

from khabar import registry
from khabar.model import Article
from khabar.pipeline import Pipeline, PipelineError


@registry.stage("tests.upper.v2", assigns=("title",), requires=("text",))
def _upper(article: Article, *, suffix: str = "") -> Article:
    article.title = article.text.upper() + suffix
    return article


@registry.stage("tests.needs_title.v1", assigns=("meta",), requires=("title", "quotes"))
def _needs(article: Article) -> Article:
    return article


@registry.stage("tests.count.v1", assigns=("meta",), batch=True)
def _count(articles: list[Article]) -> list[Article]:
    for a in articles:
        a.meta["batch"] = len(articles)
    return articles


def test_pipeline_runs_stages_with_config_and_records_versions() -> None:
    p = Pipeline(["khabar.text.html.v1", "tests.upper.v2"], {"tests.upper.v2": {"suffix": "!"}})
    a = p(Article(id="a", raw="hello\r\nworld"))
    assert a.text == "hello\nworld"
    assert a.title == "HELLO\nWORLD!"
    assert a.stages == {"khabar.text.html": "v1", "tests.upper": "v2"}
    assert not p.stale(a)
    a.stages["tests.upper"] = "v1"
    assert p.stale(a)


def test_unknown_stage_is_a_clear_error() -> None:
    with pytest.raises(PipelineError, match=r"no stage named 'nope\.v1'"):
        Pipeline(["nope.v1"])


def test_pipeline_is_checked_before_it_runs() -> None:
    with pytest.raises(PipelineError, match=r"requires \['quotes'\]"):
        Pipeline(["khabar.text.html.v1", "tests.needs_title.v1"])


def test_batch_stage_sees_the_whole_batch() -> None:
    out = Pipeline(["khabar.text.html.v1", "tests.count.v1"]).run_batch(
        [Article(id=str(i), raw="x") for i in range(3)]
    )
    assert [a.meta["batch"] for a in out] == [3, 3, 3]


def test_registering_a_name_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        registry.stage("tests.upper.v2")(lambda a: a)


def test_every_default_stage_is_registered() -> None:
    from khabar.config import DEFAULT_PIPELINE

    Pipeline(list(DEFAULT_PIPELINE))  # raises when a name is unknown or its inputs are missing
    assert set(DEFAULT_PIPELINE) <= set(registry.names())
