"""Quantities as clustering evidence: the figures a text states, alike in every script."""

from __future__ import annotations

from khabar.text.quantities import quantities


def test_figures_in_every_script_read_alike() -> None:
    english = quantities("The 6.1 quake killed 43 people and injured 1,200 in the province.")
    arabic = quantities("أسفر الزلزال بقوة ٦٫١ درجة عن مقتل ٤٣ شخصا وإصابة ١٬٢٠٠ آخرين.")
    persian = quantities("زلزله ۶٫۱ ریشتری ۴۳ کشته و ۱۲۰۰ زخمی برجا گذاشت.")
    assert set(english) == set(arabic) == set(persian) == {"6.1", "43", "1200"}


def test_dates_times_and_small_integers_are_not_quantities() -> None:
    text = "On 21 July 2015 at 10:30, three of 5 ministers met; the 21/7/2015 order, and July 14."
    assert quantities(text) == {}
    assert quantities("في ٢١ يوليو و١٥ رمضان ١٤٣٦ هـ") == {}
    assert quantities("در ۱۵ تیر ۱۳۹۴") == {}


def test_a_proclitic_may_be_written_onto_a_figure_but_not_a_word() -> None:
    assert quantities("قتل 15 وأصيب و25 بجروح ب30 دولارا") == {"15": 1, "25": 1, "30": 1}
    assert quantities("وصل عددهم ك40 تقريبا") == {"40": 1}  # ك folds to ک; the proclitic still counts
    assert quantities("an F16 and an A320 near gate B52") == {}


def test_repeated_figures_are_counted() -> None:
    assert quantities("43 dead. The toll of 43 may rise above 50.") == {"43": 2, "50": 1}
