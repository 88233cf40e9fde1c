"""Entity recall and precision on the seed articles, computed as ../shared/checks/seeds_check.py does."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"
GOLD = Path("/work/shared/seeds/gold.json")
FIXTURE_GAZETTEER = str(Path(__file__).resolve().parent / "fixtures" / "gazetteer")

_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و",
    "\u200c": " ", "\u200d": "", "\u00a0": " ", "ـ": "",
    "“": '"', "”": '"', "«": '"', "»": '"', "،": ",", "؛": ";", "؟": "?",
})  # fmt: skip


def gold_fold(s: str | None) -> str:
    """seeds_check's comparison form."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = "".join(ch for ch in s if not ("\u064b" <= ch <= "\u065f" or ch == "\u0670"))
    s = s.translate(_FOLD).lower()
    s = re.sub(r"[\"'()\[\].:!?,;…\-–—]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def names_of(e: dict[str, Any]) -> list[str]:
    """seeds_check's names of an exported entity (name, mentions and variants)."""
    out = [
        e[k]
        for k in ("name", "label", "canonical", "display", "text", "surface")
        if isinstance(e.get(k), str)
    ]
    for key in ("mentions", "variants", "aliases", "names"):
        for v in e.get(key) or []:
            out.append(v if isinstance(v, str) else (v.get("text") or v.get("surface") or ""))
    return [o for o in out if o]


def matches(found: list[str], gold: list[str]) -> bool:
    """True when a found name and a gold name fold alike."""
    return bool({gold_fold(n) for n in found} & {gold_fold(n) for n in gold})


def score(
    found_by_stem: dict[str, list[dict[str, Any]]], types: tuple[str, ...] = ("PERSON", "PLACE", "ORG")
):
    """(recall, precision, notes) over the seeds' gold entities of ``types``."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
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
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return gold["articles"][path.stem]["title"], path.read_text("utf-8")
