"""Quotes: reporting verbs, speaker resolution (VSO, SOV, English, continuation, roles), not-quotes; Arabic,
Persian, English, Turkish and Urdu."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.extract.quote_spans import quoted_spans
from khabar.extract.quotes import find_quotes, quotes
from khabar.model import Article
from khabar.text.sentences import split_sentences

from .helpers import entities, sentences

PUTIN = (
    "Q7747",
    "PERSON",
    "Vladimir Putin",
    ["فلاديمير بوتين", "بوتين", "ولادیمیر پوتین", "پوتین", "Vladimir Putin", "Putin"],
)
LUKA = (
    "Q42418",
    "PERSON",
    "Alexander Lukashenko",
    ["ألكسندر لوكاشينكو", "لوكاشينكو", "لوکاشنکو", "Lukashenko"],
)
LAVROV = ("Q7826", "PERSON", "Sergey Lavrov", ["سيرغي لافروف", "لافروف", "Sergey Lavrov", "Lavrov"])
SHOIGU = ("Q315514", "PERSON", "Sergei Shoigu", ["سيرغي شويغو", "شويغو"])
ZAKHAROVA = ("Q4375713", "PERSON", "Maria Zakharova", ["ماريا زاخاروفا", "زاخاروفا"])
ARAGHCHI = ("Q-araghchi", "PERSON", "Abbas Araghchi", ["عباس عراقچی", "عراقچی"])
MOD = ("Q-mod", "ORG", "Russian Ministry of Defence", ["وزارة الدفاع الروسية"])
TWITTER = ("org:twitter", "ORG", "Twitter", ["تويتر"])
NATO = ("Q7184", "ORG", "NATO", ["الناتو"])
ERDOGAN = ("Q39259", "PERSON", "Recep Tayyip Erdoğan", ["Recep Tayyip Erdoğan", "Erdoğan"])
FIDAN = ("Q-fidan", "PERSON", "Hakan Fidan", ["Hakan Fidan", "Fidan"])
REUTERS = ("Q-reuters", "ORG", "Reuters", ["Reuters", "رائٹرز"])
SHARIF = ("Q-sharif", "PERSON", "Shehbaz Sharif", ["شہباز شریف"])
IMRAN = ("Q-imran", "PERSON", "Imran Khan", ["عمران خان"])
DAR = ("Q-dar", "PERSON", "Ishaq Dar", ["اسحاق ڈار"])
PEOPLE = [PUTIN, LUKA, LAVROV, SHOIGU, ZAKHAROVA, ARAGHCHI, MOD, TWITTER, NATO]
PEOPLE += [ERDOGAN, FIDAN, REUTERS, SHARIF, IMRAN, DAR]


def run(text: str, split: Callable[[str], list[list[int]]] = sentences) -> list[dict]:
    """The quotes of ``text``; Urdu tests split sentences as the sentence stage does (at ۔ too)."""
    return find_quotes(text, entities(text, PEOPLE), split(text))


def speakers(text: str, split: Callable[[str], list[list[int]]] = sentences) -> list[tuple[str | None, str]]:
    return [((q["speaker"] or {}).get("name"), q["text"]) for q in run(text, split)]


def test_arabic_vso_subject_after_verb():
    text = 'وقال بوتين في مؤتمر صحفي مع لوكاشينكو "نحن مستعدون للحوار مع الجميع دون شروط".'
    [q] = run(text)
    assert q["speaker"]["id"] == "Q7747" and q["speaker"]["name"] == "Vladimir Putin"
    assert "بوتين" in q["speaker"]["variants"]
    assert q["verb"] == "قال" and q["partial"] is False
    assert text[q["start"] : q["end"]] == q["text"] == "نحن مستعدون للحوار مع الجميع دون شروط"


def test_arabic_inflected_verb_and_partial_quote_in_reported_speech():
    text = "وأكدت ماريا زاخاروفا أن العقوبات “لن تنجح أبدا في عزل روسيا عن العالم”."
    [q] = run(text)
    assert q["speaker"]["name"] == "Maria Zakharova" and q["verb"] == "أكد" and q["partial"] is True


def test_arabic_subject_after_preposition_is_not_the_speaker():
    text = 'وقال بوتين إن المحادثات مثمرة. وقال خلال لقائه مع لوكاشينكو: "سنعمل معا على تعزيز أمن البلدين".'
    [q] = run(text)
    assert q["speaker"]["name"] == "Vladimir Putin"  # dropped subject continues; لوكاشينكو follows "مع"
    assert run('وقال خلال لقائه مع لوكاشينكو: "سنعمل معا على تعزيز أمن البلدين".')[0]["speaker"] is None


def test_arabic_subject_before_verb():
    text = 'كان بوتين قد أكد في وقت سابق: "روسيا لن تتخلى عن حلفائها في أي ظرف".'
    assert speakers(text) == [("Vladimir Putin", "روسيا لن تتخلى عن حلفائها في أي ظرف")]


def test_organisation_as_speaker():
    text = 'وقالت وزارة الدفاع الروسية في بيان "إن القوات أنهت المناورات المشتركة بنجاح".'
    assert speakers(text)[0][0] == "Russian Ministry of Defence"


def test_persian_sov_first_subject_of_clause():
    text = "پوتین در نشست خبری با لوکاشنکو در مسکو گفت: «ما آماده همکاری بیشتر با همه کشورها هستیم.»"
    [q] = run(text)
    assert q["speaker"]["name"] == "Vladimir Putin" and q["verb"] == "گفت"


def test_persian_compound_verbs_and_inflection():
    text = "عباس عراقچی در این دیدار تاکید کردند: «مذاکرات باید بدون پیش شرط ادامه یابد.»"
    [q] = run(text)
    assert q["speaker"]["name"] == "Abbas Araghchi" and q["verb"] == "تاکید کرد"


def test_english_before_after_and_inverted():
    assert speakers('"We will not back down under any pressure," Putin said.')[0][0] == "Vladimir Putin"
    assert (
        speakers('Lavrov told reporters: "The talks were useful and long overdue."')[0][0] == "Sergey Lavrov"
    )
    assert speakers('"The talks were useful and long overdue," said Sergey Lavrov.')[0][0] == "Sergey Lavrov"


def test_continuation_of_previous_speaker():
    text = (
        'من جهته، قال لوكاشينكو "لا نستطيع حماية استقلالنا من دون روسيا".\n'
        'وأضاف أن "روسيا تستطيع الاستغناء عنا ولكننا لا نستطيع".'
    )
    assert [s for s, _ in speakers(text)] == ["Alexander Lukashenko", "Alexander Lukashenko"]
    english = (
        'Putin said "the West has failed in its economic war". "We will keep working together," he added.'
    )
    assert [s for s, _ in speakers(english)] == ["Vladimir Putin", "Vladimir Putin"]


def test_continuation_does_not_reach_far_back():
    text = (
        'وقال بوتين "نحن مستعدون للحوار مع الجميع".\n'
        "وتقع مينسك في وسط البلاد. وتضم ملايين السكان. وتعد مركزا صناعيا. وفيها مصانع كثيرة.\n"
        'وأضاف "الأوضاع صعبة جدا في المنطقة كلها".'
    )
    assert [s for s, _ in speakers(text)] == ["Vladimir Putin", None]


def test_role_noun_unambiguous_resolves():
    text = (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره في موسكو.\n"
        'وقال الوزير الروسي "المفاوضات كانت بناءة ومفيدة للطرفين".'
    )
    assert speakers(text)[0][0] == "Sergey Lavrov"


def test_role_noun_ambiguous_stays_unresolved():
    text = (
        "وبحث وزير الخارجية الروسي سيرغي لافروف مع وزير الدفاع سيرغي شويغو الأوضاع.\n"
        'وقال الوزير "من الصباح إلى المساء لا توجد لحظة صمت".'
    )
    assert speakers(text)[0][0] is None
    assert speakers('وقال الوزير "من الصباح إلى المساء لا توجد لحظة صمت".')[0][0] is None


def test_role_with_qualifier_picks_the_matching_person():
    text = (
        "وقال الرئيس الروسي فلاديمير بوتين إن المحادثات مثمرة، وتحدث الرئيس البيلاروسي ألكسندر لوكاشينكو عن التعاون.\n"
        'من جهته قال الرئيس البيلاروسي "أوروبا ستسمع صوت العقل قريبا".'
    )
    assert speakers(text)[0][0] == "Alexander Lukashenko"


def test_scare_quotes_and_names_are_not_quotes():
    assert run('هذا وأعلن البلدان عن تشكيل قوة عسكرية مشتركة بغرض "الدفاع".') == []
    assert run("من خلال حشد القوات والمرافق التابعة لحلف “الناتو” قال بوتين.") == []
    text = 'وكتب لافروف عبر "تويتر": "بحثنا قضايا التعاون العسكري وتعزيز القدرات الدفاعية".'
    assert [t for _, t in speakers(text)] == ["بحثنا قضايا التعاون العسكري وتعزيز القدرات الدفاعية"]
    persian = "«ولادیمیر پوتین» رئیس جمهور روسیه تاکید کرد تشکیل «دولت اتحادیه» به «شراکت استراتژیک» منجر شد."
    assert run(persian) == []


def test_short_quote_right_after_its_verb_counts():
    [q] = run('وأعرب لوكاشينكو عن أمله في أن "يغلب صوت العقل" في أوروبا.')
    assert q["speaker"]["name"] == "Alexander Lukashenko" and q["partial"] is True
    assert run('ويقول سكان المدينة إن الوضع "صعب".') == []  # no known speaker


def test_unmarked_quote_after_colon():
    text = "وقال بوتين: روسيا لن تتخلى عن حلفائها مهما كانت الضغوط.\nوتابع المؤتمر أعماله."
    assert speakers(text) == [("Vladimir Putin", "روسيا لن تتخلى عن حلفائها مهما كانت الضغوط.")]


def test_nested_quotes_yield_the_outer_quote():
    text = 'وقال بوتين: «نحن نقول "لا" للحرب ولن نتراجع عن ذلك».'
    assert speakers(text) == [("Vladimir Putin", 'نحن نقول "لا" للحرب ولن نتراجع عن ذلك')]
    assert quoted_spans("«a “b” c» “d”") == [(0, 8), (10, 12)]


def test_postposed_attribution_but_not_a_new_clause():
    assert speakers("“سنواصل العمل معا من أجل السلام”، قال لافروف.")[0][0] == "Sergey Lavrov"
    text = "ووافق على مقترح بشأن “عدم السماح لأي دولة بنشر أسلحة نووية”، ودعا لافروف واشنطن إلى سحبها."
    assert run(text) == []


def test_quote_without_reporting_verb_is_not_a_quote():
    assert run("وصدر كتاب بعنوان “الحرب والسلام في القرن الحادي والعشرين” عن دار النشر.") == []


def test_multi_paragraph_quote_continues():
    text = 'وقال بوتين: "نحن نعمل معا منذ سنوات طويلة.\n"وسنواصل العمل معا في المستقبل القريب".'
    assert [s for s, _ in speakers(text)] == ["Vladimir Putin", "Vladimir Putin"]


def test_turkish_postposed_verb_with_the_speaker_before_the_quote():
    text = 'Dışişleri Bakanı Hakan Fidan, "Gazze\'de kalıcı ateşkes artık bir zorunluluk" diye konuştu.'
    [q] = run(text)
    assert (q["speaker"]["name"], q["verb"], q["partial"]) == ("Hakan Fidan", "konuşmak", False)
    text = (
        'Putin\'le görüşen Erdoğan, "Bölgede kalıcı barış için birlikte çalışıyoruz" dedi. '
        '"Tahıl koridorunun yeniden açılması gerekiyor," diye ekledi.'
    )
    assert speakers(text) == [  # "Putin'le" is no subject; the second verb's dropped subject continues
        ("Recep Tayyip Erdoğan", "Bölgede kalıcı barış için birlikte çalışıyoruz"),
        ("Recep Tayyip Erdoğan", "Tahıl koridorunun yeniden açılması gerekiyor,"),
    ]


@pytest.mark.parametrize(
    ("verb", "lemma"),
    [("dedi", "demek"), ("demişti", "demek"), ("söyledi", "söylemek"), ("açıklamıştı", "açıklamak"),
     ("ifade etti", "ifade etmek"), ("dile getirdi", "dile getirmek")],
)  # fmt: skip
def test_turkish_inflected_and_compound_verbs(verb, lemma):
    [q] = run(f'Fidan, "İnsani yardımların Gazze\'ye engelsiz ulaştırılması gerekiyor" {verb}.')
    assert (q["speaker"]["name"], q["verb"], q["partial"]) == ("Hakan Fidan", lemma, False)


def test_verb_after_a_turkish_quote_governs_it_and_postposed_cues_look_back():
    text = 'Reuters\'a göre Erdoğan, "Tahıl koridoru en kısa sürede yeniden açılmalı" dedi.'
    assert speakers(text) == [("Recep Tayyip Erdoğan", "Tahıl koridoru en kısa sürede yeniden açılmalı")]
    [q] = run('Reuters\'a göre görüşmede "tahıl koridorunun yeniden açılması" ele alındı.')
    assert (q["speaker"]["name"], q["verb"]) == ("Reuters", "göre")
    [q] = run("رائٹرز کے مطابق ’’مذاکرات کا اگلا دور آئندہ ہفتے جنیوا میں ہوگا‘‘۔", split_sentences)
    assert (q["speaker"]["name"], q["verb"]) == ("Reuters", "کے مطابق")


def test_turkish_names_in_an_oblique_case_are_not_the_subject():
    text = 'Erdoğan ile görüşen Fidan, "İki ülke arasındaki ticaret hacmi artmaya devam edecek" dedi.'
    assert speakers(text)[0][0] == "Hakan Fidan"  # "Erdoğan ile": a postposition follows
    text = 'Basın toplantısında Putin\'in yanında Fidan, "Müzakereler yakında yeniden başlayabilir" dedi.'
    assert speakers(text)[0][0] == "Hakan Fidan"  # the suffix "in" of "Putin'in" is no preposition


def test_turkish_role_noun_resolves():
    text = (
        "Dışişleri Bakanı Hakan Fidan dün Kahire'de Mısırlı mevkidaşıyla görüştü.\n"
        'Bakan, "İnsani yardımların önündeki engeller derhal kaldırılmalı" dedi.'
    )
    assert speakers(text)[0][0] == "Hakan Fidan"


def test_apostrophe_in_a_turkish_quote_does_not_split_it():
    text = "Erdoğan, \"Soçi'de Putin'le yaptığımız görüşme son derece verimli geçti\" dedi."
    assert speakers(text) == [
        ("Recep Tayyip Erdoğan", "Soçi'de Putin'le yaptığımız görüşme son derece verimli geçti")
    ]
    text = (
        "Erdoğan’ın Soçi’deki ziyaretinin ardından Putin, "
        "“Tahıl anlaşması Rusya’nın şartlarıyla yenilenebilir” dedi."
    )
    assert speakers(text) == [("Vladimir Putin", "Tahıl anlaşması Rusya’nın şartlarıyla yenilenebilir")]


def test_apostrophes_are_not_quote_marks():
    assert quoted_spans("It’s Putin’s call, Reuters'a göre Erdoğan Soçi’de, it's ‘final’.") == []
    text = "“We’re ready to talk to anyone who’s serious about peace,” Putin said, but it’s up to Kyiv now."
    assert speakers(text) == [("Vladimir Putin", "We’re ready to talk to anyone who’s serious about peace,")]


def test_urdu_ergative_and_genitive_subjects():
    text = (
        "وزیراعظم شہباز شریف نے اسلام آباد میں ایک تقریب سے خطاب کرتے ہوئے کہا کہ "
        '"پاکستان خطے میں پائیدار امن کا خواہاں ہے"۔'
    )
    [q] = run(text, split_sentences)
    assert (q["speaker"]["name"], q["verb"], q["partial"]) == ("Shehbaz Sharif", "کہنا", False)
    assert q["text"] == "پاکستان خطے میں پائیدار امن کا خواہاں ہے"
    text = 'عمران خان سے ملاقات کے بعد اسحاق ڈار نے کہا کہ "ہم اپنے تمام ہمسایوں سے اچھے تعلقات چاہتے ہیں"۔'
    assert speakers(text, split_sentences)[0][0] == "Ishaq Dar"  # عمران خان سے: not the subject
    text = 'شہباز شریف کا کہنا تھا کہ "سرمایہ کاروں کو ہر ممکن سہولت فراہم کی جائے گی"۔'
    assert speakers(text, split_sentences)[0][0] == "Shehbaz Sharif"


def test_urdu_subject_marked_but_unnamed_is_unknown():
    text = (
        'شہباز شریف نے کہا کہ "ہم سرمایہ کاروں کو ہر ممکن سہولت فراہم کریں گے"۔ '
        'پولیس نے کہا کہ "تقریب کے دوران سکیورٹی کے سخت انتظامات کیے گئے تھے"۔'
    )
    assert [s for s, _ in speakers(text, split_sentences)] == ["Shehbaz Sharif", None]


def test_urdu_doubled_single_quote_marks():
    text = "اسحاق ڈار نے کہا کہ ’’ہم اپنے تمام ہمسایوں کے ساتھ اچھے تعلقات چاہتے ہیں‘‘۔"
    assert speakers(text, split_sentences) == [
        ("Ishaq Dar", "ہم اپنے تمام ہمسایوں کے ساتھ اچھے تعلقات چاہتے ہیں")
    ]
    text = "وقال ”نحن مستعدون للحوار“ ثم ’’ہم تیار ہیں‘‘ اور ‘‘بات چیت’’ it’s"
    assert [text[a + 1 : b] for a, b in quoted_spans(text)] == [
        "نحن مستعدون للحوار",
        "ہم تیار ہیں",
        "بات چیت",
    ]


def test_urdu_pronoun_and_genitive_pronoun_continue_the_previous_speaker():
    text = (
        "وزیراعظم شہباز شریف نے کہا کہ حکومت معیشت کی بحالی کے لیے ہر ممکن قدم اٹھائے گی۔ "
        "عمران خان پر تنقید کرتے ہوئے ان کا کہنا تھا کہ ’’مہنگائی پر قابو پانا ہماری پہلی ترجیح ہے‘‘۔ "
        "انہوں نے مزید کہا کہ ’’ملک جلد ترقی کی راہ پر گامزن ہوگا‘‘۔"
    )
    assert speakers(text, split_sentences) == [
        ("Shehbaz Sharif", "مہنگائی پر قابو پانا ہماری پہلی ترجیح ہے"),
        ("Shehbaz Sharif", "ملک جلد ترقی کی راہ پر گامزن ہوگا"),
    ]


def test_urdu_role_noun_and_unmarked_quote_after_colon():
    text = (
        "وزیراعظم شہباز شریف نے چینی وفد سے ملاقات کی۔\n"
        'وزیراعظم نے کہا کہ "پاک چین دوستی ہر آزمائش پر پوری اتری ہے"۔'
    )
    assert speakers(text, split_sentences)[0][0] == "Shehbaz Sharif"  # وزیراعظم: the role bound to him
    text = (
        "اسحاق ڈار نے صحافیوں سے گفتگو میں کہا: پاکستان کسی ملک کے خلاف اپنی سرزمین استعمال نہیں ہونے دے گا۔"
    )
    assert speakers(text, split_sentences) == [
        ("Ishaq Dar", "پاکستان کسی ملک کے خلاف اپنی سرزمین استعمال نہیں ہونے دے گا۔")
    ]


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", '"', "«", "قال:", "x" * 5000, '"' * 50, "’’" * 25, "‘‘’", "وقال بوتين: «" + "كلمة " * 3000],
)
def test_bad_input_does_not_crash(text):
    assert isinstance(run(text), list)


def test_stage_sets_quotes():
    text = 'وقال بوتين "نحن مستعدون للحوار مع الجميع".'
    a = Article(id="x", text=text, entities=entities(text, [PUTIN]), sentences=sentences(text))
    assert quotes(a).quotes[0]["speaker"]["id"] == "Q7747"
