"""Quotes: reporting verbs, speaker resolution (VSO, SOV, English, continuation, roles), not-quotes."""

from __future__ import annotations

import pytest

from khabar.extract.quote_spans import quoted_spans
from khabar.extract.quotes import find_quotes, quotes
from khabar.model import Article

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
PEOPLE = [PUTIN, LUKA, LAVROV, SHOIGU, ZAKHAROVA, ARAGHCHI, MOD, TWITTER, NATO]


def run(text: str) -> list[dict]:
    return find_quotes(text, entities(text, PEOPLE), sentences(text))


def speakers(text: str) -> list[tuple[str | None, str]]:
    return [((q["speaker"] or {}).get("name"), q["text"]) for q in run(text)]


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


@pytest.mark.parametrize(
    "text", ["", "\n\n", '"', "«", "قال:", "x" * 5000, '"' * 50, "وقال بوتين: «" + "كلمة " * 3000]
)
def test_bad_input_does_not_crash(text):
    assert isinstance(run(text), list)


def test_stage_sets_quotes():
    text = 'وقال بوتين "نحن مستعدون للحوار مع الجميع".'
    a = Article(id="x", text=text, entities=entities(text, [PUTIN]), sentences=sentences(text))
    assert quotes(a).quotes[0]["speaker"]["id"] == "Q7747"
