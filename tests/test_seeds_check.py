"""End to end: the real seeds check, run against the real ``khabar`` binary, holds every category at its bar."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .seedcheck import CHECK, GOLD


@pytest.mark.parametrize("curated", [True, False], ids=["curated", "no-curated"])
def test_seeds_check_is_at_every_bar(tmp_path: Path, curated: bool) -> None:
    if not (CHECK.is_file() and GOLD.is_file()):
        pytest.skip(f"{CHECK} is absent")
    env = {**os.environ, "KHABAR_CMD": str(Path(sys.executable).with_name("khabar"))}
    if not curated:
        env["KHABAR_INGEST_ARGS"] = "--no-curated"
    proc = subprocess.run(
        [sys.executable, str(CHECK), "--strict"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
