"""The export command: the contract read by other tools (and by the seeds check)."""

from __future__ import annotations

import sys

import click

from .app import cli, corpus, err


@cli.command()
@click.argument("kind", type=click.Choice(["articles", "events", "stories"]))
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.pass_context
def export(ctx: click.Context, kind: str, fmt: str, output: str | None) -> None:
    """Export articles, events or stories (JSON Lines on stdout by default)."""
    k = corpus(ctx)
    if fmt == "parquet" and not output:
        raise click.UsageError("parquet needs -o FILE")
    if output:
        with open(
            output,
            "wb" if fmt == "parquet" else "w",
            encoding=None if fmt == "parquet" else "utf-8",
            newline=None if fmt == "parquet" else "",
        ) as fh:
            n = k.export(kind, fh, fmt)  # type: ignore[arg-type]
        err.print(f"{n} {kind} written to {output}")
    else:
        k.export(kind, sys.stdout, fmt)  # type: ignore[arg-type]
