"""Ingest: Documents from sources become Articles through the pipeline, and land in the store one by one."""

from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .model import Article, Document
from .pipeline import Pipeline
from .sources import Problem, SourceOptions, iter_documents
from .sources.decode import DecodeError, decode_bytes
from .store.base import Store
from .text.normalize import fold

_SPACE = re.compile(r"\s+")


def raw_hash(raw: str) -> str:
    """A hash of the raw input exactly as received."""
    return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def content_key(text: str) -> str:
    """A short hash of the folded, whitespace-collapsed text: equal for the same words in any encoding or spacing."""
    folded = _SPACE.sub(" ", fold(text)).strip()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:20]


def article_from_document(doc: Document) -> Article:
    """Decode a Document and fill the fields that exist before any stage runs.

    The identity is the record's own id, else its URL, else a hash of its normalized content.
    Raises DecodeError for binary or undecodable content.
    """
    raw = doc.content if isinstance(doc.content, str) else decode_bytes(doc.content)
    if not raw.strip():
        raise DecodeError("empty")
    meta = dict(doc.meta)
    url = meta.get("url") or None
    identity = doc.record_id or url or f"sha1:{content_key(raw)}"
    return Article(
        id=identity,
        origin=doc.origin,
        path=meta.get("path"),
        url=url,
        outlet=meta.get("outlet") or None,
        content_type=doc.content_type,
        raw=raw,
        # A first-line guess from a plain-text source is left to the clean stage, which skips site chrome.
        title=None if meta.get("title_from") == "first_line" else meta.get("title") or None,
        published=meta.get("published") or None,
        lang=meta.get("lang") or None,
        source_meta=dict(doc.meta),
        meta=meta,
    )


@dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    present: int = 0
    copies: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    def skip(self, problem: Problem) -> None:
        """Record a bad input; the run goes on."""
        self.problems.append(problem)
        self.skipped[problem.reason.split(":", 1)[0]] += 1

    @property
    def exit_code(self) -> int:
        """0 when something was ingested or everything was already present; 1 when input failed and nothing was."""
        return 0 if self.ingested or not self.problems else 1

    def summary(self) -> str:
        """One line for people."""
        parts = [f"{self.ingested} ingested", f"{self.present} already present", f"{self.copies} copies"]
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n} {r}" for r, n in self.skipped.most_common())
        parts.append(f"{skipped} skipped" + (f" ({reasons})" if reasons else ""))
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {
            "ingested": self.ingested,
            "present": self.present,
            "copies": self.copies,
            "skipped": dict(self.skipped),
            "problems": [str(p) for p in self.problems],
        }


def process(article: Article, pipeline: Pipeline) -> Article | Problem:
    """Run the pipeline on one article; an article left without text becomes a Problem."""
    article = pipeline(article)
    if not article.text.strip():
        return Problem(article.origin, "no main text")
    return article


_WARM_UP = (
    "الرياض - واس: قال الرئيس الروسي فلاديمير بوتين في موسكو يوم الاثنين 5 يناير 2015: «نحن مستعدون للحوار»، "
    "وفق ما نقلت وكالة رويترز. President Vladimir Putin said in Moscow on Monday, Reuters reported."
)


def warm_up(pipeline: Pipeline) -> None:
    """Load what the stages load lazily (lexicons, word frequencies, language models) with one small
    article, then freeze what is loaded: the garbage collector no longer walks those millions of
    long-lived objects at every full collection (a process that runs many articles: a pool worker)."""
    process(Article(id="warm-up", raw=_WARM_UP, content_type="text/plain"), pipeline)
    gc.collect()
    gc.freeze()


class Engine(Protocol):
    """Runs the per-article stages over many articles and yields the results in input order."""

    def map(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Article | Problem]:
        """Process every article."""
        ...


class SerialEngine:
    """The per-article stages in this process."""

    def map(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Article | Problem]:
        """Process every article, one after the other."""
        return (process(a, pipeline) for a in articles)


def ingest_documents(
    store: Store,
    documents: Iterable[Document | Problem],
    pipeline: Pipeline,
    *,
    engine: Engine | None = None,
    on_item: Callable[[], None] | None = None,
    on_stored: Callable[[Article], None] | None = None,
) -> IngestReport:
    """Process documents (on ``engine``) and store each in its own transaction; bad input is reported and skipped."""
    report = IngestReport()
    pending: set[str] = set()

    def new_articles() -> Iterator[Article]:
        for item in documents:
            if on_item:
                on_item()
            if isinstance(item, Problem):
                report.skip(item)
                continue
            try:
                article = article_from_document(item)
            except DecodeError as exc:
                report.skip(Problem(item.origin, str(exc)))
                continue
            if article.id in pending or store.has_article(article.id):
                report.present += 1
                continue
            pending.add(article.id)
            yield article

    for result in (engine or SerialEngine()).map(pipeline, new_articles()):
        if isinstance(result, Problem):
            report.skip(result)
            continue
        text_hash = content_key(result.text)
        result.duplicate_of = store.find_by_text_hash(text_hash)
        report.copies += result.duplicate_of is not None
        store.put_article(result, content_hash=raw_hash(result.raw), text_hash=text_hash)
        report.ingested += 1
        report.ids.append(result.id)
        if on_stored:
            on_stored(result)
    return report


def ingest(
    store: Store,
    inputs: list[str],
    pipeline: Pipeline,
    options: SourceOptions | None = None,
    *,
    engine: Engine | None = None,
    on_item: Callable[[], None] | None = None,
    on_stored: Callable[[Article], None] | None = None,
) -> IngestReport:
    """Ingest every input (paths, globs, directories, ``-``, URLs)."""
    documents = iter_documents(inputs, options)
    return ingest_documents(store, documents, pipeline, engine=engine, on_item=on_item, on_stored=on_stored)
