"""Commands that read the corpus: articles, show (article, event, story), search."""

from __future__ import annotations

import click

from ..api import Khabar
from ..export import article_record
from .app import cli, corpus, fail, json_option, out, print_json, print_table, short
from .timelines import show_event, show_story

_filters = [
    click.option("--lang", help="Only this language (ISO 639-1, e.g. ar, fa)."),
    click.option("--outlet", help="Only this outlet."),
    click.option("--since", metavar="DATE", help="Published on or after DATE (ISO 8601)."),
    click.option("--until", metavar="DATE", help="Published on or before DATE (ISO 8601)."),
]


def filters(func):
    """Add the shared --lang --outlet --since --until options."""
    for option in reversed(_filters):
        func = option(func)
    return func


@cli.command()
@filters
@click.option("-n", "--limit", default=50, show_default=True, help="How many.")
@json_option
@click.pass_context
def articles(
    ctx: click.Context,
    lang: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Articles, newest first."""
    found = corpus(ctx).articles(lang=lang, outlet=outlet, since=since, until=until, limit=limit)
    if as_json:
        print_json([article_record(a) for a in found])
        return
    rows = [
        (
            a.id,
            a.published or "",
            a.lang or "",
            a.outlet or "",
            short(a.title, 60),
            "copy" if a.duplicate_of else "",
        )
        for a in found
    ]
    print_table(("id", "published", "lang", "outlet", "title", ""), rows)


@cli.command()
@click.argument("kind_or_id")
@click.argument("item_id", required=False)
@json_option
@click.pass_context
def show(ctx: click.Context, kind_or_id: str, item_id: str | None, as_json: bool) -> None:
    """One article (show ID or show article ID), event (show event ID) or story (show story ID), with the
    event's or story's timeline."""
    if item_id is None:
        kind, item_id = "article", kind_or_id
    elif kind_or_id in ("article", "event", "story"):
        kind = kind_or_id
    else:
        fail(f"show what? {kind_or_id!r} is not article, event or story", 2)
        return
    if kind == "event":
        show_event(corpus(ctx), item_id, as_json)
    elif kind == "story":
        show_story(corpus(ctx), item_id, as_json)
    else:
        show_article(corpus(ctx), item_id, as_json)


def show_article(k: Khabar, article_id: str, as_json: bool) -> None:
    """An article: metadata, clean text, entities, quotes and sources."""
    a = k.article(article_id)
    if a is None:
        fail(f"no article {article_id!r}")
        return
    if as_json:
        print_json(article_record(a))
        return
    fields = [
        ("id", a.id),
        ("title", a.title),
        ("published", a.published),
        ("lang", a.lang),
        ("outlet", a.outlet),
        ("url", a.url),
        ("path", a.path),
        ("event", a.event),
        ("story", a.story),
        ("copy of", a.duplicate_of),
    ]
    print_table(("field", "value"), [(k, v) for k, v in fields if v])
    out.print(a.text)
    if a.entities:
        print_table(
            ("type", "entity", "mentions"),
            [(e["type"], e.get("name"), len(e.get("mentions", []))) for e in a.entities],
        )
    if a.quotes:
        print_table(
            ("speaker", "quote"),
            [((q.get("speaker") or {}).get("name", "?"), short(q["text"], 80)) for q in a.quotes],
        )
    if a.sources:
        print_table(("source", "role"), [(s.get("name"), s.get("role")) for s in a.sources])


@cli.command()
@click.argument("query")
@filters
@click.option("--entity", help="Only articles mentioning this entity id.")
@click.option("-n", "--limit", default=20, show_default=True, help="How many.")
@json_option
@click.pass_context
def search(
    ctx: click.Context,
    query: str,
    lang: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    entity: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Full-text search across scripts (diacritics, letter variants and clitics folded), ranked, with snippets."""
    hits = corpus(ctx).search(
        query, lang=lang, outlet=outlet, since=since, until=until, entity=entity, limit=limit
    )
    if as_json:
        print_json([h.__dict__ for h in hits])
        return
    print_table(
        ("id", "lang", "title", "snippet"),
        [(h.article_id, h.lang, short(h.title, 40), h.snippet) for h in hits],
    )
