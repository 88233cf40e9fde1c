"""Comparing clustering profiles: an article's and an event's (or two events') evidence of being one happening.

A profile is a JSON-ready dict, the same shape for one article and for a whole event:
``vec`` (weighted terms), ``cap`` (capitalised words), ``ents`` (entity id -> weight),
``figures`` (quantity -> count), ``mains`` (main place -> count), ``lo``/``hi`` (ISO date range or
None), ``anchored`` (whether those dates rest on a publication date from metadata rather than on the
text alone), ``weekdays`` (explicit weekday -> count), ``langs`` (lang -> count), ``kinds`` (kind -> count), ``emb`` (the
summed embeddings of the optional embeddings stage, dimension -> value; empty without it).
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import math
import operator
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from .features import WEEKDAYS, contains

Profile = dict[str, Any]
_STATEMENT = "statement"


def cosine(
    a: Mapping[str, float], b: Mapping[str, float], a_norm: float | None = None, b_norm: float | None = None
) -> float:
    """Cosine similarity of two sparse vectors; ``a_norm``/``b_norm`` are their :func:`norm` when known.

    The shared terms are found by the keys' set intersection, in C (most pairs share a few of their 70
    to 200 terms), and their products added by ``fsum``, exact and so independent of the set's order:
    1.5 times as fast as testing each term of the shorter vector in Python, on SaudiNewsNet's vectors."""
    if not a or not b:
        return 0.0
    shared = a.keys() & b.keys()
    if not shared:
        return 0.0
    dot = math.fsum([a[k] * b[k] for k in shared])
    if dot == 0.0:
        return 0.0
    return dot / ((norm(a) if a_norm is None else a_norm) * (norm(b) if b_norm is None else b_norm))


def norm(vec: Mapping[str, float]) -> float:
    """The Euclidean length, from the squared weights added in the vector's order (as a generator would)."""
    return math.sqrt(sum(map(operator.mul, vec.values(), vec.values())))


VECTORS = ("vec", "cap", "ents", "figures", "emb")
"""The fields of a profile that are sparse vectors."""


def norms(profile: Mapping[str, Any]) -> dict[str, float]:
    """The lengths of the vectors a profile has (a story has no ``figures``)."""
    return {f: norm(profile[f] or {}) for f in VECTORS if f in profile}


def derived(profile: Mapping[str, Any], names: int = 0) -> dict[str, Any]:
    """What every comparison of a profile would otherwise compute again, for the profile to keep: the lengths
    of its vectors (``norms``), its main :func:`places` and, with ``names``, the keys of its ``names``
    most salient capitalised names and rarest entities (``salient``, what :func:`name_conflict` compares)."""
    out: dict[str, Any] = {"norms": norms(profile), "places": places(profile.get("mains") or {})}
    if names > 0:
        out["salient"] = {
            "k": names,
            "cap": sorted(_top_keys(profile.get("cap") or {}, names)),
            "rents": sorted(_top_keys(_rare_entities(profile), names)),
        }
    return out


def field_cosine(p: Mapping[str, Any], q: Mapping[str, Any], field: str) -> float:
    """The cosine of two profiles' ``field``, using the lengths they keep (``norms``) when they have them."""
    pn, qn = p.get("norms") or {}, q.get("norms") or {}
    return cosine(p.get(field) or {}, q.get(field) or {}, pn.get(field), qn.get(field))


def embedding_score(p: Mapping[str, Any], q: Mapping[str, Any], cfg: Mapping[str, Any]) -> float:
    """``weights.embedding`` times how far the cosine of two sides' embeddings (``emb``) rises above
    ``embedding_floor``, scaled to 0-1: reports of unrelated happenings still share a register and a genre, so
    a model's cosine between them is seldom near 0 (.20 on average, .54 at the 99th percentile for the
    Universal Sentence Encoder on ECB+), and the part of it below the floor says nothing. Not computed at
    weight 0."""
    weight = cfg["weights"].get("embedding")
    if not weight:
        return 0.0
    floor = float(cfg.get("embedding_floor", 0.0))
    return weight * max(0.0, field_cosine(p, q, "emb") - floor) / (1.0 - floor)


def add_into(target: dict[str, float], source: Mapping[str, float], sign: float = 1.0) -> None:
    """``target += sign * source``, dropping entries that reach zero."""
    for k, w in source.items():
        v = target.get(k, 0.0) + sign * w
        if abs(v) < 1e-9:
            target.pop(k, None)
        else:
            target[k] = v


def truncate(vec: dict[str, float], size: int) -> dict[str, float]:
    """The ``size`` heaviest entries (ties broken by key, so the result is deterministic)."""
    if len(vec) <= size:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:size])


def top(counts: Mapping[str, float]) -> str | None:
    """The most frequent key (the smallest key among ties), or None."""
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counts else None


def _strong(counts: Mapping[str, float]) -> set[str]:
    total = sum(counts.values())
    return {k for k, n in counts.items() if n * 3 >= total}


@functools.lru_cache(maxsize=4096)
def day(iso: str) -> dt.date:
    """The date of an ISO date string (cached: the same few hundred dates are compared millions of times)."""
    return dt.date.fromisoformat(iso)


def _gap_span(p: Profile, q: Profile) -> tuple[int, int]:
    """Days between two dated profiles' ranges (0 when they overlap) and the days they span together."""
    lo1, hi1, lo2, hi2 = day(p["lo"]), day(p["hi"]), day(q["lo"]), day(q["hi"])
    return max((lo2 - hi1).days, (lo1 - hi2).days, 0), (max(hi1, hi2) - min(lo1, lo2)).days


def _range_gap(p: Profile, q: Profile, max_span: int) -> int | None:
    """Days between two date ranges (0 when they overlap); a huge gap when together they would span too long."""
    if not p.get("lo") or not q.get("lo"):
        return None
    gap, span = _gap_span(p, q)
    return 1 << 30 if span > max_span else gap


def date_excess(p: Profile, q: Profile, gap: int, max_span: int) -> int:
    """How many days two dated profiles lie beyond the allowed ``gap`` or would together exceed ``max_span``."""
    apart, span = _gap_span(p, q)
    return max(apart - gap, span - max_span, 0)


def _weekday_fits(weekdays: Mapping[str, int], p: Profile, gap: int) -> bool:
    """Whether some day from ``gap`` days before p's dates to their end falls on one of ``weekdays``."""
    lo, hi = day(p["lo"]) - dt.timedelta(days=gap), day(p["hi"])
    span = min((hi - lo).days, 6)
    days = {WEEKDAYS[(lo + dt.timedelta(days=i)).weekday()] for i in range(span + 1)}
    return bool(days & set(weekdays))


def time_agreement(
    p: Profile, q: Profile, gap: int, max_span: int, *, use_weekdays: bool = True
) -> float | None:
    """None when the dates (or, without dates, the weekdays) conflict; else how close in time, 0..1.

    Dates conflict when the ranges are more than ``gap`` days apart or would together span more
    than ``max_span`` days (so an event cannot drift through weeks of follow-ups).
    """
    d = _range_gap(p, q, max_span)
    if d is not None:
        return None if d > gap else 1.0 - d / (gap + 1)
    if not use_weekdays:
        return 0.0
    pw, qw = p.get("weekdays") or {}, q.get("weekdays") or {}
    if pw and qw:
        return 0.5 if set(pw) & set(qw) else None
    if pw and q.get("lo"):
        return 0.5 if _weekday_fits(pw, q, gap) else None
    if qw and p.get("lo"):
        return 0.5 if _weekday_fits(qw, p, gap) else None
    return 0.0


def places(mains: Mapping[str, float]) -> list[Any]:
    """``[strong, top]``: the main places named by at least a third of the reports (sorted), and the most named.

    What :func:`place_agreement` compares; a profile compared often (a story's) keeps it as ``places``."""
    return [sorted(_strong(mains)), top(mains)]


def place_agreement(p: Profile, q: Profile, *, by_name: bool = True) -> float | None:
    """1 when the main places agree, None when they conflict, 0 when one is unknown or only the broader
    of the two (a country, a region the gazetteer puts the other in: Kuwait and Kuwait City).

    Without ``by_name`` (two languages), places the gazetteer does not know (``n:`` keys, a name as one
    language spells it) are unknown: only canonical ids can agree or conflict across languages."""
    pm, qm = p.get("mains") or {}, q.get("mains") or {}
    if not by_name:
        pm, qm = _canonical(pm), _canonical(qm)
    if not pm or not qm:
        return 0.0
    (ps, ptop), (qs, qtop) = _places_of(p, pm), _places_of(q, qm)
    if not set(ps).isdisjoint(qs):
        return 1.0
    if ptop in qm or qtop in pm:
        return 0.5
    if contains(ptop, qtop) or contains(qtop, ptop):
        return 0.0
    return None


def _places_of(p: Profile, mains: Mapping[str, float]) -> list[Any]:
    """:func:`places` of ``mains``: those ``p`` keeps when they are its own main places."""
    if mains is p.get("mains"):
        return p.get("places") or places(mains)
    return places(mains)


def _canonical(mains: Mapping[str, float]) -> Mapping[str, float]:
    """The places among ``mains`` that have a canonical id (all of them, most often: no copy then)."""
    if not any(k.startswith("n:") for k in mains):
        return mains
    return {k: n for k, n in mains.items() if not k.startswith("n:")}


def same_language(p: Profile, q: Profile) -> bool:
    """Whether lexical comparison makes sense: a shared language, or an unknown one."""
    pl, ql = set(p.get("langs") or ()), set(q.get("langs") or ())
    return bool(pl & ql) or "und" in pl or "und" in ql


def _top_keys(vec: Mapping[str, float], k: int) -> set[str]:
    return {t for t, _ in heapq.nsmallest(k, vec.items(), key=lambda kv: (-kv[1], kv[0]))}


def name_conflict(
    p: Mapping[str, float],
    q: Mapping[str, float],
    k: int,
    p_top: Collection[str] | None = None,
    q_top: Collection[str] | None = None,
) -> float:
    """0..1: how much each side's ``k`` most salient names are missing from the other (both must hold names).

    Two reports of one happening share their protagonists; the same kind of happening with other
    people or places names others. Overlap alone cannot tell these apart when the shared topic
    vocabulary is large, so the mismatch is counted as evidence against. ``p_top``/``q_top``: the sides'
    ``k`` most salient keys, when known (:func:`derived`).
    """
    if not p or not q or k <= 0:
        return 0.0
    tp = _top_keys(p, k) if p_top is None else p_top
    tq = _top_keys(q, k) if q_top is None else q_top
    return (sum(t not in q for t in tp) / len(tp)) * (sum(t not in p for t in tq) / len(tq))


def _salient(p: Profile, field: str, k: int) -> list[str] | None:
    """The ``k`` most salient keys of ``p``'s names (``cap``) or rarest entities (``rents``), when it keeps them."""
    kept = p.get("salient")
    return kept[field] if kept and kept["k"] == k else None


def salient_conflict(p: Profile, q: Profile, field: str, k: int) -> float:
    """:func:`name_conflict` of two profiles' capitalised names (``field`` ``"cap"``) or rarest entities
    (``"rents"``), from the ``k`` most salient keys each side keeps (:func:`derived`) when it keeps them."""
    names_p, names_q = (
        (p.get("cap") or {}, q.get("cap") or {}) if field == "cap" else (_rare_entities(p), _rare_entities(q))
    )
    return name_conflict(names_p, names_q, k, _salient(p, field, k), _salient(q, field, k))


def protagonist(ents: Mapping[str, float], types: Mapping[str, str]) -> str | None:
    """The most salient person among ``ents`` (typed by ``types``; the smallest key among ties), or None."""
    return top({k: w for k, w in ents.items() if types.get(k) == "PERSON"})


def _protagonist_of(p: Profile) -> str | None:
    """A profile's :func:`protagonist`: the one it keeps (an article's), else computed from its entities."""
    if "protagonist" in p:
        return p["protagonist"]
    return protagonist(p.get("ents") or {}, p.get("types") or {})


def person_conflict(p: Profile, q: Profile) -> float:
    """1 when each side's most salient person is another and neither side names the other's, else 0.

    Two reports of one happening share its protagonist whatever else they share: Mark Felt's death and
    Fred LaRue's are told with the same Watergate names, Zarif's defence of the nuclear deal before the Iranian
    parliament and the US defence secretary's in the Gulf with the same words. A side without a person says
    nothing."""
    a, b = _protagonist_of(p), _protagonist_of(q)
    if a is None or b is None or a == b:
        return 0.0
    return float(a not in (q.get("ents") or {}) and b not in (p.get("ents") or {}))


def _rare_entities(p: Mapping[str, Any]) -> Mapping[str, float]:
    """A profile's entities weighted by rarity (``rents``), or by salience (``ents``) where it has none."""
    return (p["rents"] if "rents" in p else p.get("ents")) or {}


def _one_outlet(p: Profile) -> str | None:
    """The outlet of a profile whose reports all come from one outlet (an article's own), else None."""
    outlets = p.get("outlets")
    if outlets:
        return next(iter(outlets)) if len(outlets) == 1 else None
    return p.get("outlet")


def cohesion(p: Profile, field: str) -> float:
    """How closely an event's reports agree on ``field`` (``vec`` or ``cap``): the length of the sum of
    their unit vectors over their number; 1 for one report, near 1/sqrt(n) for n unrelated ones.

    The cosine with that sum (the centroid) times the cohesion is the mean cosine with the reports
    (group-average link): a topic bucket's centroid matches any report on the topic, its reports do not.
    """
    members = len(p.get("articles") or ()) - len(p.get("copies") or ())
    if members <= 1:
        return 1.0
    length = (p.get("norms") or {}).get(field)
    if length is None:
        length = norm(p.get(field) or {})
    return min(1.0, length / members) if length else 1.0


def _cosine(p: Profile, q: Profile, field: str, link: float) -> float:
    """The cosine of two profiles' ``field``, times both sides' :func:`cohesion` to the power ``link``."""
    score = field_cosine(p, q, field)
    if score and link:
        score *= (cohesion(p, field) * cohesion(q, field)) ** link
    return score


def headroom(weights: Mapping[str, float], gains: Iterable[str], losses: Iterable[str]) -> float:
    """The most that terms weighted ``gains`` (each adding up to its weight) and ``losses`` (each taking off up to
    its weight) can add to a score, and a little more for rounding: a caller that needs a score of ``floor``
    can stop where the score so far falls short of ``floor`` less this."""
    up = sum(max(0.0, weights.get(g, 0.0)) for g in gains)
    return up + sum(max(0.0, -weights.get(c, 0.0)) for c in losses) + 1e-9


EVENT_LATER = (
    ("embedding", "figures", "kind"),
    ("name_conflict", "person_conflict", "figure_conflict", "same_outlet"),
)
"""The weights of the terms :func:`similarity` adds after the text cosines and the entities: gains, losses."""


def similarity(p: Profile, q: Profile, cfg: Mapping[str, Any], need: float | None = None) -> float | None:
    """The weighted evidence that ``p`` and ``q`` are one event; None when a hard conflict separates them, or
    when the score cannot reach the caller's floor (``need``: that floor less the :func:`headroom` of
    :data:`EVENT_LATER`).

    Within a language the text speaks for itself (terms and names; where a side has no capitalised
    names, as in Arabic or Persian, the terms carry the names' weight too, and the entities weighted by
    rarity, ``rents``, stand for the names in the name conflict); canonical entity ids are the
    bridge across languages, and within one they count with the factor ``same_language_entities``.
    Within a language, two sides whose protagonists differ (:func:`person_conflict`) lose
    ``weights.person_conflict``: across languages a person's name is keyed by its spelling unless curated.
    Dates, weekdays and main places add agreement, and their conflicts either separate outright
    (``separate_on_*``) or count against (``weights.*_conflict``; a date conflict by the log of the
    days beyond ``date_gap_days``/``max_span_days``, so long runs of follow-ups need strong text).
    A date conflict separates outright (``separate_on_date``) only when both sides' dates are
    anchored by a publication date; a date read from the text alone is a guess (it may be a
    background date), so its conflict only counts against, unless ``separate_on_text_dates``.
    The figures both state (``figures``: a toll, a sum, a magnitude, written alike in every script) add
    their cosine times ``weights.figures``, in any language; two sides that both state figures and
    share none lose ``weights.figure_conflict``. The cosine of their embeddings (``emb``, where the
    optional embeddings stage ran) adds ``weights.embedding`` times itself, in any language too.
    Two sides from one and the same outlet lose ``weights.same_outlet``: an outlet seldom reports one
    happening twice, and its desk's reports share a beat's vocabulary (a club, a ministry, a town).
    Where a report meets an event, terms and names count by their cosine times the event's
    :func:`cohesion` to the power ``cohesion_link`` (0: centroid link; 1: group-average link), so a
    loosely knit event needs closer reports; two events (a merge) compare centroids. With ``need``, what
    follows the text cosines (the name and person conflicts, figures, outlet and kind) is not computed where the score
    so far and the entities' term fall short of it: most candidates share little of a report's text.
    """
    w = cfg["weights"]
    gap = int(cfg.get("date_gap_days", 2))
    span = int(cfg.get("max_span_days", 4))
    lexical = same_language(p, q)
    # Across languages only entities speak for a match, so a conflict of time or place separates.
    strict = not lexical and bool(cfg.get("separate_across_languages", True))
    hard_weekday = strict or bool(cfg.get("separate_on_weekday", True))
    when = time_agreement(p, q, gap, span, use_weekdays=True)
    score = 0.0
    if when is None:
        dated = _range_gap(p, q, span) is not None
        firm = bool(p.get("anchored", True) and q.get("anchored", True)) or bool(
            cfg.get("separate_on_text_dates", False)
        )
        hard_date = strict or (bool(cfg.get("separate_on_date", True)) and firm)
        if (hard_date and dated) or (hard_weekday and not dated):
            return None
        if dated:  # a soft date conflict counts more the further apart the dates lie
            score -= w.get("date_conflict", 0.0) * math.log2(1 + date_excess(p, q, gap, span))
        else:
            score -= w.get("weekday_conflict", 0.0)
        when = 0.0
    where = place_agreement(p, q, by_name=lexical)
    if where is None:
        if strict or cfg.get("separate_on_place", True):
            return None
        score -= w.get("place_conflict", 0.0)
        where = 0.0
    score += w.get("time", 0.0) * when + w.get("place", 0.0) * where
    ents = field_cosine(p, q, "ents")
    if lexical:
        one_event = ("articles" in p) != ("articles" in q)
        link = float(cfg.get("cohesion_link", 0.0)) if one_event else 0.0
        lex = _cosine(p, q, "vec", link)
        cap_p, cap_q = p.get("cap") or {}, q.get("cap") or {}
        if cap_p and cap_q:
            score += w.get("lex", 0.0) * lex + w.get("names", 0.0) * _cosine(p, q, "cap", link)
            field = "cap"
        else:  # no capitalised names (an uncased script): the text stands for the names too, with
            # the factor ``uncased_names`` (the terms already count once, so a full second count
            # would let a shared topic vocabulary join), and the rarest entities stand for the
            # names that must not conflict
            stand_in = float(cfg.get("uncased_names", 1.0))
            score += (w.get("lex", 0.0) + w.get("names", 0.0) * stand_in) * lex
            field = "rents"
        factor = float(cfg.get("same_language_entities", 1.0))
        if need is not None and score + max(0.0, w.get("entities", 0.0) * ents * factor) < need:
            return None
        score -= w.get("name_conflict", 0.0) * salient_conflict(
            p, q, field, int(cfg.get("conflict_names", 3))
        )
        if w.get("person_conflict"):
            score -= w["person_conflict"] * person_conflict(p, q)
        ents *= factor
    score += w.get("entities", 0.0) * ents
    score += embedding_score(p, q, cfg)
    figures = field_cosine(p, q, "figures")
    if figures:
        score += w.get("figures", 0.0) * figures
    elif p.get("figures") and q.get("figures"):
        score -= w.get("figure_conflict", 0.0)
    outlet = _one_outlet(p)
    if outlet is not None and outlet == _one_outlet(q):
        score -= w.get("same_outlet", 0.0)
    pk, qk = top(p.get("kinds") or {}), top(q.get("kinds") or {})
    if pk and pk == qk and pk != _STATEMENT:
        score += w.get("kind", 0.0)
    return score
