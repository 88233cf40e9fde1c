"""Sources: publisher from metadata, lead and chrome lines; cited agencies, outlets and platforms."""

from __future__ import annotations

from pathlib import Path

from khabar.extract.orgs import org_index, slug
from khabar.extract.provenance import find_sources, provenance
from khabar.model import Article

from .helpers import entities

ORGS = str(Path(__file__).parent / "fixtures" / "orgs.jsonl")


def sources(text: str = "", spec=(), **fields) -> list[tuple[str, str, str]]:
    a = Article(id="x", text=text, entities=entities(text, list(spec)), **fields)
    return [(s["role"], s["id"], s["name"]) for s in find_sources(a, org_index(ORGS))]


def test_publisher_from_metadata_outlet_and_url():
    assert sources("نص.", outlet="مصراوي") == [("publisher", "Q-masrawy", "Masrawy")]
    assert sources("نص.", meta={"outlet_name": "Masrawy"}) == [("publisher", "Q-masrawy", "Masrawy")]
    assert sources("نص.", url="https://www.masrawy.com/news/1") == [("publisher", "Q-masrawy", "Masrawy")]
    assert sources("text", url="https://arabic.rt.com/world/1") == [("publisher", "Q-rt-arabic", "RT Arabic")]
    assert sources("نص.", outlet="صحيفة الوطن") == [("publisher", slug("صحيفة الوطن"), "صحيفة الوطن")]


def test_persian_lead_names_publisher_and_cited_agency():
    text = "عنوان\n\nبه گزارش آران نیوزی به نقل از خبرگزاری فارس، رئیس جمهور روسیه گفت."
    assert sources(text, lang="fa") == [
        ("publisher", slug("آران نیوز"), "آران نیوز"),
        ("cited", "Q-fars", "Fars News Agency"),
    ]
    # a real name ending in ی keeps it
    assert sources("به گزارش همشهری، جلسه برگزار شد.", lang="fa")[0][2] == "همشهری"


def test_lead_is_cited_when_metadata_names_the_publisher():
    text = "به گزارش خبرگزاری فارس، جلسه برگزار شد."
    assert sources(text, lang="fa", outlet="Masrawy") == [
        ("publisher", "Q-masrawy", "Masrawy"),
        ("cited", "Q-fars", "Fars News Agency"),
    ]


def test_chrome_lines_name_publisher():
    assert sources("تطبيق مصراوي\n\nنص الخبر.")[0] == ("publisher", "Q-masrawy", "Masrawy")
    assert sources("عنوان\nالثبات ـ دولي\nنص الخبر.")[0] == ("publisher", slug("الثبات"), "الثبات")
    assert sources("نص الخبر.", removed=["البيان - محليات"])[0][2] == "البيان"


def test_cited_after_cues():
    text = "وذكرت وكالة أنباء تاس الرسمية أن المحادثات انتهت، بحسب وكالة سبوتنيك الروسية للأنباء."
    assert sources(text) == [("cited", "Q-tass", "TASS"), ("cited", "Q-sputnik", "Sputnik")]
    assert sources("The talks ended, according to Reuters.") == [("cited", "Q-reuters", "Reuters")]
    assert sources("AFP reported that the talks ended.") == [("cited", "Q-afp", "AFP")]
    assert sources("به نوشته «خبرگزاری اسپوتنیک» پوتین گفت.", lang="fa") == [
        ("cited", "Q-sputnik", "Sputnik")
    ]
    assert sources("وقال نقلا عن رويترز إن الاجتماع انتهى.") == [("cited", "Q-reuters", "Reuters")]


def test_cues_after_the_source_in_arabic_persian_urdu_and_turkish():
    reuters = [("cited", "Q-reuters", "Reuters")]
    assert sources("وكانت وكالة رويترز قد ذكرت أن المحادثات انتهت.") == reuters
    assert sources("خبرگزاری رویترز گزارش داد که مذاکرات پایان یافت.", lang="fa") == reuters
    assert sources("رائٹرز کے مطابق مذاکرات ختم ہو گئے۔", lang="ur") == reuters
    assert sources("Reuters haberine göre görüşmeler sona erdi.", lang="tr") == reuters


def test_unknown_agency_after_strong_head_is_rule_found():
    assert sources("وذكرت وكالة أنباء شينخوا الصينية أن الاجتماع انتهى.") == [
        ("cited", slug("شينخوا"), "شينخوا")
    ]
    assert sources("به نقل از خبرگزاری ایسنا، جلسه برگزار شد.", lang="fa") == [
        ("cited", slug("ایسنا"), "ایسنا")
    ]


def test_platform_only_after_platform_cue():
    text = 'وكتب الوزير عبر "تويتر": "بحثنا التعاون".'
    assert sources(text, [("org:twitter", "ORG", "Twitter", ["تويتر"])]) == [
        ("cited", "Q-twitter", "Twitter")
    ]
    assert sources("وحظرت الحكومة تويتر في البلاد.") == []
    assert sources("وكتب الوزير عبر الكرملين رسالة.") == []  # not a platform


def test_generic_and_merely_mentioned_orgs_are_not_sources():
    assert sources("وبحسب الوكالة الروسية، كانت هناك اتفاقيات.") == []
    assert sources("وبحسب الكرملين فإن الزيارة ناجحة. وقالت الناتو إنها قلقة.") == []
    spec = [("Q7184", "ORG", "NATO", ["الناتو"]), ("Q-kremlin", "ORG", "Kremlin", ["الكرملين"])]
    assert sources("وبحسب الكرملين فإن الناتو يحشد قواته.", spec) == []


def test_dateline_agency_and_source_line():
    dl = {"place": {"name": "Minsk"}, "agency": {"name": "DPA", "text": "د ب أ"}, "text": "مينسك - (د ب أ)"}
    a = Article(id="x", text="نص.", dateline=dl)
    assert find_sources(a, org_index(ORGS)) == [
        {"id": "Q-dpa", "name": "DPA", "text": "د ب أ", "role": "cited"}
    ]
    assert sources("نص الخبر.\nالمصدر: سبوتنيك، RT عربية") == [
        ("cited", "Q-sputnik", "Sputnik"),
        ("cited", "Q-rt-arabic", "RT Arabic"),
    ]
    assert sources("نص.", meta={"source_names": ["سبوتنيك", "وكالة الأنباء الألمانية"]}) == [
        ("cited", "Q-sputnik", "Sputnik"),
        ("cited", slug("وكالة الأنباء الألمانية"), "وكالة الأنباء الألمانية"),
    ]


def test_stage_sets_outlet_when_missing():
    a = Article(id="x", text="تطبيق مصراوي\n\nنص.")
    a = provenance(a, orgs=ORGS)
    assert a.outlet == "Masrawy" and a.sources[0]["role"] == "publisher"
    b = provenance(Article(id="y", text="نص.", outlet="Other"), orgs=ORGS)
    assert b.outlet == "Other"


def test_bad_input_does_not_crash():
    for text in ("", "\n", "به گزارش", "المصدر:", "وكالة أنباء", "x" * 10000):
        assert isinstance(sources(text), list)


def test_descriptive_agency_names_keep_their_head_and_generic_ones_are_dropped():
    assert sources("وقالت وكالة الأنباء الألمانية إن الاجتماع انتهى.")[0][2] == "وكالة الأنباء الألمانية"
    assert sources("وذكرت وكالة تسنيم الإيرانية للأنباء أن الاجتماع انتهى.")[0][2] == "تسنيم"
    assert sources("وذكرت وكالة الأنباء الرسمية أن الاجتماع انتهى.") == []
