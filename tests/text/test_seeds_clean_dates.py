"""html.v1 + clean.v1 + dates.v1 on the founding articles, scored like ../shared/checks/seeds_check.py."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from khabar.model import Article
from khabar.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
GOLD = ROOT.parent.parent / "shared" / "seeds" / "gold.json"
if not GOLD.exists():
    GOLD = Path("/work/shared/seeds/gold.json")

# The comparison form of seeds_check.py (kept identical on purpose: this test scores the way the check does).
_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و",
    "\u200c": " ", "\u200d": "", "\u00a0": " ", "ـ": "",
    "“": '"', "”": '"', "«": '"', "»": '"', "،": ",", "؛": ";", "؟": "?",
})  # fmt: skip


def fold(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = "".join(ch for ch in s if not ("\u064b" <= ch <= "\u065f" or ch == "\u0670"))
    s = s.translate(_FOLD).lower()
    s = re.sub(r"[\"'()\[\].:!?,;…\-–—]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def matches(found: list[str], gold: list[str]) -> bool:
    return bool({fold(n) for n in found if n} & {fold(n) for n in gold})


@pytest.fixture(scope="module")
def analysed() -> dict[str, Article]:
    pipe = Pipeline(["khabar.text.html.v1", "khabar.text.clean.v1", "khabar.text.dates.v1"])
    out = {}
    for p in SEEDS:
        out[p.stem] = pipe(
            Article(id=p.stem, path=str(p), raw=p.read_text("utf-8"), content_type="text/plain")
        )
    return out


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD.exists():
        pytest.skip(f"gold file {GOLD} not present")
    return json.loads(GOLD.read_text(encoding="utf-8"))["articles"]


def test_seed_files_present():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("stem", [p.stem for p in SEEDS])
def test_seed_title_published_dateline(stem, analysed, gold):
    a, g = analysed[stem], gold[stem]
    assert fold(a.title) == fold(g["title"])
    if g["published"]:
        assert a.published and a.published.startswith(g["published"])
    else:
        assert a.published is None
    if g["dateline"]:
        assert matches([a.dateline["place"]["name"], a.dateline["place"]["text"]], g["dateline"]["place"])
        assert matches([a.dateline["agency"]["name"], a.dateline["agency"]["text"]], g["dateline"]["agency"])


@pytest.mark.parametrize("stem", [p.stem for p in SEEDS])
def test_seed_boilerplate(stem, analysed, gold):
    a, g = analysed[stem], gold[stem]
    text = fold(a.text)
    for line in g["not_in_body"]:
        assert re.search(rf"(^| ){re.escape(fold(line))}( |$)", text) is None, line
    for start in g["body_starts"]:
        assert fold(start) in text, start


def test_seed_metadata(analysed):
    assert analysed["001_008f0bbb976f5b92"].meta["outlet_name"] == "مصراوي"
    thabat = analysed["003_260b10cfabfba221"].meta
    assert (thabat["outlet_name"], thabat["section"]) == ("الثبات", "دولي")
    rt = analysed["002_9022c90057377cdd"].meta
    assert rt["source_names"] == ["سبوتنيك", "RT عربية"]
    assert [a.meta.get("weekday") for a in analysed.values()] == [
        "Monday",
        "Monday",
        "Thursday",
        "Monday",
        "Monday",
    ]
