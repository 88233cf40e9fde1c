"""Commands over who and what: entities, entity, quotes, gazetteer import."""

from __future__ import annotations

import click

from ..extract.gazetteer import GazetteerImportError
from ..store.base import ArticleFilter
from .app import cli, corpus, err, fail, json_option, print_json, print_table, short


@cli.command()
@click.option("--type", "etype", type=click.Choice(["PERSON", "PLACE", "ORG"], case_sensitive=False))
@click.option("--lang", help="Only entities with a spelling seen in this language.")
@click.option("-q", "--query", help="Name, id or spelling contains this.")
@click.option("-n", "--limit", default=50, show_default=True)
@json_option
@click.pass_context
def entities(
    ctx: click.Context, etype: str | None, lang: str | None, query: str | None, limit: int, as_json: bool
) -> None:
    """Entities, most covered first, with their spellings (by language) and article counts."""
    k = corpus(ctx)
    page, total = k.entities_page(type=etype.upper() if etype else None, query=query, lang=lang, limit=limit)
    found = [k.entity(e["id"]) or e for e in page]
    if as_json:
        print_json({"total": total, "items": found})
        return
    rows = []
    for e in found:
        variants = sorted((e.get("variants") or {}).items(), key=lambda kv: -kv[1].get("count", 0))
        spelled = ", ".join(f"{text} ({v.get('lang') or '?'})" for text, v in variants[:4])
        rows.append((e["id"], e["type"], e["name"], e.get("articles", ""), short(spelled, 70)))
    print_table(("id", "type", "name", "articles", "spellings"), rows, title=f"{total} entities")


@cli.command()
@click.argument("entity_id")
@json_option
@click.pass_context
def entity(ctx: click.Context, entity_id: str, as_json: bool) -> None:
    """One entity: spellings, mentions over time, co-occurring entities and events."""
    k = corpus(ctx)
    found = k.entity(entity_id)
    if found is None:
        fail(f"no entity {entity_id!r}")
        return
    timeline = k.entity_timeline(entity_id)
    together = k.cooccurring(entity_id, limit=10)
    events = k.entity_events(entity_id, limit=20)
    if as_json:
        print_json(
            found | {"timeline": timeline, "cooccurring": together, "events": [e.to_dict() for e in events]}
        )
        return
    variants = found.get("variants") or {}
    print_table(("spelling", "lang", "count"), [(t, v.get("lang"), v.get("count")) for t, v in variants.items()],
                title=f"{found['name']} ({found['type']}, {entity_id})")  # fmt: skip
    print_table(("day", "articles", "mentions"), timeline, title="mentions over time")
    print_table(
        ("entity", "type", "articles together"),
        [(c["name"] or c["id"], c["type"], c["articles"]) for c in together],
    )
    print_table(("event", "date", "title"), [(e.id, e.date or "", short(e.title, 70)) for e in events])


@cli.command()
@click.option("--speaker", help="Only quotes by this entity id.")
@click.option("--lang", help="Only quotes from articles in this language.")
@click.option("-n", "--limit", default=50, show_default=True)
@json_option
@click.pass_context
def quotes(ctx: click.Context, speaker: str | None, lang: str | None, limit: int, as_json: bool) -> None:
    """Direct quotes with their speakers, newest first."""
    found = corpus(ctx).quotes(ArticleFilter(lang=lang), speaker=speaker, limit=limit)
    if as_json:
        print_json(found)
        return
    rows = [
        ((q.get("speaker") or {}).get("name") or "?", short(q.get("text"), 90), q.get("article"))
        for q in found
    ]
    print_table(("speaker", "quote", "article"), rows)


@cli.group()
def gazetteer() -> None:
    """The corpus's own gazetteer: names the bundled lists lack."""


@gazetteer.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@json_option
@click.pass_context
def gazetteer_import(ctx: click.Context, path: str, as_json: bool) -> None:
    """Import entries from CSV (id,type,name,variant,lang), JSONL (id, type, name, variants) or JRC-Names."""
    k = corpus(ctx)
    try:
        n = k.import_gazetteer(path)
    except GazetteerImportError as exc:
        fail(str(exc))
        return
    if as_json:
        print_json({"imported": n})
    else:
        err.print(f"{n} entries imported; `khabar reprocess --all` applies them to stored articles")
