"""English organisations no gazetteer has: capitalised words and a head noun (``org_heads.tsv``, lang en).

The head ends the name ("Anchorage Daily News", "US Geological Survey", "Intel Corp") or starts it before "of"
or "for" ("Department of Homeland Security", "University of California", "Medical Center for Federal
Prisoners"), or both ("Bank of America Corp"). A role word or a given name ends a name a head starts ("Office
of Management and Budget | Director Peter Orszag"), and so does "and" before another head's name ("Department
of Health and Human Services | and Intel Corp"). Every word of the name is capitalised; "of", "for", "and", "&"
and "the" join capitalised words inside it. A word that starts sentences but no name (``name_stops.tsv``: "The",
"After") is no part of it, nor is a word another organisation or a person already holds; a place or a
nationality adjective is ("US", "Anchorage") and keeps its own mention. A head alone ("Police said") names
nothing, and neither does a title-case sentence (a headline: "Quake Hits Indonesia Police Say"), where every
word is capitalised.
"""

from __future__ import annotations

from collections.abc import Callable

from .matcher import Tokens, gazetteer_words, title_case
from .names import clean_gap
from .org_names import OrgName

_LANG = "en"
_AFTER_HEAD = frozenset({"of", "for"})
_LINKS = frozenset({"of", "for", "and", "&", "the"})


def english_orgs(
    toks: Tokens, covered: list[str | None], starts_person: Callable[[str], bool]
) -> list[OrgName]:
    """The organisations a capitalised English head noun names in ``toks`` (see the module's docstring);
    ``starts_person`` tells a folded word that ends a name a head starts (a role word or a given name: "Office
    of Management and Budget | Director Peter Orszag")."""
    present = gazetteer_words("org_heads.tsv", _LANG) & toks.vocabulary
    if not present:
        return []
    out: list[OrgName] = []
    done = 0
    for k in (k for k, folded in enumerate(toks.folds) if folded in present):
        if k < done or covered[k] is not None or not _capitalised(toks, k):
            continue
        i = k
        while i > done and clean_gap(toks, i - 1, allow_comma=False):
            if _name_word(toks, i - 1, covered):
                i -= 1
            elif (
                toks.folds[i - 1] == "of"
                and i > done + 1
                and toks.folds[i - 2] in present
                and clean_gap(toks, i - 2, allow_comma=False)
                and _name_word(toks, i - 2, covered)
            ):
                i -= 2  # another head before "of": "Bank of America Corp"
            else:
                break
        j = k + 1
        if toks.folds[k + 1 : k + 2] and toks.folds[k + 1] in _AFTER_HEAD and _linked(toks, k + 1, covered):
            j = k + 2
            while (
                j < len(toks)
                and clean_gap(toks, j - 1, allow_comma=False)
                and not starts_person(toks.folds[j])
                and (_name_word(toks, j, covered) or (toks.folds[j] in _LINKS and _linked(toks, j, covered)))
            ):
                j += 1
            j = _before_next_head(toks, k, j, present)
        if (i, j) == (k, k + 1) or title_case(toks, k):
            continue
        start, end = toks.starts[i], toks.ends[j - 1]
        out.append(OrgName(i, j, start, " ".join(toks.folds[i:j]), toks.text[start:end]))
        done = j
    return out


def _before_next_head(toks: Tokens, k: int, j: int, heads: set[str] | frozenset[str]) -> int:
    """The end of a name whose head at k starts it and whose words run to j: before its last "and" or "&" when
    another head follows that ("Department of Health and Human Services | and Intel Corp")."""
    for n in range(j - 1, k, -1):
        if toks.folds[n] in heads:
            links = [m for m in range(k + 1, n) if toks.folds[m] in ("and", "&")]
            return links[-1] if links else j
    return j


def _capitalised(toks: Tokens, k: int) -> bool:
    return toks.text[toks.starts[k]].isupper()


def _name_word(toks: Tokens, k: int, covered: list[str | None]) -> bool:
    """Word k can be a word of a name: capitalised, no sentence-initial function word, no person's or
    organisation's (a place and an adjective are)."""
    cov = covered[k]
    return (
        _capitalised(toks, k)
        and toks.folds[k] not in gazetteer_words("name_stops.tsv", _LANG)
        and (cov is None or cov == "PLACE" or cov.startswith("ADJ:"))
    )


def _linked(toks: Tokens, k: int, covered: list[str | None]) -> bool:
    """Link word k ("of", "and") has a name word right after it (no punctuation between)."""
    return k + 1 < len(toks) and clean_gap(toks, k, allow_comma=False) and _name_word(toks, k + 1, covered)
