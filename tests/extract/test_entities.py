"""The entity stage, mechanism by mechanism, on sentences written for the tests (not the seeds)."""

from __future__ import annotations

from khabar.extract.entities import entities
from khabar.model import Article
from khabar.pipeline import Pipeline

from .gaz import by_name


def mentions(e):
    return [m["text"] for m in e["mentions"]]


def test_offsets_index_the_text(run):
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا وبيلاروسيا والصين تتحدث.\nثم غادر ماكرون."
    for e in run(text, "ar"):
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_clitics_are_stripped_only_to_reach_an_entity(run):
    found = by_name(
        run("زار الوفد بموسكو وبيلاروسيا ثم توجه للصين، والتقى ولوكاشينكو والولايات المتحدة.", "ar")
    )
    assert mentions(found["Moscow"]) == ["موسكو"]
    assert mentions(found["Belarus"]) == ["بيلاروسيا"]
    assert "China" in found
    assert mentions(found["Alexander Lukashenko"]) == ["لوكاشينكو"]
    assert mentions(found["United States"]) == ["الولايات المتحدة"]
    # و/ب/ل at the start of an ordinary word do not make it an entity
    assert not by_name(run("وصل بعد لقاء طويل في مكان بعيد.", "ar"))


def test_nationality_adjectives_point_at_their_country(run):
    found = by_name(run("قال المسؤول الإيراني إن الجانب التركي وافق.", "ar"))
    assert found["Iran"]["mentions"][0]["adj"] is True
    assert found["Turkey"]["type"] == "PLACE"
    en = by_name(run("A Chinese delegation met Ukrainian officials.", "en"))
    assert {"China", "Ukraine"} <= set(en)
    assert not by_name(run("قال المسؤول الإيراني إن الجانب التركي وافق.", "ar", adjectives=False))


def test_adjective_with_article_is_not_the_country_name(run):
    # الروسية reads as the adjective (folds like Persian روسیه = Russia): the mention is marked adj
    found = by_name(run("وأعلنت الحكومة الروسية ذلك.", "ar"))
    assert found["Russia"]["mentions"][0].get("adj") is True


def test_ministry_pattern_with_adjective(run):
    found = by_name(run("ونشرت وزارة الخارجية الإيرانية بيانا.", "ar"))
    org = found["Ministry of Foreign Affairs of Iran"]
    assert org["type"] == "ORG" and mentions(org) == ["وزارة الخارجية الإيرانية"]
    assert "Ministry of Defence of Turkey" in by_name(run("The Turkish Defence Ministry said.", "en"))


def test_a_ministry_without_its_country_is_the_texts_one_of_its_portfolio(run):
    found = by_name(
        run("قالت وزارة الدفاع الروسية إن الوفد وصل، وأضافت وزارة الدفاع أن المحادثات بدأت.", "ar")
    )
    assert mentions(found["Ministry of Defence of Russia"]) == ["وزارة الدفاع الروسية", "وزارة الدفاع"]
    # named nowhere with its country, it is still an organisation, of no known country
    alone = by_name(run("وأضافت وزارة الخارجية أن المحادثات بدأت.", "ar"))
    assert alone["Ministry of Foreign Affairs"]["id"] == "ministry:foreign_affairs"


def test_ministry_pattern_with_its_countrys_name(run):
    # the genitive after it (Persian ezafe, "of"), or a possessive before it: the same ministry as the adjective's
    for text, lang in [
        ("سخنگوی وزارت دفاع روسیه گفت", "fa"),
        ("The Ministry of Defence of Russia said.", "en"),
        ("Russia's Defence Ministry said.", "en"),
    ]:
        assert "Ministry of Defence of Russia" in by_name(run(text, lang)), text
    # a comma, or another word, ends the ministry's name: the country is the sentence's
    assert "Ministry of Foreign Affairs of Iran" not in by_name(
        run("سخنگوی وزارت امور خارجه، ایران را", "fa")
    )
    assert "Ministry of Defence of Russia" not in by_name(
        run("In Russia Defence Ministry officials met.", "en")
    )


def test_homograph_needs_its_context(run):
    agency = by_name(run("به گزارش خبرگزاری فارس، هیئت به تهران رسید.", "fa"))
    assert agency["Fars News Agency"]["type"] == "ORG" and "Tehran" in agency
    # فارس alone (the province, or "Persian") is neither the agency nor, without support, the province
    alone = by_name(run("هوای فارس امروز گرم بود.", "fa"))
    assert "Fars News Agency" not in alone and "Fars Province" not in alone
    # once the agency is named in full, its short form links to it
    both = by_name(run("نقلت وكالة فارس الخبر. وأضافت فارس أن الوفد وصل.", "ar"))
    assert len(both["Fars News Agency"]["mentions"]) == 2


def test_ambiguous_place_resolved_by_container_and_size(run):
    assert "Moscow, Idaho" in by_name(run("The shooting happened in Moscow, Idaho, on Sunday.", "en"))
    assert "Moscow" in by_name(run("Talks were held in Moscow on Sunday.", "en"))
    assert "Alexandria, Virginia" in by_name(run("He lives in Alexandria, Virginia.", "en"))
    assert "Alexandria" in by_name(run("He was born in Alexandria.", "en"))


def test_lowercase_latin_words_are_not_names(run):
    assert not by_name(run("the moscow mule is a drink; turkey for dinner.", "en"))


def test_persons_by_trigger_and_adjective(run):
    found = run("قال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني إن بلاده ترفض ذلك.", "ar")
    person = next(e for e in found if e["type"] == "PERSON")
    assert person["name"] == "ناصر كنعاني" and person["id"].startswith("person:")
    assert person["country"] == "Q794" and person["romanized"].isascii()
    en = by_name(run("White House spokesman John Kirby said on Monday that talks continue.", "en"))
    assert "John Kirby" in en
    fa = by_name(run("ناصر کنعانی سخنگوی وزارت امور خارجه گفت که مذاکرات ادامه دارد.", "fa"))
    assert "ناصر کنعانی" in fa


def test_a_role_noun_and_its_complement_before_a_given_name(run):
    # وزير التعليم العالي: the role noun in the construct state, its definite complement, then the name
    found = by_name(run("وقال وزير التعليم العالي ناصر العنقري إن الجامعات جاهزة.", "ar"))
    assert mentions(found["ناصر العنقري"]) == ["ناصر العنقري"]
    found = by_name(run("وقال وزير الإعلام الإيراني أحمد كنعاني إن الحكومة لن تتراجع.", "ar"))
    assert "أحمد كنعاني" in found and found["أحمد كنعاني"]["country"] == "Q794"
    # the complement is skipped only for a given name after it: no person in "the minister of health"
    assert not [e for e in run("وأكد وزير الصحة العامة أن المستشفيات جاهزة.", "ar") if e["type"] == "PERSON"]
    # a title with the article takes no complement (الوزير الجديد is no name's start)
    assert not [e for e in run("وقال الوزير الجديد ناصر إن الخطة جاهزة.", "ar") if e["name"] == "الجديد"]


def test_a_title_and_a_given_name_go_on_with_a_rare_family_name(run):
    # الدعيع is no nisba and no given name with the article, but a rare word: the family name
    found = by_name(run("وقال الوزير ناصر الدعيع إن الخطة جاهزة. وأكد الدعيع ذلك.", "ar", curated=False))
    assert mentions(found["ناصر الدعيع"]) == ["ناصر الدعيع", "الدعيع"]


def test_lone_surname_after_trigger_needs_repetition(run):
    text = "استقبل الرئيس تبون ضيفه. وقال تبون إن العلاقات جيدة."
    found = by_name(run(text, "ar"))
    assert len(found["تبون"]["mentions"]) == 2
    assert not [
        e for e in run("وقبيل زيارة الرئيس الروسي، تنامت التكهنات حول نيته.", "ar") if e["type"] == "PERSON"
    ]
    assert not [e for e in run("وشدد الرئيس الروسي على أن الاتفاق قائم.", "ar") if e["type"] == "PERSON"]


def test_a_lone_foreign_surname_after_a_role_word_and_a_nationality_adjective(run):
    # once is enough when an adjective stands between and the word is rare and looks foreign
    found = by_name(run("وقال وزير الدفاع الأمريكي رامسفيلد إن الحرب مستمرة.", "ar", curated=False))
    assert found["رامسفيلد"]["country"] == "Q30" and mentions(found["رامسفيلد"]) == ["رامسفيلد"]
    # not a verb after the adjective, alone or with its object, nor a rare word without the adjective
    for text in (
        "وقال وزير الخارجية الأمريكي يزور المنطقة غدا.",
        "وقال وزير الدفاع رامسفيلد إن الحرب مستمرة.",
        "وأكد الرئيس الفرنسي سيعقد اجتماعا.",
    ):
        assert not [e for e in run(text, "ar", curated=False) if e["type"] == "PERSON"], text


def test_rare_words_after_a_role_word_and_a_nationality_adjective_are_a_name(run):
    # إيهود أولمرت looks no more foreign than Arabic words do, but both words are rare (zipf 3.2)
    found = run("وقال رئيس الوزراء الأمريكي إيهود أولمرت إن المحادثات مستمرة.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["إيهود أولمرت"]


def test_a_list_of_names_joined_by_and(run):
    # وأحمد is as frequent as a word of its own (zipf 4.2), but right after a name it starts the next one
    found = run("وحضر محمد الحوراني وأحمد المشوخي الاجتماع.", "ar", curated=False)
    assert {e["name"] for e in found if e["type"] == "PERSON"} == {"محمد الحوراني", "أحمد المشوخي"}


def test_a_known_surname_after_another_given_name_is_another_person(run):
    def persons(text: str) -> dict[str, str]:
        found = run(text, "ar")
        return {m["text"]: e["id"] for e in found if e["type"] == "PERSON" for m in e["mentions"]}

    # محمد is none of Macron's first names: محمد ماكرون is someone else; إيمانويل ماكرون is Macron
    found = persons("وقال محمد ماكرون إن الخطة جاهزة. وقال إيمانويل ماكرون إنه موافق.")
    assert found["إيمانويل ماكرون"] == "Q3052772" and found["محمد ماكرون"] != "Q3052772"
    # a first name the gazetteer spells otherwise (سيرجي, سيرغي) is his: the mention stays Shoigu's
    assert persons("وقال سيرجي شويغو إن الجيش مستعد.") == {"شويغو": "Q5752"}
    # a person the text named by his surname alone does not take in another first name (أحمد بوتين)
    found = persons("وصل بوتين إلى موسكو. وقال أحمد بوتين إن المحل مغلق.")
    assert found["بوتين"] == "Q7747" and found["أحمد بوتين"] != "Q7747"


def test_a_kunya_is_part_of_the_name(run):
    # أبو محمد: "father of Muhammad", the name its bearer goes by
    found = run("وقال أبو محمد الحوراني إن التنظيم انقسم.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["أبو محمد الحوراني"]


def test_a_given_name_before_a_known_persons_name_is_no_one_else(run):
    # the gazetteer spells حسن نصر الله: أحمد, before it, is no person of its own
    found = run("وقال الرئيس أحمد حسن نصر الله إن المقاومة مستمرة.", "ar")
    assert [e["id"] for e in found if e["type"] == "PERSON"] == ["Q57373"]


def test_a_role_phrase_is_no_part_of_a_name(run):
    # خادم alone may end a name (zipf 4.5), but خادم الحرمين الشريفين is the king's title: the object of
    # Hussein's congratulations, or the subject after a verb that reads as a given name (عزى, عزي)
    found = run("وهنأ حسين خادم الحرمين الشريفين بالعيد.", "ar", curated=False)
    assert not [e for e in found if e["type"] == "PERSON"]


def test_a_lone_word_after_a_noun_in_the_construct_state_is_its_complement(run):
    # رئيس خفر السواحل: the head of the coast guard, whatever the document repeats; الرئيس تبون is a name
    found = run("وقال رئيس خفر السواحل إن الزورق غرق. وأضاف رئيس خفر السواحل أن", "ar", curated=False)
    assert not [e for e in found if e["type"] == "PERSON"]
    found = run("استقبل الرئيس تبون ضيفه. وقال تبون إن العلاقات جيدة.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["تبون"]


def test_a_form_of_address_is_no_name():
    # سمو, معالي: His Highness, His Excellency, before a title; never a person (the package's triggers)
    text = "إثر ذلك شاهد سمو الأمير فيصل بن خالد العرض. ويحظى المهرجان بدعم ورعاية سمو أمير منطقة عسير."
    found = entities(Article(id="t", text=text, title="", lang="ar")).entities
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["فيصل بن خالد"]


def test_given_name_persons_and_conjunctions(run):
    found = run("اجتمع فلاديمير سولوفيوف وألكسندر دوغين في المؤتمر.", "ar", curated=False)
    names = {e["name"] for e in found if e["type"] == "PERSON"}
    assert names == {"فلاديمير سولوفيوف", "ألكسندر دوغين"}


def test_a_role_phrase_that_starts_with_a_given_name_is_no_name(run):
    # Devlet is a given name (Devlet Bahçeli) and starts the trigger Devlet Başkanı (president)
    found = run("Rusya Devlet Başkanı Vladimir Putin, Soçi'de Devlet Bahçeli ile görüştü.", "tr")
    assert {e["name"] for e in found if e["type"] == "PERSON"} == {"Vladimir Putin", "Devlet Bahçeli"}


def test_a_name_word_that_starts_like_a_proclitic_is_a_word_of_its_own_when_commoner(run):
    # بوش (Bush, Zipf 4.47) is no ب + وش (4.01); لشؤون is ل + شؤون
    found = run("قال الرئيس الأميركي جورج بوش إن الحرب انتهت.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["جورج بوش"]


def test_a_chain_of_linking_words_takes_its_name_part(run):
    # بن takes عبد, which takes المحسن: the name does not end on عبد; a lineage name goes on with its family
    # name, which has the article
    found = run("وحضر الحفل الأمير زياد بن عبد المحسن البازعي.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["زياد بن عبد المحسن البازعي"]


def test_a_name_inside_a_longer_name_is_no_person(run):
    # a hospital named after a king, and the father's name after a prince's: no mention of either person;
    # الله alone is God
    found = run(
        "زار الأمير محمد بن ناصر بن أحمد مستشفى الملك محمد الخامس التخصصي، داعيا الله سبحانه أن يشفي المرضى.",
        "ar",
        curated=False,
    )
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["محمد بن ناصر بن أحمد"]


def test_a_lineage_name_goes_on_past_three_words_to_its_family_name(run):
    # بن and آل do not count towards a name's three words; عبد does, without a lineage (the verb after
    # حسين عبد الناصر is no part of his name)
    found = run(
        "بعث الأمير عبد الله بن ناصر آل ثاني برقية. وأعفي الوزير محمد بن عبد الله التويجري من منصبه. "
        "وكان الرئيس حسين عبد الناصر يأمر بذلك.",
        "ar",
        curated=False,
    )
    assert {e["name"] for e in found if e["type"] == "PERSON"} == {
        "عبد الله بن ناصر آل ثاني",
        "محمد بن عبد الله التويجري",
        "حسين عبد الناصر",
    }


def test_lineage_names_sharing_their_first_and_last_words_are_different_persons(run):
    # the father's name tells them apart, not the grandfather's they share
    found = run(
        "وأعفي الوزير محمد بن أحمد التويجري، وعين الأمير محمد بن ناصر بن أحمد مستشارا، وأعفي الأمير محمد "
        "بن حسين بن أحمد.",
        "ar",
        curated=False,
    )
    persons = [e for e in found if e["type"] == "PERSON"]
    assert len(persons) == 3
    assert len({e["id"] for e in persons}) == 3
    # nor is a father the son who bears his name: محمد التويجري is not ناصر بن محمد التويجري, nor محمد
    # ناصر بن محمد
    for text in (
        "وحضر الأمير ناصر بن محمد التويجري، ثم الأمير محمد التويجري.",
        "وحضر الأمير ناصر بن محمد، ثم الأمير محمد.",
    ):
        persons = [e for e in run(text, "ar", curated=False) if e["type"] == "PERSON"]
        assert len({e["id"] for e in persons}) == 2, text


def test_a_lineage_name_with_a_family_name_is_the_person_its_short_forms_name(run):
    # محمد بن ناصر التويجري goes by محمد التويجري, and alone by التويجري: one person, whose id an article
    # that only writes محمد التويجري gives too
    full = run("وقال الوزير محمد بن ناصر التويجري إن الوزارة مستعدة. وأضاف التويجري أن", "ar", curated=False)
    short = run("وقال الوزير محمد التويجري إن الوزارة مستعدة.", "ar", curated=False)
    persons = [e for e in full if e["type"] == "PERSON"]
    assert [(e["name"], len(e["mentions"])) for e in persons] == [("محمد بن ناصر التويجري", 2)]
    assert [e["id"] for e in short if e["type"] == "PERSON"] == [persons[0]["id"]]


def test_an_accusative_without_its_mark_ends_a_name(run):
    # اعتبارا is اعتبار with the alef of an indefinite accusative: "from", no surname; كونديرا is no word
    # without its alef
    found = run("يخضع الرئيس السابق حسين حبري اعتبارا من غد للمحاكمة.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["حسين حبري"]
    found = run("وقال الروائي حسين كونديرا إن الجائزة تأخرت.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["حسين كونديرا"]


def test_a_given_name_goes_on_with_a_family_name_or_a_fathers_name(run):
    found = run("وقال محمد الفالح إن الوزارة مستعدة، وأكد أحمد بن ناصر ذلك.", "ar", curated=False)
    assert {e["name"] for e in found if e["type"] == "PERSON"} == {"محمد الفالح", "أحمد بن ناصر"}
    # a plural with the article is no family name: a participle's (the detainees) or a nisba's (the Alawites)
    found = run("ونقل ناصر الموقوفين إلى السجن، وقال حسين العلويين إن الحي آمن.", "ar", curated=False)
    assert not [e for e in found if e["type"] == "PERSON" and " " in e["name"]]


def test_a_foreign_name_after_a_nationality_adjective(run):
    # no role word and no known given name: the adjective, then words that look foreign and end on a rare one
    found = run("وفاز الفرنسي سيدريك بيولين على الروسي إيفو كارلوفيتش سائق الفريق.", "ar", curated=False)
    persons = {e["name"]: e for e in found if e["type"] == "PERSON"}
    assert set(persons) == {"سيدريك بيولين", "إيفو كارلوفيتش"}
    assert persons["سيدريك بيولين"]["country"] == "Q142"
    # a conjunction starts the next name; words that look Arabic (a verb and its object) are no name
    assert not [e for e in run("على الزوجي الروسي راديك وفريدل.", "ar") if e["type"] == "PERSON"]
    assert not [e for e in run("وقالت المصادر الأمريكية يشنون هجوما كل يوم.", "ar") if e["type"] == "PERSON"]
    # a surname the press prints often is no rarer than zipf 4 (نافاس 3.0, راموس 3.8)
    found = run("وتألق الفرنسي كيلور نافاس في المباراة.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["كيلور نافاس"]
    # one word alone is a name when it is rarer and looks more foreign still; a verb or a plural noun after a
    # people's name is none
    found = run("ويغيب الروسي كيرجاكوف عن المباراة.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["كيرجاكوف"]
    found = run("وأظهر الاستطلاع أن الأمريكيين يؤيدون الاتفاق، وحضر إسرائيليون بارزون.", "ar", curated=False)
    assert not [e for e in found if e["type"] == "PERSON"]


def test_a_name_ends_before_the_word_that_follows_it(run):
    # a word of the language after a foreign name (a noun, a verb); و on a common word after a given name
    found = run("وقال الرئيس الأميركي جورج بوش دعا إلى الحوار.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["جورج بوش"]
    found = run("وكان الممثل محمد حسني وبخفة ظله المعهودة.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["محمد حسني"]
    # a common word with a pronoun suffix (his programme, in her abilities) is no name's part
    found = run("وواصل ناصر خيبري برنامجه، وأشاد حسين بقدراتها.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["ناصر خيبري"]
    # nor is a word that begins and looks like an Arabic verb in the present (يقلل) or a verbal noun (تعيين)
    found = run("ورأى ناصر خيبري يقلل من شأن الخطة، وطلب حسين تعيين لجنة.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["ناصر خيبري"]
    # nor a word with the tanween of an indefinite noun or adverb, which no name is written with
    found = run("وأجرى ناصر اتصالاً هاتفيًا بنظيره.", "ar", curated=False)
    assert not [e for e in found if e["type"] == "PERSON"]
    # but a linking word keeps its name part, and و on a rare stem is a name's part
    found = run("وصل الأمير ناصر بن سلمان، واستقبله محمد وهبي.", "ar", curated=False)
    assert {e["name"] for e in found if e["type"] == "PERSON"} == {"ناصر بن سلمان", "محمد وهبي"}


def test_an_organisation_named_by_its_head_noun(run):
    # a head noun, then a foreign-looking rare word, a place, or words with the article up to an adjective
    text = "وقعت شركة توتال اتفاقا مع منتخب فرنسا، وقال البنك المركزي الروسي إن الاتحاد الأوروبي يراقب."
    orgs = {e["name"]: e["id"] for e in run(text, "ar") if e["type"] == "ORG"}
    assert {"شركة توتال", "منتخب فرنسا", "البنك المركزي الروسي"} <= set(orgs)
    assert all(orgs[name].startswith("org:") for name in ("شركة توتال", "منتخب فرنسا"))
    # a proclitic on the head is no part of the name: one organisation, its mention without the proclitic
    found = [e for e in run("فاز لمنتخب فرنسا أمس، وقال منتخب فرنسا إنه مستعد.", "ar") if e["type"] == "ORG"]
    assert len(found) == 1 and mentions(found[0]) == ["منتخب فرنسا", "منتخب فرنسا"]
    # ل on the article's word: the mention keeps the word whole, the name reads it without the ل
    found = [e for e in run("قال رئيس للاتحاد السعودي إن الاتحاد السعودي مستعد.", "ar") if e["type"] == "ORG"]
    assert [(e["name"], mentions(e)) for e in found] == [
        ("الاتحاد السعودي", ["للاتحاد السعودي", "الاتحاد السعودي"])
    ]
    # descriptions are no names: an indefinite head and adjective, common words, a verb after the head
    text = "وقالت شركة روسية إن الشركة الكبرى تعمل، وأجازت محكمة أجازت ترشحه، وبدأت حركة المرور."
    assert not [e for e in run(text, "ar") if e["type"] == "ORG"]


def test_a_persian_organisation_ends_at_its_place_or_proper_name(run):
    # common words before the place are the name's; after it, a common word ends the name
    text = "مدیر شرکت نفت ایران گفت که تیم ایران برابر ژاپن بازی کرد و شرکت زیمنس قرارداد بست."
    orgs = {e["name"] for e in run(text, "fa") if e["type"] == "ORG"}
    assert orgs == {"شرکت نفت ایران", "تیم ایران", "شرکت زیمنس"}
    # a nationality adjective describes (an Iranian team), and a verb after the head names nothing
    assert not [e for e in run("یک تیم ایرانی آمد و آنها شرکت کردند.", "fa") if e["type"] == "ORG"]


def test_an_english_place_named_by_the_word_after_it(run):
    text = "A quake struck the Aceh province. In Aceh, houses fell. The Hennepin County sheriff said the Bener Meriah district was hit."
    places = {e["name"]: mentions(e) for e in run(text, "en") if e["type"] == "PLACE"}
    assert places == {"Aceh": ["Aceh", "Aceh"], "Hennepin": ["Hennepin"]}  # not Meriah, a longer name's end


def test_a_ministry_is_no_organisation_a_head_names_unless_longer(run):
    found = by_name(run("The Foreign Ministry said the Department of Health and Human Services erred.", "en"))
    assert found["Ministry of Foreign Affairs"]["id"] == "ministry:foreign_affairs"
    assert "Department of Health and Human Services" in found


def test_an_english_organisation_is_capitalised_words_and_a_head(run):
    text = (
        "The Interior Department said the Anchorage Daily News erred. Office of Management and Budget Director "
        "Peter Orszag met the Department of Health and Human Services and Intel Corp at the Bank of America Corp."
    )
    orgs = {e["name"] for e in run(text, "en") if e["type"] == "ORG"}
    assert orgs == {
        "Interior Department",  # no sentence-initial "The"
        "Anchorage Daily News",
        "Office of Management and Budget",  # a role word and a given name end it
        "Department of Health and Human Services",  # "and" another head's name ends it
        "Intel Corp",
        "Bank of America Corp",
    }
    assert "Peter Orszag" in by_name(run(text, "en"))
    # a head alone, lowercase words before it, and a headline in title case name nothing
    text = "Police said the fire department came.\nMagnitude Quake Hits Indonesia As Police Say Two Dead"
    assert not [e for e in run(text, "en") if e["type"] == "ORG"]


def test_a_town_named_by_a_settlement_cue_is_a_place_and_no_person(run):
    # ضرماء is in no gazetteer: "محافظة ضرماء" names it a town, so "محافظ ضرماء" is its governor, and
    # the title's ضرماء is the same town
    text = "أقام أهالي محافظة ضرماء حفل معايدة بحضور محافظ ضرماء، واحتفل أطفال بضرماء بالعيد."
    found = by_name(run(text, "ar", title="العرضة تزين احتفالات ضرماء بالعيد"))
    town = found["ضرماء"]
    assert town["type"] == "PLACE" and town["id"] == "place:drma"
    assert [m["text"] for m in town["mentions"]] == ["ضرماء", "ضرماء", "ضرماء"]
    assert [m["text"] for m in town["title_mentions"]] == ["ضرماء"]
    assert not [e for e in found.values() if e["type"] == "PERSON"]


def test_an_english_town_after_a_cue_is_one_capitalised_word(run):
    found = by_name(
        run("The storm hit the town of Forks, Washington, and later the city of Brotherly Love.", "en")
    )
    assert found["Forks"]["id"] == "place:forks"
    assert "Brotherly" not in found


def test_no_town_from_an_adjective_or_a_common_word_after_a_cue(run):
    for text in (
        "وهي محافظة ساحلية جميلة ومدينة صناعية.",
        "ودعا إلى المحافظة على البيئة ومحافظة على النظافة.",
    ):
        assert not run(text, "ar")


def test_persian_guillemets_around_a_name(run):
    found = run("«کامران رضایی»، سخنگوی شورا، گفت که جلسه برگزار شد.", "fa")
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["کامران رضایی"]
    # a quoted phrase of common words is not a person
    assert not [e for e in run("آنها از «شراکت استراتژیک» سخن گفتند.", "fa") if e["type"] == "PERSON"]


def test_a_rare_word_right_after_a_title_is_a_surname(run):
    # آقای, دکتر: put before a name only, so a rare word after them is a surname the first time it comes
    found = run("آقای کروبی در مورد بودجه گفت و دکتر میرباقری افزود که کار ادامه دارد.", "fa")
    assert {e["name"] for e in found if e["type"] == "PERSON"} == {"کروبی", "میرباقری"}
    # not after a role word that came between, nor a common word, nor after a role word alone
    text = "سخنان آقای رئیس‌جمهور علیرغم طولانی بودن شنیده شد و او می‌خواهد دکتر شود و وزیر کروبی آمد."
    assert not [e for e in run(text, "fa") if e["type"] == "PERSON"]


def test_a_persian_lone_surname_before_a_reporting_verb_is_a_person(run):
    found = run("یونسی گفت : کار ادامه دارد. در این جلسه، تاجرنیا افزود که طرح آماده است.", "fa")
    assert {e["name"] for e in found if e["type"] == "PERSON"} == {"یونسی", "تاجرنیا"}
    # not a common word (people said), not inside a clause, and not before another language's verb (ذكر)
    text = "مردم گفتند که خودرو سوخت. شایان ذکر است که این طرح یونسی گفت."
    assert not [e for e in run(text, "fa") if e["type"] == "PERSON"]


def test_short_forms_link_to_the_full_name_without_curated_persons(run):
    text = "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره. وقال ماكرون إن فرنسا مستعدة. وأكد ولماكرون رأي."
    persons = [e for e in run(text, "ar", curated=False) if e["type"] == "PERSON"]
    assert len(persons) == 1
    assert mentions(persons[0])[:2] == ["إيمانويل ماكرون", "ماكرون"]
    assert "romanized" in persons[0]


def test_only_a_foreign_looking_word_is_a_surnames_variant_one_letter_away(run):
    # a transliteration varies (مكرون for ماكرون); an Arabic word a letter away is a word (علّمهم, not المهنا)
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا مستعدة. ورد مكرون على الأسئلة."
    persons = [e for e in run(text, "ar", curated=False) if e["type"] == "PERSON"]
    assert [mentions(e) for e in persons] == [["إيمانويل ماكرون", "مكرون"]]
    text = "وقال ناصر المهنا إن الفريق جاهز. ولأنه علّمهم الصبر فازوا، وأكد والمهنا ذلك."
    persons = [e for e in run(text, "ar", curated=False) if e["type"] == "PERSON"]
    assert [mentions(e) for e in persons] == [["ناصر المهنا", "المهنا"]]


def test_a_full_name_with_another_given_name_is_another_person(run):
    text = "وصل ناصر الكعبي إلى الرياض. وقال أحمد الكعبي إن الوفد وصل. وأكد الكعبي أن الزيارة ناجحة."
    persons = {e["name"]: mentions(e) for e in run(text, "ar", curated=False) if e["type"] == "PERSON"}
    # two brothers (or strangers) who share a family name: the lone surname stays with the first named
    assert persons == {"ناصر الكعبي": ["ناصر الكعبي", "الكعبي"], "أحمد الكعبي": ["أحمد الكعبي"]}
    # the end of a longer name is that person's short form, though it begins with a given name too
    text = "وقال ناصر محمد الكعبي إن الوفد وصل. وأضاف محمد الكعبي أن الزيارة ناجحة."
    persons = {e["name"]: mentions(e) for e in run(text, "ar", curated=False) if e["type"] == "PERSON"}
    assert persons == {"ناصر محمد الكعبي": ["ناصر محمد الكعبي", "محمد الكعبي"]}


def test_an_arabic_patronymic_name_links_to_a_curated_person_by_its_spelling_only(run):
    # سليمان and سلمان share a skeleton: another man's name, not a spelling of the curated one's
    persons = [e for e in run("وقال محمد بن سليمان إن الفريق جاهز.", "ar") if e["type"] == "PERSON"]
    assert [(e["name"], e["id"].startswith("person:")) for e in persons] == [("محمد بن سليمان", True)]
    found = by_name(run("وقال محمد بن سلمان إن الرؤية تمضي.", "ar"))
    assert found["Mohammed bin Salman"]["id"] == "Q6892904"
    # عبد written as one word with the name it takes: a footballer, not the Iranian minister, whose Russian
    # spelling's skeleton (Абдоллахиян, abdlkn) is عبدالغني's
    persons = [e for e in run("وقال الوزير حسين عبدالغني إن الفريق جاهز.", "ar") if e["type"] == "PERSON"]
    assert [(e["name"], e["id"].startswith("person:")) for e in persons] == [("حسين عبدالغني", True)]


def test_half_a_compound_name_or_a_word_of_every_text_is_no_short_form(run):
    found = by_name(run("وقال حسن نصر الله إن المقاومة مستمرة. وأضاف أن النصر قريب بإذن الله.", "ar"))
    assert mentions(found["Hassan Nasrallah"]) == ["حسن نصر الله"]
    text = "وصل ناصر بن عبد العزيز إلى جدة. وتلا القارئ آيات من الكتاب العزيز."
    persons = [e for e in run(text, "ar", curated=False) if e["type"] == "PERSON"]
    assert [mentions(e) for e in persons] == [["ناصر بن عبد العزيز"]]


def test_spellings_and_scripts_resolve_to_one_curated_entity(run):
    assert by_name(run("Lukashenka met Putin in Minsk.", "en"))["Alexander Lukashenko"]["id"] == "Q140388"
    ar = by_name(run("التقى الرئيس ألكسندر لوكاشنكو ضيفه. وقال لوكاشنكو إن البلدين حليفان.", "ar"))
    assert ar["Alexander Lukashenko"]["id"] == "Q140388"
    assert len(ar["Alexander Lukashenko"]["mentions"]) == 2
    assert by_name(run("Путин прибыл в Москву.", "ru"))["Vladimir Putin"]["id"] == "Q7747"


def test_title_mentions_and_salience(run):
    found = run(
        "زار الرئيس التركي رجب طيب أردوغان أنقرة. وفي أنقرة التقى وزراء.", "ar", title="أردوغان في أنقرة"
    )
    top = max(found, key=lambda e: e["salience"])
    assert top["salience"] == 1.0 and top["title_mentions"]
    assert all(0.0 <= e["salience"] <= 1.0 for e in found)
    only_title = by_name(run("لا شيء هنا.", "ar", title="أردوغان يتحدث"))
    assert only_title["Recep Tayyip Erdoğan"]["mentions"] == []


def test_bad_input_never_crashes(run):
    assert run("", "ar") == []
    assert run("\u200c\u200d ـــ ،،، «»", "fa") == []
    run("ﷺ ﻻ " * 200 + "x" * 5000, None)
    run("漢字とかな 🙂 " * 50, "ja")


def test_registered_stage_runs_in_a_pipeline():
    a = Article(id="x", raw="روسيا وبيلاروسيا", content_type="text/plain", lang="ar")
    a = Pipeline(["khabar.text.html.v1", "khabar.extract.entities.v1"])(a)
    assert a.stages["khabar.extract.entities"] == "v1"
    assert isinstance(a.entities, list)


def test_a_foreign_name_after_a_reporting_verb_is_its_speaker(run):
    # Arabic puts the verb first: the rare, foreign-looking word after قال or وصف is the one who speaks
    def persons(text: str) -> list[str]:
        return [
            m["text"] for e in run(text, "ar", curated=False) if e["type"] == "PERSON" for m in e["mentions"]
        ]

    assert persons("وقال برودي في مؤتمر صحفي إن اليورو قوي.") == ["برودي"]
    assert persons("ووصف رامسفيلد الجهد العسكري بأنه ناجح.") == ["رامسفيلد"]
    # a plural or a dual of a common noun is no name, however it looks (مسؤول, دولة)
    assert persons("وقال مسؤولون إن الوضع هادئ. وقالت دولتان رئيسيتان إنهما ستخفضان الإنتاج.") == []


def test_a_plural_in_the_construct_state_after_a_reporting_verb_is_no_name(run):
    # مسؤولو أمن: "officials of security", a noun and its genitive; باولو سيزار: a given name and another name
    found = run("وقال مسؤولو أمن إن الوضع هادئ. وأكد باولو سيزار أن الفريق جاهز.", "ar", curated=False)
    assert [e["name"] for e in found if e["type"] == "PERSON"] == ["باولو سيزار"]
