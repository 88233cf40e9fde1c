"""The event similarity: what each piece of evidence adds, on small built profiles."""

from __future__ import annotations

import itertools
import random

import pytest

from khabar.cluster.features import capitalised_words
from khabar.cluster.settings import settings
from khabar.cluster.similarity import (
    EVENT_LATER,
    cohesion,
    cosine,
    date_excess,
    derived,
    headroom,
    norm,
    person_conflict,
    place_agreement,
    protagonist,
    similarity,
)
from khabar.cluster.state import MemoryState
from khabar.cluster.stories import StoryLinker

_CFG = {
    "weights": {"lex": 1.0, "names": 0.5, "date_conflict": 0.2},
    "separate_on_date": False,
    "separate_on_place": False,
    "date_gap_days": 2,
    "max_span_days": 4,
}


def _profile(vec: dict[str, float], cap: dict[str, float] | None = None, day: str | None = None) -> dict:
    return {"vec": vec, "cap": cap or {}, "langs": {"xx": 1}, "lo": day, "hi": day}


def test_without_capitalised_names_the_terms_carry_the_names_weight() -> None:
    # An uncased script (Arabic, Persian) has no capitalised words: its terms stand for the names too,
    # so one threshold means the same evidence in every script.
    p, q = _profile({"a": 1.0, "b": 1.0}), _profile({"a": 1.0, "c": 1.0})
    assert similarity(p, q, _CFG) == pytest.approx(1.5 * 0.5)
    cased_p = _profile({"a": 1.0, "b": 1.0}, {"c:x": 1.0})
    cased_q = _profile({"a": 1.0, "c": 1.0}, {"c:y": 1.0})
    assert similarity(cased_p, cased_q, _CFG) == pytest.approx(0.5)  # names present and disjoint


def test_uncased_names_sets_how_much_the_terms_stand_for_the_names() -> None:
    # Terms shared by a topic already count once; ``uncased_names`` scales their second count.
    p, q = _profile({"a": 1.0, "b": 1.0}), _profile({"a": 1.0, "c": 1.0})
    assert similarity(p, q, {**_CFG, "uncased_names": 0.25}) == pytest.approx((1.0 + 0.5 * 0.25) * 0.5)
    assert similarity(p, q, {**_CFG, "uncased_names": 0.0}) == pytest.approx(0.5)


def test_a_soft_date_conflict_counts_more_the_further_apart() -> None:
    base = _profile({"a": 1.0}, day="2015-07-01")
    near, far = _profile({"a": 1.0}, day="2015-07-04"), _profile({"a": 1.0}, day="2015-07-31")
    assert date_excess(base, near, 2, 4) == 1 and date_excess(base, far, 2, 4) == 28
    assert similarity(base, near, _CFG) > similarity(base, far, _CFG)
    assert similarity(base, far, {**_CFG, "separate_on_date": True}) is None


def test_cosine_with_known_lengths_is_the_cosine() -> None:
    a, b = {"x": 0.3, "y": 1.7, "z": 2.0}, {"y": 0.9, "w": 4.0}
    plain = cosine(a, b)
    assert plain > 0.0
    assert cosine(a, b, norm(a), norm(b)) == plain  # exactly: the same lengths, swapped with the vectors
    assert cosine(b, a, norm(b), norm(a)) == plain
    assert cosine(a, b, 1.0, 1.0) != plain  # the given lengths are used


def test_without_capitalised_names_the_rarest_entities_must_not_conflict() -> None:
    # Two reports in an uncased script with the same words: one names the same rare visitor, the other
    # another one. The common entity (the host, in every report) is weighted low and decides nothing.
    cfg = {**_CFG, "weights": {**_CFG["weights"], "name_conflict": 0.5}, "conflict_names": 1}
    host = {"host": 0.2}
    p = {**_profile({"a": 1.0}), "rents": {**host, "visitor:x": 5.0}}
    same = {**_profile({"a": 1.0}), "rents": {**host, "visitor:x": 4.0}}
    other = {**_profile({"a": 1.0}), "rents": {**host, "visitor:y": 4.0}}
    assert similarity(p, same, cfg) == pytest.approx(1.5)
    assert similarity(p, other, cfg) == pytest.approx(1.5 - 0.5)
    cased = {**p, "cap": {"c:x": 1.0}}, {**other, "cap": {"c:x": 1.0}}
    assert similarity(*cased, cfg) == pytest.approx(1.5)  # where names are capitalised, they decide


def test_a_report_meets_a_loosely_knit_event_by_its_mean_cosine_with_the_reports() -> None:
    # Two reports on unrelated things (orthogonal unit vectors) sum to a centroid that matches a report
    # sharing one word with each; with the group-average link it counts as its mean cosine with them.
    bucket = {**_profile({"a": 1.0, "b": 1.0}), "articles": ["r1", "r2"], "copies": []}
    knit = {**_profile({"a": 2.0}), "articles": ["r1", "r2"], "copies": []}
    report = _profile({"a": 1.0, "b": 1.0})
    assert cohesion(bucket, "vec") == pytest.approx(2**-0.5)
    assert cohesion(knit, "vec") == pytest.approx(1.0)
    linked = {**_CFG, "cohesion_link": 1.0}
    assert similarity(report, bucket, _CFG) == pytest.approx(1.5)
    assert similarity(report, bucket, linked) == pytest.approx(1.5 * 2**-0.5)
    assert similarity(bucket, bucket, linked) == pytest.approx(1.5)  # two events compare centroids


def test_two_sides_from_one_outlet_need_more_evidence() -> None:
    # An outlet seldom reports one happening twice; its desk's reports share a beat's vocabulary.
    cfg = {**_CFG, "weights": {**_CFG["weights"], "same_outlet": 0.1}}
    p, q = _profile({"a": 1.0, "b": 1.0}), _profile({"a": 1.0, "c": 1.0})
    apart = similarity({**p, "outlet": "x"}, {**q, "outlet": "y"}, cfg)
    assert similarity({**p, "outlet": "x"}, {**q, "outlet": "x"}, cfg) == pytest.approx(apart - 0.1)
    # an event covered by several outlets is no one outlet's beat
    assert similarity({**p, "outlet": "x"}, {**q, "outlets": {"x": 2, "y": 1}}, cfg) == pytest.approx(apart)
    assert similarity({**p, "outlet": "x"}, {**q, "outlets": {"x": 3}}, cfg) == pytest.approx(apart - 0.1)


def test_reports_whose_protagonists_differ_need_more_evidence() -> None:
    # Mark Felt's death and Fred LaRue's share every Watergate name; who died is what tells them apart.
    cfg = {**_CFG, "weights": {**_CFG["weights"], "person_conflict": 0.1}}
    types = {"p:felt": "PERSON", "p:larue": "PERSON", "p:nixon": "PERSON", "q:fbi": "ORG"}
    text = _profile({"watergate": 1.0, "throat": 1.0}, {"c:watergate": 1.0})

    def side(ents: dict[str, float], **kept: str | None) -> dict:
        return {**text, "ents": ents, "types": types, **kept}

    felt = side({"p:felt": 1.0, "p:nixon": 0.5, "q:fbi": 0.8})
    larue = side({"p:larue": 1.0, "p:nixon": 0.6})
    assert person_conflict(felt, larue) == 1.0
    assert protagonist(felt["ents"], types) == "p:felt"  # the most salient person, not the body
    apart = similarity(felt, larue, {**cfg, "weights": _CFG["weights"]})
    assert similarity(felt, larue, cfg) == pytest.approx(apart - 0.1)
    # a report that names the other's protagonist, one without a person, or one protagonist: no conflict
    assert person_conflict(felt, side({"p:larue": 1.0, "p:felt": 0.2})) == 0.0
    assert person_conflict(felt, side({"q:fbi": 1.0})) == 0.0
    assert person_conflict(felt, side({"p:felt": 0.4, "p:larue": 0.3})) == 0.0
    # the protagonist an article profile keeps is the one compared
    assert person_conflict(side({"p:nixon": 1.0}, protagonist="p:felt"), larue) == 1.0


def test_across_languages_only_canonical_places_can_conflict() -> None:
    # A place the gazetteer does not know keeps its name as one language spells it ("n:..."): two such
    # names in two languages say nothing about each other, while two canonical ids still conflict.
    un, ny = {"mains": {"n:united nations": 1}}, {"mains": {"n:نيويورك": 1}}
    assert place_agreement(un, ny) is None
    assert place_agreement(un, ny, by_name=False) == 0.0
    vienna, tehran = {"mains": {"Q1741": 1}}, {"mains": {"Q3616": 1, "n:x": 2}}
    assert place_agreement(vienna, tehran, by_name=False) is None


def test_shared_figures_count_for_a_match_and_disjoint_ones_against() -> None:
    cfg = {**_CFG, "weights": {**_CFG["weights"], "figures": 0.2, "figure_conflict": 0.1}}
    plain = similarity(_profile({"a": 1.0, "b": 1.0}), _profile({"a": 1.0, "c": 1.0}), cfg)
    assert plain is not None

    def with_figures(p: dict[str, float], q: dict[str, float]) -> float | None:
        return similarity(
            {**_profile({"a": 1.0, "b": 1.0}), "figures": p},
            {**_profile({"a": 1.0, "c": 1.0}), "figures": q},
            cfg,
        )

    assert with_figures({"43": 1, "120": 1}, {"43": 1, "120": 1}) == pytest.approx(plain + 0.2)
    assert with_figures({"43": 1}, {"44": 1}) == pytest.approx(plain - 0.1)
    assert with_figures({"43": 1}, {}) == pytest.approx(plain)  # one side states none: no evidence


def test_figures_join_reports_across_languages() -> None:
    # Across languages the terms say nothing: the entities and the figures both reports state do.
    cfg = {**_CFG, "weights": {"entities": 0.5, "figures": 0.2, "figure_conflict": 0.1}}
    en = {"vec": {"quake": 1.0}, "ents": {"Q1": 1.0}, "langs": {"en": 1}, "figures": {"6.1": 1, "43": 2}}
    ar = {"vec": {"زلزال": 1.0}, "ents": {"Q1": 1.0}, "langs": {"ar": 1}, "figures": {"6.1": 1, "43": 1}}
    other = {**ar, "figures": {"7.2": 1, "12": 1}}
    assert similarity(en, ar, cfg) > 0.5 > similarity(en, other, cfg)


def test_embeddings_add_their_cosine_in_any_language() -> None:
    # The optional embeddings stage's vectors (``emb``) speak across languages, as entities and figures do.
    en = {"vec": {"quake": 1.0}, "langs": {"en": 1}, "emb": {"0": 0.6, "1": 0.8}}
    ar = {"vec": {"زلزال": 1.0}, "langs": {"ar": 1}, "emb": {"0": 0.8, "1": 0.6}}
    cfg = {**_CFG, "weights": {"embedding": 0.5}}
    assert similarity(en, ar, cfg) == pytest.approx(0.5 * 0.96)
    assert similarity(en, ar, _CFG) == 0.0  # weight 0 (the default): no evidence
    assert similarity(en, {**ar, "emb": {}}, cfg) == 0.0  # one side without the stage


def test_a_weekday_is_no_capitalised_name_that_two_reports_of_one_day_share() -> None:
    # floods in two provinces reported on one Monday share the country, not the names
    golestan = capitalised_words(
        "Floods killed four people in Golestan province on Monday, Hamid Karimi said."
    )
    sistan = capitalised_words("Floods killed nine people in Sistan province on Monday, Reza Ahmadi said.")
    assert "c:monday" not in golestan and "c:golestan" in golestan and "c:karimi" in golestan
    assert cosine(golestan, sistan) == 0.0
    assert "c:pazartesi" not in capitalised_words("Seller Pazartesi günü iki ilde can aldı.")


def _random_profile(rng: random.Random, lang: str) -> dict:
    def vec(prefix: str, n: int) -> dict[str, float]:
        return {f"{prefix}{rng.randrange(12)}": rng.uniform(0.1, 1.0) for _ in range(n)}

    day = f"2015-07-{rng.randrange(1, 6):02d}"
    profile = {
        "vec": vec("t", 6),
        "cap": vec("c:", rng.randrange(3)),
        "ents": vec("Q", 3),
        "rents": vec("Q", 3),
        "figures": vec("", rng.randrange(3)),
        "emb": {"0": rng.uniform(-1, 1), "1": rng.uniform(-1, 1)},
        "mains": {rng.choice(["Q1", "Q2", "n:x"]): 1},
        "lo": day,
        "hi": day,
        "anchored": rng.random() < 0.5,
        "weekdays": {},
        "langs": {lang: 1},
        "kinds": {rng.choice(["attack", "meeting"]): 1},
        "outlet": rng.choice(["a", "b"]),
        "types": {f"Q{i}": rng.choice(["PERSON", "PLACE"]) for i in range(12)},
    }
    return {**profile, **derived(profile, 2)}


@pytest.mark.parametrize("weights", ["shipped", "every"])
def test_a_floor_leaves_every_score_that_reaches_it_as_it_was(weights: str) -> None:
    # With a floor, the terms after the text cosines are skipped where they could not lift the score to
    # it: a pair the floor drops must score below it, and every other score must be exactly the same.
    cfg = settings()
    events, linker_cfg = cfg["events"], cfg["stories"]
    if weights == "every":  # each term of both similarities weighs, the embeddings and names too
        events = {**events, "weights": {k: 0.3 for k in events["weights"]}}
        linker_cfg = {**linker_cfg, "weights": {k: 0.3 for k in linker_cfg["weights"]}}
    linker = StoryLinker(MemoryState(), linker_cfg)
    rng = random.Random(7)
    profiles = [_random_profile(rng, rng.choice(["ar", "ar", "en"])) for _ in range(40)]
    checked = dropped = 0
    later = headroom(events["weights"], *EVENT_LATER)

    def event_score(p: dict, q: dict, floor: float | None) -> float | None:
        return similarity(p, q, events, None if floor is None else floor - later)

    for (p, q), scored in itertools.product(
        itertools.combinations(profiles, 2), (event_score, linker.similarity)
    ):
        score = scored(p, q, None)
        if score is None:
            continue
        for floor in (score - 1e-6, score, score + 1e-6, score + 0.5, score + 1.0):
            got = scored(p, q, floor)
            if got is None:
                assert score < floor
                dropped += 1
            else:
                assert got == score
                checked += 1
    assert checked > 1000 and dropped > 1000
