"""Linking spellings, scripts and short forms of person names to one entity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ..text.normalize import match_key
from .skeleton import entity_key

SON_OF = frozenset({"بن", "ابن", "بنت"})
"""Folded Arabic words of a lineage: son of, daughter of (the name after them is a father's)."""
MIN_FUZZY = 5
"""Skeletons at least this long may differ by one letter and still link."""


def close(a: str, b: str) -> bool:
    """Two skeletons of one name: equal, or one edit apart when both are long."""
    if a == b:
        return bool(a)
    return min(len(a), len(b)) >= MIN_FUZZY and Levenshtein.distance(a, b, score_cutoff=1) <= 1


MIN_LONE_KEY = 5
"""Skeleton letters a one-word name needs before it may stand for a curated person on its own."""


@dataclass
class PersonKeys:
    """Curated persons by the skeletons of their full names and of their surnames."""

    full: dict[str, set[str]] = field(default_factory=dict)
    surname: dict[str, set[str]] = field(default_factory=dict)
    spelled: dict[str, set[str]] = field(default_factory=dict)
    """Curated persons by the match key of each spelling (folded, without spaces)."""
    _firsts: dict[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)

    def add(self, entity_id: str, name: str) -> None:
        """Index one spelling of a curated person's name."""
        key = entity_key(name)
        if not key:
            return
        self._firsts = None
        self.full.setdefault(key, set()).add(entity_id)
        self.spelled.setdefault(match_key(name), set()).add(entity_id)
        last = key.rsplit(" ", 1)[-1]
        if len(last) >= 3:
            self.surname.setdefault(last, set()).add(entity_id)

    def first_names(self, entity_id: str) -> frozenset[str]:
        """The first words of a curated person's names of two words or more (skeleton keys)."""
        if self._firsts is None:
            firsts: dict[str, set[str]] = {}
            for k, ids in self.full.items():
                if " " in k:
                    for eid in ids:
                        firsts.setdefault(eid, set()).add(k.split(" ")[0])
            self._firsts = {eid: frozenset(fs) for eid, fs in firsts.items()}
        return self._firsts.get(entity_id, frozenset())

    def unlike_first_name(self, entity_id: str, *words: str) -> bool:
        """Whether first words (skeletons; "" for none) are all unlike every first name of a curated person's:
        none equals one, begins with it or is one letter from it (سيرجي, srj, and سيرغي, srk, are one name
        transliterated; بيل is not Hillary, رفيق not Saad Hariri)."""
        firsts = self.first_names(entity_id)
        return bool(firsts) and all(
            not f.startswith(word) and Levenshtein.distance(word, f, score_cutoff=2) > 1
            for f in firsts
            for word in words
            if word
        )

    def find(self, key: str, spelling: str | None = None) -> str | None:
        """The curated person a rule-found name is, when one and only one fits its key.

        A one-word name stands for a curated person only when its key is long and distinctive, even where a
        curated spelling is that one word: "Saied" (sd) must not make سعود, سعد and زياد Kais Saied.
        ``spelling``, the name as written, when only a curated spelling may link it: an Arabic name of the
        patronymic kind (بن, عبد, أبو) is spelled, not transliterated, so one whose skeleton is a curated
        person's is another name (محمد بن سليمان is not محمد بن سلمان, nor محمد بن سعود Mohamed bin Zayed)."""
        if spelling is not None:
            ids = self.spelled.get(match_key(spelling), set())
            return next(iter(ids)) if len(ids) == 1 else None
        parts = key.split(" ")
        if len(parts) == 1 and len(key) < MIN_LONE_KEY:
            return None
        full = self.full.get(key)
        if full and len(full) == 1:
            return next(iter(full))
        ids = self.surname.get(parts[-1], set())
        if len(ids) != 1:
            return None
        (only,) = ids
        if len(parts) == 1:  # one word alone, long enough (not محمد, فيصل, which are first names too)
            return only
        return only if any(_same_first(parts[0], f) for f in self.first_names(only)) else None


def _same_first(word: str, first: str) -> bool:
    """A first word (skeleton) that a curated first name is, or begins with."""
    return close(word, first) or first.startswith(word)


def group_names(names: Iterable[tuple[str, list[str]]]) -> list[list[int]]:
    """Group rule-found names of one document: (original text, folded words) -> index groups.

    Longer names come first; a name whose surname skeleton (and first name, when both have one)
    is close to an earlier group's joins it: "بوتين" joins "فلاديمير بوتين". Two lone words join only
    when spelled alike: many names share a short skeleton (سعود and سعد are both sd). A lone word does not
    join a name that ends on a father's name (محمد, ناصر بن محمد).
    """
    items = list(names)
    order = sorted(range(len(items)), key=lambda k: -len(items[k][1]))
    groups: list[tuple[list[str], bool, list[int]]] = []
    for k in order:
        parts = entity_key(items[k][0]).split(" ")
        words = items[k][1]
        fathers = len(words) > 2 and words[-2] in SON_OF
        for gparts, gfathers, members in groups:
            same_last = close(parts[-1], gparts[-1])
            same_first = len(parts) == 1 or len(gparts) == 1 or close(parts[0], gparts[0])
            lone = len(parts) == 1 and len(gparts) == 1
            # a name that ends on a father's name (ناصر بن محمد) is not what that name alone names
            father = (len(parts) == 1 and gfathers) or (len(gparts) == 1 and fathers)
            if same_last and same_first and not father and (not lone or words == items[members[0]][1]):
                members.append(k)
                break
        else:
            groups.append((parts, fathers, [k]))
    return [members for _, _, members in groups]
