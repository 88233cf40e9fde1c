"""The first stage: HTML becomes main text plus metadata (trafilatura); plain text passes through."""

from __future__ import annotations

import re

from ..model import Article
from ..registry import stage

_BLANKS = re.compile(r"\n{3,}")


def _extract_html(article: Article) -> None:
    import trafilatura

    doc = trafilatura.bare_extraction(
        article.raw,
        url=article.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is None:
        article.text = ""
        return
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    article.text = data.get("text") or ""
    article.title = article.title or data.get("title")
    if not article.published and data.get("date"):
        article.meta.setdefault("html_date", data["date"])
    for key in ("sitename", "url", "language", "author", "categories", "description"):
        if data.get(key):
            article.meta.setdefault(f"html_{key}", data[key])
    if not article.url and data.get("url"):
        article.url = data["url"]
    if not article.outlet and data.get("sitename"):
        article.outlet = data["sitename"]


@stage("khabar.text.html.v1", assigns=("text",), requires=("raw", "content_type"))
def html_to_text(article: Article) -> Article:
    """Set ``text`` from ``raw``: the main text of an HTML page, or the plain text with normalized blank lines."""
    if article.content_type == "text/html":
        _extract_html(article)
    else:
        article.text = _BLANKS.sub("\n\n", article.raw.replace("\r\n", "\n").replace("\r", "\n"))
    return article
