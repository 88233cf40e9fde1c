"""Entity recall and precision on the seed articles, computed as ../shared/checks/seeds_check.py does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..seedcheck import GOLD, SEEDS, seeds_check
from ..seedcheck import gold as load_gold

__all__ = ["FIXTURE_GAZETTEER", "GOLD", "SEEDS", "score", "title_and_body"]

FIXTURE_GAZETTEER = str(Path(__file__).resolve().parent / "fixtures" / "gazetteer")


def score(
    found_by_stem: dict[str, list[dict[str, Any]]], types: tuple[str, ...] = ("PERSON", "PLACE", "ORG")
):
    """(recall, precision, notes) over the seeds' gold entities of ``types``."""
    check, gold = seeds_check(), load_gold()
    names_of, matches = check.names_of, check.matches
    rec_hit = rec_all = pre_hit = pre_all = 0
    notes = []
    for stem, g in gold["articles"].items():
        found = found_by_stem[stem]
        optional = g["entities"].get("optional", [])
        for etype in types:
            for names in g["entities"][etype]:
                ok = any(matches(names_of(e), names) for e in found)
                rec_all += 1
                rec_hit += ok
                if not ok:
                    notes.append(f"{stem}: {etype} {names[0]} not found")
            if etype in ("PERSON", "PLACE"):
                for e in (e for e in found if e["type"] == etype):
                    ok = any(matches(names_of(e), n) for n in g["entities"][etype]) or matches(
                        names_of(e), optional
                    )
                    pre_all += 1
                    pre_hit += ok
                    if not ok:
                        notes.append(f"{stem}: unexpected {etype} {names_of(e)[:3]}")
    return rec_hit / max(rec_all, 1), pre_hit / max(pre_all, 1), notes


def title_and_body(path: Path) -> tuple[str, str]:
    """The gold title and the file's text (title line kept: the stage must cope with either)."""
    return load_gold()["articles"][path.stem]["title"], path.read_text("utf-8")
