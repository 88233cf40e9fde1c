"""Build src/khabar/data/langid/{ar,fa,ur}.tsv: very frequent words that tell Arabic, Persian and Urdu apart.

A word of language L is kept when it is among L's most frequent words in wordfreq and, under the
matching key langid uses (ي->ی, ك->ک, marks removed), it is at least GAP zipf more frequent in L than in
each other language. ps, ckb and ug (absent from wordfreq) are written by hand in the same format.

    PYTHONPATH=src python scripts/build_langid_words.py
"""

from __future__ import annotations

from pathlib import Path

import wordfreq

from khabar.text.langid import word_key

LANGS = ("ar", "fa", "ur")
TOP = 200
GAP = 1.5
MAX_LEN = 6
OUT = Path(__file__).resolve().parents[1] / "src" / "khabar" / "data" / "langid"


def zipf_by_key(lang: str) -> dict[str, float]:
    table: dict[str, float] = {}
    for word in wordfreq.top_n_list(lang, 20000):
        key = word_key(word)
        table.setdefault(key, wordfreq.zipf_frequency(word, lang))
    return table


def main() -> None:
    tables = {lang: zipf_by_key(lang) for lang in LANGS}
    for lang in LANGS:
        rows = []
        for word in wordfreq.top_n_list(lang, TOP):
            key = word_key(word)
            z = tables[lang][key]
            if len(key) <= MAX_LEN and all(z - tables[o].get(key, 0.0) >= GAP for o in LANGS if o != lang):
                rows.append(f"{key}\t{z:.2f}")
        header = f"# word\tzipf in {lang} (wordfreq; built by scripts/build_langid_words.py)\n"
        (OUT / f"{lang}.tsv").write_text(header + "\n".join(dict.fromkeys(rows)) + "\n", encoding="utf-8")
        print(lang, len(rows))


if __name__ == "__main__":
    main()
