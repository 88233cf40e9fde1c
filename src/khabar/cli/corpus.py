"""Commands that write the corpus: ingest, reprocess; and stats, and the stages a pipeline may name."""

from __future__ import annotations

import sys
from typing import Any

import click
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from .. import config as config_mod
from .. import registry
from ..api import ENTITY_STAGE
from ..engines import ENGINES
from ..engines.ray import RayMissingError
from .app import cli, corpus, err, json_option, print_json, print_table


def _progress(quiet: bool) -> Progress | None:
    """A progress display on a terminal; none when quiet or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return None
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _parse_map(pairs: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        field, sep, key = pair.partition("=")
        if not sep or not field or not key:
            raise click.BadParameter(f"{pair!r} is not field=key", param_hint="--map")
        mapping[field] = key
    return mapping


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="FIELD=KEY",
    help="Read FIELD from another record key, e.g. --map text=article_body.",
)
@click.option(
    "-w", "--workers", type=click.IntRange(0), default=0, help="Processes for the stages (0: one per core)."
)
@click.option(
    "--no-curated", is_flag=True, help="Find persons by rule only, without the curated persons list."
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where the stages run: a local process pool, or Ray Data (pip install 'khabar[ray]').",
)
@click.option("--address", default=None, help="Ray cluster address for --engine ray (default: a local Ray).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no per-file problems; only the summary.")
@json_option
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    maps: tuple[str, ...],
    workers: int,
    no_curated: bool,
    engine: str,
    address: str | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Ingest files, directories, globs, - (stdin), feeds, WARC files or http(s) URLs.

    Ingesting the same input twice adds nothing. Exit status 0 when something was ingested or all
    was already present, 1 when input failed and nothing was ingested.
    """
    field_map = _parse_map(maps)
    if address and engine != "ray":
        raise click.UsageError("--address is for --engine ray")
    k = corpus(ctx)
    if no_curated:
        k.configure(ENTITY_STAGE, curated=False)
    run: dict[str, Any] = {
        "field_map": field_map,
        "workers": workers or None,
        "engine": engine,
        "address": address,
    }
    progress = _progress(quiet or as_json)
    try:
        if progress:
            with progress:
                read = progress.add_task("read", total=None)
                done = progress.add_task("done", total=None)
                report = k.ingest(
                    list(inputs),
                    **run,
                    on_item=lambda: progress.advance(read),
                    on_done=lambda n: progress.advance(done, n),
                )
        else:
            report = k.ingest(list(inputs), **run)
    except RayMissingError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        print_json(report.to_dict())
    else:
        if not quiet:
            for problem in report.problems:
                err.print(f"[yellow]skipped[/yellow] {escape(str(problem))}", markup=True, highlight=False)
        err.print(report.summary())
    ctx.exit(report.exit_code)


@cli.command()
@click.option(
    "--all", "everything", is_flag=True, help="Redo every article, not only those with stale stages."
)
@json_option
@click.pass_context
def reprocess(ctx: click.Context, everything: bool, as_json: bool) -> None:
    """Run the pipeline again from the stored raw input, on articles whose stages are stale."""
    n = corpus(ctx).reprocess(everything=everything)
    if as_json:
        print_json({"reprocessed": n})
    else:
        err.print(f"{n} reprocessed")


@cli.command()
@json_option
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Counts of articles, copies, events, stories and entities, by language and outlet."""
    s = corpus(ctx).stats()
    if as_json:
        print_json(s)
        return
    rows = [(k, s[k]) for k in ("articles", "copies", "events", "stories", "entities")]
    rows.append(("published", f"{s['published']['first'] or '?'} … {s['published']['last'] or '?'}"))
    rows += [(f"lang {lang}", n) for lang, n in s["languages"].items()]
    rows += [(f"outlet {o}", n) for o, n in s["outlets"].items()]
    print_table(("", "count"), rows, title=s["path"])


@cli.command()
@json_option
@click.pass_context
def stages(ctx: click.Context, as_json: bool) -> None:
    """The registered stages: those of the configured pipeline in its order, then the optional ones."""
    rows = registry.catalogue(config_mod.load(ctx.obj["config"])["pipeline"])
    if as_json:
        print_json(rows)
        return
    print_table(
        ("#", "stage", "requires", "assigns", "what it does"),
        [
            (r["position"] or "-", r["name"], ", ".join(r["requires"]), ", ".join(r["assigns"]), r["summary"])
            for r in rows
        ],
    )
