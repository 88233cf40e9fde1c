"""decode_bytes: legacy Arabic code pages, UTF-16, UTF-8, NFC, binary rejection."""

from __future__ import annotations

import unicodedata

import pytest

from khabar.sources import DecodeError, decode_bytes
from khabar.sources.decode import arabic_share
from tests.fixtures.builders import ARABIC_PARAGRAPHS, ARABIC_TEXT, PERSIAN_TEXT, PERSIAN_TEXT_ARABIC_LETTERS

SHORT_ARABIC = ARABIC_PARAGRAPHS[2]


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
@pytest.mark.parametrize("text", [ARABIC_TEXT, SHORT_ARABIC, "قال الوزير إن الاجتماع كان مثمرا."])
def test_legacy_arabic_code_pages(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_persian_in_cp1256_keeps_the_writers_letters() -> None:
    data = PERSIAN_TEXT_ARABIC_LETTERS.encode("cp1256")
    assert decode_bytes(data) == PERSIAN_TEXT_ARABIC_LETTERS


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le", "utf-8-sig", "utf-32"])
def test_unicode_encodings_with_or_without_bom(encoding: str) -> None:
    assert decode_bytes(PERSIAN_TEXT.encode(encoding)) == PERSIAN_TEXT


def test_output_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "آمد café")
    assert decomposed != "آمد café"
    assert decode_bytes(decomposed.encode("utf-8")) == "آمد café"


def test_utf8_wins_over_a_wrong_declared_charset() -> None:
    assert decode_bytes(ARABIC_TEXT.encode("utf-8"), declared="windows-1256") == ARABIC_TEXT


def test_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    text = "Größere Änderungen für Bürger"
    assert decode_bytes(text.encode("latin-1"), declared="iso-8859-1") == text


def test_latin1_french_is_not_mistaken_for_arabic() -> None:
    text = "Le président a déclaré que la réunion était fructueuse, selon l'agence."
    assert decode_bytes(text.encode("cp1252")) == text


def test_cyrillic_falls_back_to_charset_normalizer() -> None:
    text = "Президент России провёл переговоры с президентом Белоруссии в Санкт-Петербурге."
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), bytes(range(1, 32)) * 50]
)
def test_binary_is_rejected(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


def test_arabic_share() -> None:
    assert arabic_share(SHORT_ARABIC) == 1.0
    assert arabic_share("plain ascii") == 0.0
    assert arabic_share("çèé") == 0.0
    assert arabic_share("Le prىsident a dىclarى") == 0.0
