"""PERSON / PLACE / ORG precision and recall of khabar.extract.entities.v1 on the NER test sets.

    PYTHONPATH=src python bench/ner_eval.py [--gazetteer DIR] [--no-curated] [--fac-as-place] [--limit N] [--ner DIR]

Mention level, exact span at token level: each sentence's tokens are joined with spaces into a
text, the stage runs on it (lang fa or ar), each mention's character span is mapped to the tokens
it touches, and (type, first token, last token) must equal a gold span. Nationality adjectives
(mentions marked ``adj``) are not names and are left out. With ``--ner DIR`` the optional NER stage
(``khabar.neural.ner``, the token classifier exported to DIR) runs on each sentence first.
Gold: ArmanPersoNER pers->PERSON, loc->PLACE, org->ORG (fac ignored unless --fac-as-place;
pro, event ignored); CLEANANERCorp PERS->PERSON, LOC->PLACE, ORG->ORG (MISC ignored).
Spans of ignored gold types count neither way.
"""

from __future__ import annotations

import argparse
import bisect
from collections import Counter
from pathlib import Path

from khabar.extract.entities import entities
from khabar.model import Article
from khabar.neural.ner import ner

BENCH = Path("/work/shared/bench/ner")
SETS = {
    "fa": (BENCH / "armanpersoner_test_fold1.txt", {"pers": "PERSON", "loc": "PLACE", "org": "ORG"}),
    "ar": (BENCH / "cleananercorp_test.txt", {"PERS": "PERSON", "LOC": "PLACE", "ORG": "ORG"}),
}
TYPES = ("PERSON", "PLACE", "ORG")


def sentences(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as (token, tag) lists."""
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                out.append(cur)
            cur = []
        elif len(parts) >= 2:
            cur.append((parts[0], parts[-1]))
    if cur:
        out.append(cur)
    return out


def spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(label, first, last) token spans of an IOB/BIO tag sequence."""
    out, start, label = [], None, None
    for k, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        if start is not None and (kind != "I" or lab != label):
            out.append((label, start, k - 1))
            start = None
        if kind == "B" or (kind == "I" and start is None):
            start, label = k, lab
    return out


def evaluate(
    lang: str,
    gazetteer: str | None,
    curated: bool,
    fac_as_place: bool,
    limit: int | None,
    ner_model: str | None = None,
) -> None:
    path, mapping = SETS[lang]
    if not path.exists():
        print(f"{lang}: {path} is absent")
        return
    mapping = dict(mapping) | ({"fac": "PLACE"} if fac_as_place and lang == "fa" else {})
    tp, fp, fn = Counter(), Counter(), Counter()
    for sent in sentences(path)[:limit]:
        words = [w for w, _ in sent]
        starts, pos = [], 0
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        text = " ".join(words)
        gold_all = spans([t for _, t in sent])
        gold = {(mapping[lab], a, b) for lab, a, b in gold_all if lab in mapping}
        ignored = {(a, b) for lab, a, b in gold_all if lab not in mapping}
        art = Article(id="s", text=text, title="", lang=lang)
        if ner_model:
            art = ner([art], model=ner_model)[0]
        art = entities(art, gazetteer=gazetteer, curated=curated)
        pred = set()
        for e in art.entities:
            for m in e["mentions"]:
                if m.get("adj"):
                    continue
                a = bisect.bisect_right(starts, m["start"]) - 1
                b = bisect.bisect_right(starts, m["end"] - 1) - 1
                if (a, b) not in ignored:
                    pred.add((e["type"], a, b))
        for t in TYPES:
            g = {s for s in gold if s[0] == t}
            p = {s for s in pred if s[0] == t}
            tp[t] += len(g & p)
            fp[t] += len(p - g)
            fn[t] += len(g - p)
    notes = [
        ("no curated persons", not curated),
        ("fac as PLACE", fac_as_place),
        (f"NER {ner_model}", ner_model),
    ]
    print(f"{path.name} ({', '.join([lang, *(note for note, on in notes if on)])})")
    for t in (*TYPES, "ALL"):
        a, b, c = (sum(x.values()) for x in (tp, fp, fn)) if t == "ALL" else (tp[t], fp[t], fn[t])
        prec, rec = a / (a + b) if a + b else 0.0, a / (a + c) if a + c else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"  {t:6} P {prec:.3f}  R {rec:.3f}  F1 {f1:.3f}  (tp {a}, fp {b}, fn {c})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazetteer", default=None, help="gazetteer directory (default: the package data)")
    ap.add_argument("--no-curated", action="store_true")
    ap.add_argument("--fac-as-place", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences only")
    ap.add_argument("--lang", default="fa,ar")
    ap.add_argument(
        "--ner", default=None, metavar="DIR", help="run the NER stage with the model in DIR first"
    )
    args = ap.parse_args()
    for lang in args.lang.split(","):
        evaluate(lang, args.gazetteer, not args.no_curated, args.fac_as_place, args.limit, args.ner)


if __name__ == "__main__":
    main()
