"""Stage registry: stages are pure functions over an Article (or a batch), registered by a versioned name.

A stage declares which Article fields it ``requires`` and which it ``assigns``, as spaCy
components do, so that a pipeline can be checked before it runs. Its keyword arguments are
its config: the pipeline binds them from the user's configuration.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Article

# Modules whose import registers the built-in stages.
BUILTIN_MODULES: tuple[str, ...] = (
    "khabar.text.html",
    "khabar.text.mojibake",
    "khabar.text.langid",
    "khabar.text.clean",
    "khabar.text.dates",
    "khabar.text.repair",
    "khabar.text.sentences",
    "khabar.extract.entities",
    "khabar.extract.quotes",
    "khabar.extract.provenance",
    "khabar.neural.embeddings",  # optional (these two): in no default pipeline; their libraries load when they run
    "khabar.neural.ner",
)

ArticleFn = Callable[..., Article]
BatchFn = Callable[..., list[Article]]


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: its name, function and declared fields."""

    name: str
    func: Callable[..., Any]
    assigns: tuple[str, ...]
    requires: tuple[str, ...]
    batch: bool

    @property
    def base(self) -> str:
        """The name without its version (``"khabar.text.clean"``)."""
        return self.name.rsplit(".", 1)[0]

    @property
    def version(self) -> str:
        """The version suffix of the name (``"v1"`` in ``"khabar.text.clean.v1"``)."""
        return self.name.rsplit(".", 1)[-1]


_REGISTRY: dict[str, StageSpec] = {}


class UnknownStageError(KeyError):
    """A pipeline names a stage that no module registered."""


def stage(
    name: str, *, assigns: tuple[str, ...] = (), requires: tuple[str, ...] = (), batch: bool = False
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``func`` as the stage ``name``; with ``batch=True`` it maps list[Article] -> list[Article]."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise ValueError(f"stage {name!r} is registered twice")
        _REGISTRY[name] = StageSpec(name, func, tuple(assigns), tuple(requires), batch)
        return func

    return decorate


def load_builtins() -> None:
    """Import every module that registers built-in stages (cheap: heavy resources load lazily)."""
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def get(name: str) -> StageSpec:
    """The stage registered as ``name``."""
    if name not in _REGISTRY:
        load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownStageError(f"no stage named {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def names() -> list[str]:
    """All registered stage names."""
    load_builtins()
    return sorted(_REGISTRY)


def catalogue(pipeline: Sequence[str]) -> list[dict[str, Any]]:
    """Every registered stage, those of ``pipeline`` first in its order: name, 1-based ``position`` in the
    pipeline (None outside it), what it ``requires`` and ``assigns``, whether it maps a ``batch``, and the first
    paragraph of its docstring."""
    order = {name: i + 1 for i, name in enumerate(pipeline)}
    rows = []
    for name in sorted(names(), key=lambda n: (order.get(n, len(order) + 1), n)):
        spec = _REGISTRY[name]
        doc = " ".join((spec.func.__doc__ or "").strip().split("\n\n")[0].split())
        rows.append(
            {
                "name": name,
                "position": order.get(name),
                "requires": list(spec.requires),
                "assigns": list(spec.assigns),
                "batch": spec.batch,
                "summary": doc,
            }
        )
    return rows
