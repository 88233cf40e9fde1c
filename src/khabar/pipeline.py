"""A pipeline: an ordered list of registered stages, checked before it runs, bound to its config."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import registry
from .model import Article

# Fields every Article has before any stage runs (filled from the Document at ingest).
DOCUMENT_FIELDS = frozenset(
    {"id", "origin", "path", "url", "outlet", "content_type", "raw", "meta", "published", "title", "lang"}
)


class PipelineError(ValueError):
    """The pipeline is misconfigured: an unknown stage, or a stage whose inputs nothing provides."""


@dataclass
class Pipeline:
    """Runs registered stages in order; records each stage's version on the article."""

    stage_names: list[str]
    config: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            self.specs = [registry.get(n) for n in self.stage_names]
        except registry.UnknownStageError as exc:
            raise PipelineError(str(exc)) from None
        self.check()
        self._bound: list[tuple[registry.StageSpec, Callable[..., Any]]] = [
            (spec, functools.partial(spec.func, **dict(self.config.get(spec.name, {}))))
            for spec in self.specs
        ]

    def check(self) -> None:
        """Fail early when a stage requires a field that no earlier stage (or the document) provides."""
        available = set(DOCUMENT_FIELDS)
        for spec in self.specs:
            missing = [f for f in spec.requires if f not in available]
            if missing:
                raise PipelineError(f"stage {spec.name} requires {missing}, which no earlier stage assigns")
            available.update(spec.assigns)

    def __call__(self, article: Article) -> Article:
        """Run every stage on one article (batch stages see a batch of one)."""
        return self.run_batch([article])[0]

    def run_batch(self, articles: Iterable[Article]) -> list[Article]:
        """Run every stage over a batch, in order."""
        batch = list(articles)
        for spec, func in self._bound:
            batch = func(batch) if spec.batch else [func(a) for a in batch]
            for a in batch:
                a.stages[spec.base] = spec.version
        return batch

    def stale(self, article: Article) -> bool:
        """True when this pipeline would run a stage the article has not seen at this version."""
        return any(article.stages.get(s.base) != s.version for s in self.specs)
