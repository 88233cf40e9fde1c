"""``khabar serve``: the web newsroom and JSON API over the corpus (needs the ``web`` extra)."""

from __future__ import annotations

import secrets

import click

from .app import cli, corpus, err, fail


@cli.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to bind (0.0.0.0 for every one)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--allow-ingest", is_flag=True, help="Turn on POST /api/ingest (bearer token required).")
@click.option(
    "--token",
    envvar="KHABAR_TOKEN",
    help="The ingest bearer token (or $KHABAR_TOKEN); generated and printed when absent.",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, allow_ingest: bool, token: str | None) -> None:
    """Serve the corpus as a web newsroom with a JSON API under /api. Read-only unless --allow-ingest."""
    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError as exc:
        fail(f"khabar serve needs the web extra ({exc.name} is missing): pip install 'khabar[web]'")
        return
    k = corpus(ctx)
    if allow_ingest and not token:
        token = secrets.token_urlsafe(24)
        click.echo(f"ingest token: {token}", err=True)
    app = create_app(k, allow_ingest=allow_ingest, token=token)
    err.print(f"khabar: serving {k.store.path} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning")
