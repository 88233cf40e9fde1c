"""One normalization for matching and search, shared by the index and by queries.

Display text keeps the writer's spelling; this folded form is only for comparing strings.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic-script marks: harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ی",
        "ي": "ی",
        "ئ": "ی",
        "ې": "ی",
        "ۍ": "ی",
        "ك": "ک",
        "ڪ": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ە": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ؤ": "و",
        "ـ": "",  # tatweel
        "\u200c": " ",
        "\u200d": "",
        "\u200e": "",
        "\u200f": "",
        "\ufeff": "",
        "\u00a0": " ",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‹": "'",
        "›": "'",
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "٫": ".",
        "٬": ",",
    }  # fmt: skip
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TOKEN = re.compile(r"\w+", re.UNICODE)

# Proclitics, longest first: Arabic conjunctions, prepositions and the article.
_AR_PREFIXES = (
    "وبال",
    "فبال",
    "وكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "و",
    "ف",
    "ب",
    "ل",
    "ک",
)
# Persian plural and ezafe / indefinite suffixes, longest first.
_FA_SUFFIXES = ("های", "ها", "ای", "ی")
_MIN_STEM = 3  # after a two-letter or longer proclitic
_MIN_STEM_AFTER_LETTER = 4  # after a one-letter proclitic (و ف ب ل ک), which often begins a word


def fold(text: str) -> str:
    """The comparison form: NFKC, no marks or tatweel, one letter per variant, ASCII digits, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", text)
    return text.translate(_FOLD).translate(_DIGITS).lower()


def tokens(text: str) -> list[str]:
    """Folded word tokens."""
    return _TOKEN.findall(fold(text))


def strip_clitics(token: str) -> str:
    """The token without one Arabic proclitic and one Persian suffix, when a stem of 3+ letters is left.

    ``token`` must already be folded (so ``ك`` is ``ک``).
    """
    for prefix in _AR_PREFIXES:
        least = _MIN_STEM if len(prefix) > 1 else _MIN_STEM_AFTER_LETTER
        if token.startswith(prefix) and len(token) - len(prefix) >= least:
            token = token[len(prefix) :]
            break
    for suffix in _FA_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM + 1:
            return token[: -len(suffix)]
    return token


def index_text(text: str) -> str:
    """Text for the full-text index: every folded token, followed by its clitic-free stem when different."""
    out: list[str] = []
    for tok in tokens(text):
        out.append(tok)
        stem = strip_clitics(tok)
        if stem != tok:
            out.append(stem)
    return " ".join(out)


def match_query(query: str) -> str:
    """An FTS5 MATCH expression for a user query: every folded token must occur.

    The index also holds clitic-free stems, so a bare query word finds its cliticised forms.
    """
    return " AND ".join(f'"{tok}"' for tok in tokens(query))
