"""Commands over events and stories: events, stories, cluster, recluster, eval, tune."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .app import cli, corpus, err, json_option, print_json, print_table, short


@cli.command()
@click.option("--story", help="Only events of this story.")
@click.option("--since", metavar="DATE", help="Events on or after DATE.")
@json_option
@click.pass_context
def events(ctx: click.Context, story: str | None, since: str | None, as_json: bool) -> None:
    """Events, newest first: date, kind, place, languages, outlets and headline."""
    found = corpus(ctx).events(story=story, since=since)
    if as_json:
        print_json([e.to_dict() for e in found])
        return
    rows = [
        (e.id, e.date or "", e.kind or "", ", ".join(p.get("name") or "" for p in e.places[:2]), len(e.articles),
         ",".join(e.languages), short(e.title, 60))
        for e in found
    ]  # fmt: skip
    print_table(("event", "date", "kind", "where", "articles", "langs", "title"), rows)


@cli.command()
@json_option
@click.pass_context
def stories(ctx: click.Context, as_json: bool) -> None:
    """Stories, newest activity first: title, number of events and date span."""
    found = corpus(ctx).stories()
    if as_json:
        print_json([s.to_dict() for s in found])
        return
    rows = [(s.id, len(s.events), f"{s.start or '?'} … {s.end or '?'}", short(s.title, 70)) for s in found]
    print_table(("story", "events", "span", "title"), rows)


@cli.command()
@click.option(
    "--batch", is_flag=True, help="Rebuild from all stored articles at once, with a merge and split pass."
)
@json_option
@click.pass_context
def cluster(ctx: click.Context, batch: bool, as_json: bool) -> None:
    """Cluster stored articles that are in no event yet (or, with --batch, everything: for backfills)."""
    k = corpus(ctx)
    n = k.recluster(refine=True) if batch else k.cluster()
    if as_json:
        print_json({"clustered": n, "events": k.stats()["events"]})
    else:
        err.print(f"{n} articles clustered; {k.stats()['events']} events")


@cli.command()
@json_option
@click.pass_context
def recluster(ctx: click.Context, as_json: bool) -> None:
    """Rebuild every event and story from the stored articles, in canonical order."""
    k = corpus(ctx)
    n = k.recluster()
    if as_json:
        print_json({"clustered": n, "events": k.stats()["events"]})
    else:
        err.print(f"{n} articles reclustered; {k.stats()['events']} events")


@cli.command("eval")
@click.argument("labeled", type=click.Path(exists=True, dir_okay=False))
@json_option
@click.pass_context
def evaluate(ctx: click.Context, labeled: str, as_json: bool) -> None:
    """Score events and stories on LABELED.jsonl (gold `event` and `story`), beside two baselines."""
    from ..cluster.evaluate import evaluate as run_eval

    result = run_eval(labeled, corpus(ctx).config["cluster"])
    if as_json:
        print_json(result)
        return
    rows = []
    for system in ("khabar", "baseline_tfidf_agglomerative", "baseline_copies"):
        for level in ("events", "stories"):
            s = result[system][level]
            b = s["bcubed"]
            rows.append(
                (
                    system,
                    level,
                    f"{b['precision']:.3f}",
                    f"{b['recall']:.3f}",
                    f"{b['f1']:.3f}",
                    f"{s['pairwise']['f1']:.3f}",
                )
            )
    print_table(("system", "level", "B³ P", "B³ R", "B³ F1", "pairwise F1"), rows,
                title=f"{result['articles']} articles, {result['seconds']} s, {result['articles_per_s']} articles/s")  # fmt: skip


@cli.command()
@click.argument("labeled", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the fitted [cluster] block as JSON here."
)
@click.pass_context
def tune(ctx: click.Context, labeled: str, output: str | None) -> None:
    """Fit clustering weights and thresholds on LABELED.jsonl; print (or write) the fitted block."""
    from ..cluster.evaluate import tune as run_tune

    block = run_tune(labeled, config_file=ctx.obj["config"])
    text = json.dumps(block, indent=2, ensure_ascii=False)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
        err.print(f"fitted clustering settings written to {output}")
    else:
        click.echo(text)
