"""``python -m khabar`` runs the CLI."""

from .cli import main

main()
