"""The kind of happening an article reports, from the trigger words of its language (data/events/triggers.tsv)."""

from __future__ import annotations

import pytest

from khabar.cluster.features import features
from khabar.config import DEFAULT_PIPELINE
from khabar.model import Article
from khabar.pipeline import Pipeline

REPORTS = [
    (
        "tr",
        "Malatya'da deprem: 12 ölü",
        "Malatya'da meydana gelen 6,1 büyüklüğündeki depremde 12 kişi hayatını kaybetti. AFAD yetkilileri "
        "arama kurtarma çalışmalarının sürdüğünü söyledi.",
        "disaster",
    ),
    (
        "tr",
        "Erdoğan ile Putin Soçi'de görüştü",
        "Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Putin ile Soçi'de bir araya geldi. Görüşmede Suriye ele "
        "alındı. Erdoğan görüşmenin ardından açıklama yaptı.",
        "meeting",
    ),
    (
        "ur",
        "کراچی میں دھماکہ، 5 افراد ہلاک",
        "کراچی میں ایک دھماکے میں پانچ افراد ہلاک ہو گئے۔ پولیس کے مطابق دھماکہ ایک بازار میں ہوا۔",
        "attack",
    ),
    (
        "ur",
        "وزیر اعظم کی چینی صدر سے ملاقات",
        "وزیر اعظم شہباز شریف نے بیجنگ میں چینی صدر سے ملاقات کی۔ ملاقات میں اقتصادی تعاون پر بات ہوئی۔",
        "meeting",
    ),
    (
        "ar",
        "مقتل 5 في انفجار ببغداد",
        "قتل خمسة أشخاص في انفجار سيارة مفخخة في بغداد، وفق ما أعلنت الشرطة.",
        "attack",
    ),
]


@pytest.mark.parametrize(("lang", "title", "text", "kind"), REPORTS, ids=[f"{r[0]}-{r[3]}" for r in REPORTS])
def test_a_report_gets_the_kind_its_languages_trigger_words_name(lang: str, title: str, text: str, kind: str):
    article = Pipeline(list(DEFAULT_PIPELINE))(
        Article(id=lang, raw=text, title=title, content_type="text/plain")
    )
    assert article.lang == lang
    assert features(article).kind == kind
