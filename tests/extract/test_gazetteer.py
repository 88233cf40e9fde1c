"""The shipped gazetteer files (read through load_knowledge) and user gazetteer imports."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from khabar.extract.entities import entities as find_entities
from khabar.extract.gazetteer import GazetteerImportError, import_user_gazetteer
from khabar.extract.knowledge import DATA_DIR, load_knowledge
from khabar.model import Article
from khabar.text.normalize import fold

LANGS = ("en", "ar", "fa", "ru", "tr", "ur")


def entities(etype: str | None = None, *, curated: bool = True) -> list[dict]:
    return [e for e in load_knowledge(curated=curated).entities.values() if etype in (None, e["type"])]


def texts(entity_id: str, lang: str | None = None, *, curated: bool = True) -> set[str]:
    entity = load_knowledge(curated=curated).entities.get(entity_id) or {"variants": []}
    return {fold(v["text"]) for v in entity["variants"] if lang is None or v["lang"] == lang}


def tsv(name: str) -> list[list[str]]:
    """A data TSV's rows, without its header line and comments."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def entity_named(name: str, etype: str) -> dict:
    matches = [e for e in entities(etype) if e["name"] == name]
    assert matches, f"no {etype} named {name}"
    return max(matches, key=lambda e: e.get("population", 0))


def found_in(text: str, lang: str) -> dict[str, dict]:
    """The entities the stage finds in ``text`` (package gazetteer), by display name."""
    return {e["name"]: e for e in find_entities(Article(id="t", text=text, lang=lang)).entities}


def test_every_entity_has_the_contract_shape():
    assert len(entities("PERSON")) >= 250
    for entity in entities():
        assert entity["type"] in ("PERSON", "PLACE", "ORG")
        assert entity["name"] and entity["variants"]
        assert all(v["text"].strip() and v["lang"] for v in entity["variants"])
        if entity["type"] != "PERSON":
            assert entity["kind"]


def test_curated_persons_can_be_switched_off():
    assert entities("PERSON", curated=False) == []
    assert load_knowledge(curated=False).entities.get("Q159") is not None


@pytest.mark.parametrize(
    ("entity_id", "expected"),
    [
        ("Q7747", {"ar": "بوتين", "fa": "پوتین", "en": "Putin", "ru": "Путин", "tr": "Putin", "ur": "پیوٹن"}),
        (
            "person:alexander-lukashenko",
            {"ar": "لوكاشنكو", "fa": "لوکاشنکو", "en": "Lukashenko", "ru": "Лукашенко", "tr": "Lukaşenko"},
        ),
        ("person:sergey-shoigu", {"ar": "شويجو", "fa": "شویگو", "en": "Shoigu", "ru": "Шойгу"}),
        ("Q3874799", {"ar": "زيلنسكي", "fa": "زلنسکی", "ru": "Зеленский", "ur": "زیلنسکی"}),
        ("person:abbas-araghchi", {"ar": "عراقجي", "fa": "عراقچی", "tr": "Arakçi"}),
        ("Q184", {"ar": "روسيا البيضاء", "fa": "بلاروس", "en": "Byelorussia", "ru": "Белоруссия"}),
        ("Q2280", {"ar": "مينسك", "fa": "مینسک", "ru": "Минск"}),
        ("Q1899", {"fa": "کی یف", "en": "Kiev"}),
        ("org:csto", {"ar": "منظمة معاهدة الأمن الجماعي", "ru": "ОДКБ", "en": "CSTO"}),
        ("org:dpa", {"ar": "د ب أ"}),
        ("org:afp", {"ar": "أ ف ب", "fa": "خبرگزاری فرانسه"}),
    ],
)
def test_key_entities_have_variants_in_each_language(entity_id, expected):
    for lang, text in expected.items():
        assert fold(text) in texts(entity_id, lang), f"{entity_id}: {text} ({lang})"


def test_lukashenko_spellings_resolve_to_one_entity():
    spellings = {fold(t) for t in ("لوكاشينكو", "لوكاشنكو", "لوکاشنکو", "Lukashenko")}
    owners = {e["id"] for e in entities() for v in e["variants"] if fold(v["text"]) in spellings}
    assert owners == {"person:alexander-lukashenko"}


def test_us_is_not_washington():
    us = texts("Q30")
    assert fold("الولايات المتحدة") in us and fold("أميركا") in us
    assert fold("واشنطن") not in us
    assert fold("واشنطن") in texts("Q61")


def test_a_longer_agency_abbreviation_is_its_own_agency():
    # اے پی پی (APP, Associated Press of Pakistan) starts with اے پی (AP): the longest variant decides
    text = "اسلام آباد (اے پی پی) وزیراعظم نے کہا کہ اے پی کی خبر درست ہے۔"
    found = list(found_in(text, "ur").values())
    assert [m["text"] for e in found if e["id"] == "org:app" for m in e["mentions"]] == ["اے پی پی"]
    assert [m["text"] for e in found if e["id"] == "org:ap" for m in e["mentions"]] == ["اے پی"]


def test_urdu_spellings_of_places_count_in_urdu_text():
    # GeoNames gives لاہور and انقرہ untagged (read as Arabic), and both are common words of Urdu (the
    # cities' names): their Urdu letter ہ makes them Urdu spellings, not foreign homographs
    text = "وزیر خارجہ نے لاہور سے انقرہ روانگی سے قبل کہا کہ دورہ اہم ہے۔"
    found = set(found_in(text, "ur"))
    assert {"Lahore", "Ankara"} <= found


def test_urdu_shares_persian_names_of_countries_and_capitals_but_not_of_towns():
    # افغانستان and کابل are Persian variants, as common in Urdu as the names they are; کالی (Cali) is "black"
    text = "افغانستان کے دارالحکومت کابل میں طالبان حکومت نے کالی گاڑی پکڑی۔"
    found = set(found_in(text, "ur"))
    assert {"Afghanistan", "Kabul", "Taliban"} <= found
    assert "Cali" not in found


def test_places_carry_population_and_coordinates():
    moscow = entity_named("Moscow", "PLACE")
    assert moscow["id"] == "Q649" and moscow["country"] == "RU"
    assert moscow["population"] > 10_000_000 and 55 < moscow["lat"] < 56
    idaho = [e for e in entities("PLACE") if e["name"] == "Moscow" and e["country"] == "US"]
    assert all(e["population"] < moscow["population"] for e in idaho)


def test_regions_from_cldr_and_curated():
    assert fold("القرم") in texts("region:crimea", "ar")
    assert fold("کریمه") in texts("region:crimea", "fa")
    assert fold("الشرق الأوسط") in texts("region:middle-east", "ar")
    europe = entity_named("Europe", "PLACE")
    assert europe["kind"] == "region" and fold("أوروبا") in texts(europe["id"], "ar")


@pytest.mark.parametrize(
    ("form", "lang", "country"),
    [
        ("الروسي", "ar", "RU"),
        ("الروسية", "ar", "RU"),
        ("الروس", "ar", "RU"),
        ("البيلاروسية", "ar", "BY"),
        ("البيلاروسي", "ar", "BY"),
        ("الإيرانية", "ar", "IR"),
        ("المصريون", "ar", "EG"),
        ("روسی", "fa", "RU"),
        ("آمریکایی", "fa", "US"),
        ("Russian", "en", "RU"),
        ("russe", "fr", "RU"),
        ("ivoirienne", "fr", "CI"),
        ("Rus", "tr", "RU"),
        ("İranlı", "tr", "IR"),
    ],
)
def test_demonyms_map_to_their_country(form, lang, country):
    found = {row[2] for row in tsv("demonyms.tsv") if row[0] == form and row[1] == lang}
    assert found == {country}


def test_demonyms_exclude_ordinary_words():
    forms = {form for form, lang, _ in load_knowledge().demonyms if lang == "ar"}
    assert "المالية" not in forms  # "financial", not Malian
    assert "الولاياتي" not in forms  # multi-word names get no rule-built nisba


def test_homographs_are_marked():
    fars = load_knowledge().entities["org:fars"]
    assert fars["ambiguous"] is True
    short = [v for v in fars["variants"] if v["text"] == "فارس"]
    assert short and all(v.get("ambiguous") for v in short)
    assert not any(v.get("ambiguous") for v in fars["variants"] if v["text"] == "خبرگزاری فارس")
    province = load_knowledge().entities["region:fars-province"]
    assert any(v["text"] == "فارس" and v.get("ambiguous") for v in province["variants"])


def test_a_citys_own_latin_name_is_no_foreign_word_in_its_countrys_language():
    # GeoNames tags Ankara and Malatya English or none; in Turkish they are common as the cities' own names
    text = "Hamas heyetini Ankara'da kabul etti. Malatya ve Kahramanmaraş'ta arama sürüyor."
    found = set(found_in(text, "tr"))
    assert {"Ankara", "Malatya", "Kahramanmaraş"} <= found


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        ("fa", "رئیس مجلس شورای اسلامی گفت", "org:majlis-iran"),
        ("tr", "Türkiye Büyük Millet Meclisi (TBMM) Başkanı", "org:tbmm"),
        ("ar", "صوت الكونغرس على القرار", "org:us-congress"),
        ("ar", "أقر مجلس الدوما الروسي القانون", "org:state-duma"),
        ("ur", "وزیراعظم نے قومی اسمبلی سے خطاب کیا", "org:national-assembly-pakistan"),
    ],
)
def test_parliaments_are_organisations(lang, text, org):
    assert org in {e["id"] for e in found_in(text, lang).values()}


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        # state bodies named by common words, which no head-noun rule can tell from a description
        (
            "fa",
            "سخنگوی قوه قضاییه گفت مصوبه مجلس به شورای نگهبان رفت.",
            {"org:iran-judiciary", "org:guardian-council"},
        ),
        ("fa", "اجلاس مجلس خبرگان رهبری و نیروی انتظامی", {"org:assembly-of-experts", "org:iran-police"}),
        ("ar", "قال المرصد السوري لحقوق الإنسان إن جبهة النصرة هاجمت", {"org:soh", "org:nusra"}),
        (
            "ar",
            "رفع مجلس الاحتياطي الفيدرالي الفائدة، وقالت منظمة العفو الدولية",
            {"org:federal-reserve", "org:amnesty"},
        ),
    ],
)
def test_well_known_institutions_are_organisations(lang, text, orgs):
    assert orgs <= {e["id"] for e in found_in(text, lang).values()}


def test_a_ministry_two_languages_spell_alike_is_read_in_the_texts_language():
    assert "Ministry of Intelligence" in found_in("وزارت اطلاعات اعلام کرد", "fa")
    assert "Ministry of Information" in found_in("وزارت اطلاعات نے اعلان کیا", "ur")


def test_a_russian_name_is_found_in_any_case():
    text = (
        "Президент России встретился с Александром Лукашенко в Минске. Министерство обороны России сообщило."
    )
    found = found_in(text, "ru")
    assert {"Russia", "Minsk", "Alexander Lukashenko", "Ministry of Defence of Russia"} <= set(found)
    assert [m["text"] for m in found["Minsk"]["mentions"]] == ["Минске"]


def test_a_turkish_ministrys_country_comes_before_it():
    found = found_in("Türkiye Dışişleri Bakanlığı Rusya'yı uyardı.", "tr")
    assert "Ministry of Foreign Affairs of Türkiye" in found
    assert "Ministry of Foreign Affairs of Russia" not in found


def test_a_club_named_after_its_city_is_no_mention_of_the_city():
    found = {e["id"]: e for e in found_in("فاز ريال مدريد على مانشستر يونايتد في مدريد أمس.", "ar").values()}
    assert {"org:real-madrid", "org:man-united"} <= set(found)
    madrid = [e for e in found.values() if e["name"] == "Madrid"]
    assert [m["text"] for e in madrid for m in e["mentions"]] == ["مدريد"]


def test_a_short_acronym_is_no_town_spelled_otherwise():
    # ATI is an acronym, not the town of Ati (Chad); a longer name in capitals (a dateline's) is the place
    found = found_in("ATI and AMD met in LONDON and in Ati.", "en")
    assert [m["text"] for m in found["Ati"]["mentions"]] == ["Ati"]
    assert "London" in found


def test_english_given_names_of_the_census_start_names_but_no_place_does():
    found = found_in("Perennial party girl Tara Reid checked in, and Reggie Bush signed. Reid said so.", "en")
    assert [m["text"] for m in found["Tara Reid"]["mentions"]] == ["Tara Reid", "Reid"]
    assert "Reggie Bush" in found
    # Houston is a census first name too, and San Diego's Diego: the city's name is no person's
    found = found_in("The Houston Texans beat the San Diego Chargers in Houston.", "en")
    assert {"Houston", "San Diego"} <= set(found)
    assert not [e for e in found.values() if e["type"] == "PERSON"]


def test_a_person_is_named_in_capitals_only_in_english():
    # a web address's lowercase words are no mentions; a title-case headline's capitals mark no name
    text = (
        "http : / / www . x . com / lindsay - lohan - checks - into - rehab\n"
        "Lindsay Lohan Checks Into Rehab Center Today\nActress Lindsay Lohan checked into rehab, Lohan said."
    )
    persons = [e for e in found_in(text, "en").values() if e["type"] == "PERSON"]
    assert [(e["name"], [m["text"] for m in e["mentions"]]) for e in persons] == [
        ("Lindsay Lohan", ["Lindsay Lohan", "Lindsay Lohan", "Lohan"])
    ]


def test_a_western_name_in_arabic_and_persian_script_is_one_person():
    arabic = found_in("وقالت جنيفر لورانس إنها سعيدة، وقال توني أبوت إنه مستعد.", "ar")
    persian = found_in("جنیفر لارنس گفت که خوشحال است.", "fa")
    assert {"جنيفر لورانس", "توني أبوت"} <= set(arabic)
    assert persian["جنیفر لارنس"]["id"] == arabic["جنيفر لورانس"]["id"]
    # a Persian name that folds onto a frequent Arabic word is not listed: جری (Jerry) is جرى, "took place"
    assert not [e for e in found_in("حيث جرى استعراض المستجدات.", "ar").values() if e["type"] == "PERSON"]


def test_a_persian_name_goes_on_past_ali_and_its_seyyed():
    # علی is a given name in Persian (the Arabic preposition على folds onto it, so Arabic texts do not read it),
    # and سید counts as none of a name's three words
    found = found_in("حجت‌الاسلام سید محمد علی ابطحی گفت که علی مطهری آمد.", "fa")
    assert {"سید محمد علی ابطحی", "علی مطهری"} <= set(found)
    arabic = found_in("وافق محمد على القرار بعد أن اطلع أحمد على الخطة.", "ar").values()
    assert not [e["name"] for e in arabic if e["type"] == "PERSON" and "على" in e["name"]]


def test_a_company_name_that_folds_onto_a_common_word_needs_its_full_name():
    # أبل (Apple) folds as إبل (camels) does: the one word counts only beside "شركة أبل"
    assert "org:apple" not in {
        e["id"] for e in found_in("نفقت الإبل في السوق بعد أن باعت أبل", "ar").values()
    }
    found = found_in("أعلنت شركة أبل نتائجها، وقالت أبل إن أرباحها ارتفعت.", "ar")
    assert len(found["Apple"]["mentions"]) == 2


def test_a_proclitic_before_the_article_leaves_the_name_with_its_article():
    # بالرياض is ب + الرياض (Riyadh), not بال + رياض (a given name too, so flagged ambiguous)
    text = "استقبل ولي العهد ضيفه في قصر اليمامة بالرياض، ثم توجه الضيف بالطائرة إلى اجتماع بالقاهرة."
    found = found_in(text, "ar")
    assert [m["text"] for m in found["Riyadh"]["mentions"]] == ["الرياض"]
    assert [m["text"] for m in found["Cairo"]["mentions"]] == ["القاهرة"]


def test_another_countrys_city_name_is_no_alternate_name():
    # GeoNames gives Chattogram the historical "Islamabad" and Dayton, Ohio "Venice"; Chattogram, bigger, took
    # Pakistan's capital's mentions. A big city keeps the exonyms smaller namesakes bear (St. Petersburg).
    def found(text: str) -> set[str]:
        return {e["id"] for e in found_in(text, "en").values()}

    assert found("Officials met in Islamabad on Monday.") == {"Q1362"}
    assert found("The summit in St. Petersburg ended.") == {"Q656"}
    places = load_knowledge().entities.values()
    assert not any(v["text"] == "Venice" for e in places if e["name"] == "Dayton" for v in e["variants"])


def test_a_city_frequent_as_its_own_name_is_no_homograph():
    # جنيف and ژنو are frequent because Geneva is (talks, the UN), الدوحة because Doha is Qatar's capital;
    # أثينا is frequent because of Athens, Greece, not Athens, Georgia, and فلاديمير is a given name
    found = {
        lang: set(found_in(text, lang))
        for lang, text in (
            ("ar", "اجتمع الوفدان في جنيف ثم سافرا إلى الدوحة."),
            ("fa", "مذاکرات در ژنو ادامه دارد."),
        )
    }
    assert {"Geneva", "Doha"} <= found["ar"] and "Geneva" in found["fa"]
    places = load_knowledge().entities
    georgia = next(e for e in places.values() if e["name"] == "Athens" and e.get("country") == "US")
    assert all(v.get("ambiguous") for v in georgia["variants"] if v["text"] == "أثينا")
    vladimir = next(e for e in places.values() if e["name"] == "Vladimir" and e.get("country") == "RU")
    assert all(v.get("ambiguous") for v in vladimir["variants"] if v["text"] == "فلاديمير")


def test_towns_where_arabic_script_is_official_come_with_their_arabic_names_only():
    # towns of 15k-100k people: Qatif, Umluj and Lahij in their own script; such towns of other countries
    # are left out
    found = found_in("زار الوزير محافظة لحج ثم محافظة أملج ومحافظة القطيف.", "ar")
    assert {"Laḩij", "Umluj", "Al Qaţīf"} <= set(found)
    umluj = entity_named("Umluj", "PLACE")
    assert umluj["population"] < 100_000 and {v["lang"] for v in umluj["variants"]} == {"ar", "en"}
    # in English, the GeoNames name as the press writes it, without its romanized article; not GeoNames'
    # other Latin names (Daraa's "Dara")
    assert "Al Qaţīf" in found_in("A suicide bomber struck a mosque in Qatif on Friday.", "en")
    assert "Ramallah" in found_in("Israeli forces raided Ramallah, in the West Bank, on Monday.", "en")
    # a romanized name that is an English word as well is flagged (Az Zahrā’: Zahra)
    zahra = entity_named("Az Zahrā’", "PLACE")
    assert all(v.get("ambiguous") for v in zahra["variants"] if v["text"] == "Zahra")
    assert "dara" not in texts(entity_named("Dar‘ā", "PLACE")["id"])
    # the towns' rules leave the cities alone: a city keeps its English name even when it is a word (Essen)
    assert "essen" in texts(entity_named("Essen", "PLACE")["id"], "en")
    towns = [e for e in entities("PLACE") if e["kind"] == "city" and e["population"] < 100_000]
    assert towns and all(e.get("capital") or e["country"] not in ("US", "DE", "FR") for e in towns)


def test_towns_and_governorates_geonames_names_only_in_latin_script_are_curated():
    # GeoNames has no Arabic name for Hafar al-Batin or Unaizah, nor records for Al-Ahsa, the Saudi Jouf
    # region or Yemen's governorates: curated in places_extra.jsonl, with populations that rank homonyms
    text = "قصف في أبين وشبوة، ومهرجان في الأحساء وحفر الباطن وعنيزة، وأمطار على الجوف."
    found = found_in(text, "ar")
    assert {"Abyan Governorate", "Shabwah Governorate", "Al-Ahsa", "Hafar Al-Batin", "Unaizah"} <= set(found)
    assert "Al Jawf Region" in found  # the Saudi region (520,000 people), not Libya's town (42,000)
    assert entity_named("Al-Ahsa", "PLACE")["population"] > 1_000_000
    # a town named like a word (حقل "field") counts only named a governorate
    assert "Haql" not in found_in("اكتشاف حقل نفط جديد في المنطقة.", "ar")
    assert "Haql" in found_in("وصل المحافظ إلى محافظة حقل أمس.", "ar")


def test_a_small_town_abroad_named_like_a_word_needs_its_context():
    # Maymana (Afghanistan) is ميمنة "right wing" in Arabic; Arabic is not official there
    assert "Maymana" not in found_in("لعب الظهير على ميمنة الملعب طوال المباراة.", "ar")


def test_a_given_name_of_another_language_that_is_a_word_here_starts_no_name():
    # the Persian اکبر (Akbar) is the Arabic أكبر "largest"; the Russian آنا (Anna) folds onto أنا "I"
    text = "وتعتبر الصين رابع أكبر مستهلك للنفط. وقال اللاعب: أنا سعيد كثيرا في النادي."
    assert not [e for e in found_in(text, "ar").values() if e["type"] == "PERSON"]
    persons = [
        e for e in found_in("اکبر ترکان گفت که مذاکرات ادامه دارد.", "fa").values() if e["type"] == "PERSON"
    ]
    assert [e["name"] for e in persons] == ["اکبر ترکان"]


def test_attested_given_names_start_names_but_nouns_do_not():
    # قصي and فواز are borne by many persons; ختام ("closing") and مائدة ("table") too, but are nouns
    text = "وقال قصي حاتم إن الفريق جاهز، وأكد فواز الشطناوي ذلك. وفي ختام التعاملات ارتفع المؤشر حول مائدة سحور."
    persons = {e["name"] for e in found_in(text, "ar").values() if e["type"] == "PERSON"}
    assert persons == {"قصي حاتم", "فواز الشطناوي"}
    names = {name for name, _ in load_knowledge().given_names}
    assert {"ختام", "مائدة"}.isdisjoint(names)


def test_a_name_as_frequent_as_a_word_starts_names_when_many_bear_it():
    # وائل and علاء are printed as often as words, and borne by many; رفعت ("raised") is a verb far more often
    text = "وقال وائل الكفوري إن الحفل ناجح، وأكد علاء عبد الصادق ذلك. ورفعت الشركة أسعارها، ثم رفعت دعوى قضائية."
    persons = {e["name"] for e in found_in(text, "ar").values() if e["type"] == "PERSON"}
    assert persons == {"وائل الكفوري", "علاء عبد الصادق"}


def test_attested_arabic_family_names_go_on_a_name_but_alone_are_words():
    # سلامة ("safety") and كامل ("complete") are common words, and surnames that many bear
    text = "وقال الفنان طلال سلامة إن الأغنية جاهزة، وأكد صالح كامل أن العمل سيكتمل بشكل كامل."
    persons = {e["name"]: e for e in found_in(text, "ar").values() if e["type"] == "PERSON"}
    assert set(persons) == {"طلال سلامة", "صالح كامل"}
    assert [m["text"] for m in persons["صالح كامل"]["mentions"]] == ["صالح كامل"]


def test_urdu_names_go_on_with_family_names_however_common():
    # Urdu's word frequencies rank خان (6.05) and بخاری (4.93) with the commonest words
    text = "سینیٹر کامران علی بخاری اور جاوید خان نے اجلاس میں شرکت کی۔ میجر جنرل احمد شریف چودھری نے کہا۔"
    persons = {e["name"] for e in found_in(text, "ur").values() if e["type"] == "PERSON"}
    assert {"کامران علی بخاری", "جاوید خان", "احمد شریف چودھری"} <= persons


def test_a_persian_suffix_on_a_longer_names_last_word():
    # "آران نیوزی": the outlet Aran News with an ezafe ی, not the town آران (Aran va Bidgol)
    found = found_in("به گزارش آران نیوزی به نقل از خبرگزاری فارس، جلسه برگزار شد.", "fa")
    assert "Aran News" in found and "Ārān Bīdgol" not in found


def test_no_city_variant_is_a_very_frequent_word():
    for entity in entities("PLACE"):
        if entity["kind"] != "city":
            continue
        for v in entity["variants"]:
            if v.get("ambiguous") or " " in v["text"] or entity["population"] >= 1_000_000:
                continue
            zipf = max(zipf_frequency(v["text"], "ar"), zipf_frequency(v["text"], "fa"))
            assert zipf <= 5.0, f"{entity['name']}: {v['text']}"
    plain = {fold(v["text"]) for e in entities() for v in e["variants"] if not v.get("ambiguous")}
    for word in ("المدينة", "الرئيس", "رئیس", "دولت", "الشرقية", "ميدان", "البورصة"):
        assert fold(word) not in plain


def test_triggers_given_names_and_ministries():
    knowledge = load_knowledge()
    triggers = {(lang, text): role for text, lang, role in knowledge.triggers}
    assert triggers[("ar", "وزير الدفاع")] == "defence_minister"
    assert triggers[("ar", "الناطق باسم")] == "spokesperson"
    assert triggers[("fa", "رئیس جمهور")] == "president"
    assert triggers[("en", "Secretary-General")] == "secretary_general"
    names = knowledge.given_names
    for lang in ("ar", "fa", "en"):
        assert sum(1 for _, g_lang in names if g_lang == lang) >= 200
    assert {"فلاديمير", "سيرغي", "إيمانويل"} <= {name for name, g_lang in names if g_lang == "ar"}
    ministries = {(pattern, lang): portfolio for pattern, lang, portfolio in knowledge.ministries}
    assert ministries[("وزارة الدفاع", "ar")] == "Defence"
    assert ministries[("وزارت امور خارجه", "fa")] == "Foreign Affairs"
    assert ministries[("Defence Ministry", "en")] == "Defence"


def test_outlets_carry_domains():
    orgs = {d: e["id"] for e in entities("ORG") for d in e.get("domains", [])}
    assert orgs["masrawy.com"] == "org:masrawy"
    assert orgs["spa.gov.sa"] == "org:spa"
    assert orgs["okaz.com.sa"] == "org:okaz"


# ---- user gazetteers ---------------------------------------------------------------------------


def test_import_csv(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,type,name,variant,lang\n"
        "x:1,PERSON,Viktor Khrenin,Viktor Khrenin,en\n"
        "x:1,PERSON,Viktor Khrenin,فيكتور خرينين,ar\n"
        "x:2,org,Acme,أكمي,ar\n",
        encoding="utf-8",
    )
    entities = import_user_gazetteer(path)
    assert [e["id"] for e in entities] == ["x:1", "x:2"]
    assert entities[0]["variants"][1] == {"text": "فيكتور خرينين", "lang": "ar"}
    assert entities[1]["type"] == "ORG"


def test_import_jsonl(tmp_path: Path):
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "x:3",
                "type": "PLACE",
                "name": "Sumy",
                "variants": [{"text": "سومي", "lang": "ar"}, "Sumy"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (entity,) = import_user_gazetteer(path)
    assert entity["variants"] == [{"text": "سومي", "lang": "ar"}, {"text": "Sumy", "lang": "und"}]


def test_import_jrc_names(tmp_path: Path):
    path = tmp_path / "entities"
    path.write_text(
        "# JRC-Names\n"
        "1\tP\tu\tVladimir+Putin\n"
        "1\tP\tar\tفلاديمير+بوتين\n"
        "1\tP\tru\tВладимир+Путин\n"
        "2\tO\tu\tEuropean+Commission\n",
        encoding="utf-8",
    )
    putin, commission = import_user_gazetteer(path)
    assert putin["id"] == "jrc:1" and putin["type"] == "PERSON" and putin["name"] == "Vladimir Putin"
    assert {"text": "فلاديمير بوتين", "lang": "ar"} in putin["variants"]
    assert putin["variants"][0]["lang"] == "und"
    assert commission["type"] == "ORG"


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.csv", "id,type,name,variant,lang\nx:1,PERSON,A,A,en\nx:2,ANIMAL,B,B,en\n", 3),
        ("bad.csv", "id,type,name,variant,lang\nx:1,PERSON,A,,en\n", 2),
        ("bad.jsonl", '{"id": "x:1", "type": "ORG", "name": "A"}\n{not json\n', 2),
        ("bad.jsonl", '{"id": "x:1", "type": "ORG"}\n', 1),
        ("entities", "1\tP\tu\tA+B\n2\tX\tu\tC\n", 2),
        ("entities", "1\tP\tu\tA+B\n2\tP\tu\n", 2),
    ],
)
def test_import_reports_file_and_line_of_bad_rows(tmp_path: Path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerImportError) as err:
        import_user_gazetteer(path)
    assert err.value.errors[0].startswith(f"{name}:{line}:")


def test_one_copy_of_the_tables_however_the_call_is_spelled() -> None:
    """The entities stage passes every argument; clustering passes none: both get the same tables."""
    assert load_knowledge() is load_knowledge(None, True, None)
    assert load_knowledge(curated=False) is load_knowledge(None, False, None)


def test_a_broken_line_of_a_user_gazetteer_is_skipped_with_its_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    user = tmp_path / "user.jsonl"
    good = {"id": "person:x-y", "type": "PERSON", "name": "X Y", "variants": [{"text": "X Y", "lang": "en"}]}
    user.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({"name": "no id"}) + "\n", encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING, logger="khabar.extract.knowledge"):
        kb = load_knowledge(user=str(user))
    assert "person:x-y" in kb.entities
    assert f"{user}:2: skipped, not JSON" in caplog.text
    assert f"{user}:3: skipped, not an entity" in caplog.text


def test_a_lineage_name_is_neither_cut_on_its_link_word_nor_starts_with_a_rank():
    # a name after a title is cut after its last word the text uses again; بن recurs with every lineage name
    poets = found_in("يتقدمهم الشاعر حمود بن سلطان المرزوقي، والشاعر عجب بن سميح المرزوقي.", "ar")
    assert poets and not any(name.endswith(" بن") for name in poets)
    # a lineage name goes on with its family name, and names someone else than a kinsman's name ending on it
    assert [m["text"] for m in poets["عجب بن سميح المرزوقي"]["mentions"]] == ["عجب بن سميح المرزوقي"]
    assert [m["text"] for m in poets["حمود بن سلطان المرزوقي"]["mentions"]] == ["حمود بن سلطان المرزوقي"]
    # a theophoric given name written as one word (عبدالمحسن) starts a name, which goes on whole
    text = (
        "الملك سلمان بن عبدالعزيز آل سعود. وشكر محافظ حفر الباطن عبدالمحسن بن محمد العطيشان ومسؤولي المحافظة."
    )
    assert "عبدالمحسن بن محمد العطيشان" in found_in(text, "ar")
    # "اللواء ركن": ركن (staff) goes with the rank
    officer = found_in("استقبله صاحب السمو الملكي اللواء ركن نايف بن ماجد بن سعود قائد القوة.", "ar")
    assert officer and not any(name.startswith("ركن") for name in officer)


def test_a_word_with_a_plural_pronoun_suffix_ends_a_name():
    # أسماء is a given name and "names": أسماء زوجاتهم is "their wives' names", تأشيراتهم "their visas"
    assert not found_in("عبوات خاصة بهم تحمل أسماءهم أو أسماء زوجاتهم.", "ar")
    assert not found_in("وتسلم مدرب الفريق تأشيراتهم من السفارة.", "ar")
    assert "أسماء المحمد" in found_in("وشاركت أسماء المحمد في الحفل.", "ar")


def test_a_name_that_begins_with_abu_is_found_in_every_case():
    # أبو ("father of") declines: سجن أبي غريب (genitive), إن أبا مازن (accusative)
    assert "Abū Ghurayb" in found_in("أفرج عن معتقلين من سجن أبي غريب.", "ar")
    assert "Abu Bakr al-Baghdadi" in found_in("أعلن التنظيم بيعة أبي بكر البغدادي.", "ar")
    assert "Mahmoud Abbas" in found_in("وقال الوزير إن أبا مازن وافق.", "ar")
    # ... and so does a kunya no gazetteer has: the rules take أبي and أبا before a given name as they take أبو
    assert "أبي محمد العدناني" in found_in("بعد مقتل أبي محمد العدناني في غارة.", "ar")
    # a nom de guerre may end on a people's nisba, which then names no country
    assert set(found_in("بعد مقتل أبي مصعب السوري في غارة.", "ar")) == {"أبي مصعب السوري"}


def test_persons_of_the_2000s_are_curated_but_not_by_a_surname_that_is_a_word_or_a_place():
    found = found_in("وقال توني بلير إن جورج بوش ورامسفيلد أخطأوا، وأيده كوفي عنان.", "ar")
    assert {"Tony Blair", "George W. Bush", "Donald Rumsfeld", "Kofi Annan"} <= set(found)
    # عرفات is the pilgrims' plain, مشرف a supervisor, بن لادن a family's building company
    text = "وقف الحجاج على صعيد عرفات، وقال مشرف الموقع إن مجموعة بن لادن أنهت العمل."
    assert not [e for e in found_in(text, "ar").values() if e["type"] == "PERSON"]
    # nor in Persian: مسی is "of copper", طالبانی "Taliban-like"
    text = "تولید سیم مسی افزایش یافت و حکومت طالبانی سقوط کرد."
    assert not [e for e in found_in(text, "fa").values() if e["type"] == "PERSON"]


def test_a_company_after_a_reporting_verb_is_the_curated_company_not_a_person():
    found = found_in("وقالت بوينغ إن الطائرة آمنة، وأعلنت سكايب خدمة جديدة.", "ar")
    assert {e["type"] for e in found.values()} == {"ORG"}
    assert {"Boeing", "Skype"} <= set(found)
    # a company's name that a verb folds onto needs its head noun: أودى بحياة ("claimed the life of")
    assert not found_in("وقع حادث أودى بحياة شخصين.", "ar")
    assert "Audi" in found_in("أعلنت شركة أودي عن سيارة جديدة.", "ar")


def test_a_known_persons_surname_after_another_given_name_is_another_person():
    # كارلوس (Carlos) is on no list of given names, but its letters look foreign: Hugo Chávez is not meant
    found = found_in("وسجل البوليفي كارلوس تشافيز هدفا.", "ar")
    assert "Hugo Chávez" not in found and "كارلوس تشافيز" in found
    assert "Hugo Chávez" in found_in("وقال الرئيس تشافيز إن الثورة مستمرة.", "ar")
    # a common word whose letters look foreign (كان, "was") is no given name
    assert "Ayman al-Zawahiri" in found_in("كان الظواهري قد دعا إلى ذلك.", "ar")


def test_a_town_named_after_a_given_name_is_a_persons_surname_and_so_is_it_alone():
    found = found_in(
        "San Diego Chargers wide receiver Vincent Jackson was arrested on Tuesday. Jackson said he was sorry.",
        "en",
    )
    assert [m["text"] for m in found["Vincent Jackson"]["mentions"]] == ["Vincent Jackson", "Jackson"]
    assert found["Vincent Jackson"]["type"] == "PERSON" and "Jackson" not in found
    # without a person of that name the word is the town; a country keeps its name beside the person's
    assert (
        found_in("Police in Jackson, Mississippi said the suspect fled.", "en")["Jackson"]["type"] == "PLACE"
    )
    both = found_in("Michael Jordan visited Jordan on Monday.", "en")
    assert both["Michael Jordan"]["type"] == "PERSON" and both["Jordan"]["type"] == "PLACE"


def test_a_given_name_in_lower_case_names_no_one_in_a_cased_script():
    assert found_in("The Doctor can regenerate into new bodies, buddy Mike Tripplett said.", "en").keys() == {
        "Mike Tripplett"
    }
    assert "Can Dündar" in found_in("Dr Can Dündar said it.", "en")


def test_a_persian_surname_is_no_common_word_because_arabic_writes_the_name_with_the_article():
    # Arabic الخميني is frequent because it is Khomeini's name, so Persian خمینی alone is his too
    found = found_in("خمینی گفت که انقلاب ادامه دارد.", "fa")
    assert found["Ruhollah Khomeini"]["mentions"][0]["text"] == "خمینی"
    # a bare name that is a common Arabic given name stays ambiguous alone (Saud al-Faisal's فیصل)
    assert "Saud al-Faisal" not in found_in("فیصل گفت که انقلاب ادامه دارد.", "fa")


def test_another_languages_lone_name_needs_its_person_named_in_the_text():
    # Persian جبیر and کری are not the Arabic traveller ابن جبير nor حبيب الكري
    assert "Adel al-Jubeir" not in found_in("وقرأ رحلة ابن جبير في الأندلس.", "ar")
    kerry = found_in("أوضح رئيس البعثة حبيب الكري أن العمل كبير. وأضاف الكري أن الفريق جاهز.", "ar")
    assert "John Kerry" not in kerry


def test_a_turkish_text_reads_english_exonyms_and_case_endings():
    found = found_in(
        "Erdoğan Moskova'da Putin ile görüştü. Heyet dün Washington'da, Irak'ta, Halep'te ve İzmir'de açıklama yaptı.",
        "tr",
    )
    assert {"Moscow", "Washington", "Iraq", "Aleppo", "İzmir"} <= found.keys()
    assert not [e for e in found.values() if e["type"] == "PERSON" and "Moskova" in e["name"]]
    assert "Bir" not in found_in("Bir toplantı yapıldı.", "tr")  # a common word at a sentence's start


def test_an_urdu_text_reads_the_persian_spelling_of_a_pakistani_town():
    found = found_in("وزیر اعظم نے پشاور اور سکھر کا دورہ کیا۔", "ur")
    assert {"Peshawar", "Sukkur"} <= found.keys()


def test_a_persian_text_reads_irans_towns_whose_spelling_is_an_arabic_word_too():
    # مشهد is "scene" in Arabic, which flags the spelling there; in Persian it is Mashhad
    found = found_in("هیئت دیروز به مشهد و یزد و قزوین رفت.", "fa")
    assert {"Mashhad", "Yazd", "Qazvin"} <= found.keys()
    assert "Mashhad" not in found_in("وكان المشهد مؤثرا في الحفل.", "ar")


def test_an_english_text_reads_the_romanized_given_names_of_the_arabic_script_countries():
    # Hamid is Isparta's old name in GeoNames, and Reza on no English list: both start an Iranian's name, whose
    # id is the one the name gets in Persian and in Arabic script
    found = found_in("Hamid Karimi said on Monday that Reza Ahmadi had left Zahedan.", "en")
    assert found["Hamid Karimi"]["type"] == found["Reza Ahmadi"]["type"] == "PERSON"
    assert "Isparta" not in found and "Al Aḩmadī" not in found
    persian = found_in("حمید کریمی روز دوشنبه گفت.", "fa")["حمید کریمی"]
    assert persian["id"] == found["Hamid Karimi"]["id"]
    # a lower-case link goes on the name with the word after it
    found = found_in("The minister, Khalid al-Falih, met Tariq bin Ahmed on Monday.", "en")
    assert found["Khalid al-Falih"]["type"] == found["Tariq bin Ahmed"]["type"] == "PERSON"
    assert "Khalid" not in found
    assert "Mohammed bin Salman" in found_in(
        "Le prince héritier Mohammed ben Salmane a reçu le ministre.", "fr"
    )
    # and its romanized article goes with its word, as Arabic script writes it: one id in both scripts
    arabic = found_in("قال وزير الطاقة خالد الفالح إن الإنتاج سيرتفع.", "ar")["خالد الفالح"]
    assert arabic["id"] == found["Khalid al-Falih"]["id"]
    # a linking particle is no given name: Abu Talat is a town
    assert "Abu Talat" not in found_in("The fault was on a cable between Abu Talat and Marseille.", "en")


def test_a_weekday_ends_an_english_name_and_a_stadium_named_after_a_person_is_no_person():
    found = found_in("A judge sentenced Brian Nichols Saturday to life in prison.", "en")
    assert "Brian Nichols" in found and not any("Saturday" in name for name in found)
    found = found_in("The final was played at King Fahd Stadium in Riyadh.", "en")
    assert found["King Fahd Stadium"]["type"] == "ORG"


def test_a_persian_surname_as_frequent_as_a_word_goes_on_a_given_name_and_links_across_scripts():
    # احمدی and موسوی are as frequent in Persian as words are, because so many bear them
    found = found_in(
        "رضا احمدی مدیرکل مدیریت بحران استان روز دوشنبه گفت. احمدی افزود که امدادگران رسیده‌اند.", "fa"
    )
    assert [m["text"] for m in found["رضا احمدی"]["mentions"]] == ["رضا احمدی", "احمدی"]
    assert found["رضا احمدی"]["id"] == found_in("Reza Ahmadi said on Monday.", "en")["Reza Ahmadi"]["id"]
    assert "محمد موسوی" in found_in("محمد موسوی به خبرنگاران گفت.", "fa")
    # in Arabic text the Persian spelling is also Kuwait's town (الأحمدي): after a given name, and alone after
    # the person named in full, it is the surname
    arabic = found_in("قال رضا أحمدي إن السيول قتلت تسعة أشخاص. وأضاف أحمدي أن الفرق وصلت.", "ar")
    assert [m["text"] for m in arabic["رضا أحمدي"]["mentions"]] == ["رضا أحمدي", "أحمدي"]
    assert arabic["رضا أحمدي"]["id"] == found["رضا احمدی"]["id"] and "Al Aḩmadī" not in arabic
    assert "Al Aḩmadī" in found_in("وقع الحادث في مدينة الأحمدي الكويتية.", "ar")
