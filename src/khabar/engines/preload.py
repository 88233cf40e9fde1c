"""Imported by the local engine's forkserver, once, before it forks the first worker: warms the default
pipeline and ingest's task (lexicons, gazetteers, word frequencies, language models) and freezes them.

Every worker forked afterwards starts warm and reads those tables from pages it shares with the forkserver
and the other workers (copy-on-write) instead of loading its own copy. A worker whose pipeline needs other
tables (another config) still loads those itself. Do not import this module anywhere else: importing it
is the warm-up.
"""

from __future__ import annotations

from functools import partial

from ..cluster.settings import settings
from ..collector import paused
from ..config import DEFAULT_PIPELINE
from ..ingest import prepare, warm_up
from ..pipeline import Pipeline

with paused():  # the stage modules' imports too (warm_up pauses the collector for the tables)
    warm_up(Pipeline(list(DEFAULT_PIPELINE)), partial(prepare, cluster=settings()))
