"""The command group, its shared options, and output helpers (rich tables for people, JSON for machines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..api import DEFAULT_DB, Khabar
from ..api import open as open_corpus

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, highlight=False)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="KHABAR_DB",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The corpus database (or $KHABAR_DB).",
)
@click.option(
    "--config",
    "config_path",
    envvar="KHABAR_CONFIG",
    type=click.Path(exists=True, dir_okay=False),
    help="A TOML config file (or $KHABAR_CONFIG).",
)
@click.version_option(package_name="khabar")
@click.pass_context
def cli(ctx: click.Context, db: str, config_path: str | None) -> None:
    """khabar: multilingual news intelligence. Turn a pile of articles into events and stories.

    Exit status: 0 on success, 1 when the input failed (nothing ingested, or not found), 2 for a usage error.
    """
    ctx.obj = {"db": db, "config": config_path}


def corpus(ctx: click.Context) -> Khabar:
    """Open the corpus named by the group options, closing it when the command ends."""
    k = open_corpus(ctx.obj["db"], config=ctx.obj["config"])
    ctx.call_on_close(k.close)
    return k


def print_json(data: Any) -> None:
    """JSON on stdout, UTF-8, one document."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], title: str | None = None) -> None:
    """A rich table. Right-to-left text is printed in logical order; the terminal does the bidi layout. Cells are
    text, never rich markup: a title that begins "[video]" keeps it."""
    table = Table(*columns, title=escape(title) if title else None, show_lines=False, expand=False)
    for row in rows:
        table.add_row(*("" if v is None else escape(str(v)) for v in row))
    out.print(table)


def fail(message: str, code: int = 1) -> None:
    """Print an error and exit with ``code``."""
    err.print(f"[red]error:[/red] {escape(message)}")
    raise SystemExit(code)


def short(text: str | None, n: int = 70) -> str:
    """One line, at most ``n`` characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"
