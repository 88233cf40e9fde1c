"""Bytes to Unicode: BOMs, strict UTF-8, a declared charset, legacy Arabic code pages, then charset-normalizer.

Output is always NFC. charset-normalizer often mistakes short windows-1256 text for another code page, so
when the bytes are not UTF-8 the two legacy Arabic encodings are tried first and kept when the result reads
as Arabic script.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC_LEGACY = ("cp1256", "iso8859_6")
_ARABIC_LETTER = re.compile(
    r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"
)
_NON_ASCII_WORDISH = re.compile(r"[^\x00-\x7f\s\u00a0-\u00bf\u2000-\u206f\u060c\u061b\u061f\u066a-\u066d]")
_MIXED = re.compile(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MIN_ARABIC_SHARE = 0.75
_MAX_MIXED_SHARE = 0.05
_MAX_CONTROL_SHARE = 0.01


class DecodeError(ValueError):
    """The bytes are binary or in no encoding we can detect."""


def arabic_share(text: str) -> float:
    """Share of Arabic-script letters among the non-ASCII letters and marks of ``text`` (0 when there are none).

    Latin text read in an Arabic code page (``réunion`` as ``rىunion``) glues Arabic letters to Latin ones;
    when that happens more than rarely the share is 0.
    """
    wordish = _NON_ASCII_WORDISH.findall(text)
    if not wordish:
        return 0.0
    arabic = len(_ARABIC_LETTER.findall("".join(wordish)))
    if len(_MIXED.findall(text)) > _MAX_MIXED_SHARE * arabic:
        return 0.0
    return arabic / len(wordish)


def _legacy_arabic(data: bytes) -> str | None:
    """The windows-1256 or ISO-8859-6 reading of ``data`` that reads most like Arabic script, if one does."""
    best, best_share = None, _MIN_ARABIC_SHARE
    for encoding in _ARABIC_LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = arabic_share(text)
        if share > best_share:
            best, best_share = text, share
    return best


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: its ASCII characters put NUL bytes on one parity of positions only."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if max(even, odd) < 0.02 * half or min(even, odd) * 10 > max(even, odd):
        return None
    encoding = "utf-16-be" if even > odd else "utf-16-le"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise DecodeError("binary content (NUL bytes)")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    text = _legacy_arabic(data) or _charset_normalizer(data)
    if text is None:
        raise DecodeError("bytes cannot be decoded in any known encoding")
    return text


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to NFC text, or raise DecodeError with the reason.

    ``declared`` is a charset stated by the container (an HTTP header, an HTML meta tag). Valid UTF-8 wins
    over it (pages often declare a legacy charset they no longer use); it is used when the bytes decode with it.
    """
    try:
        text = _decode(data, declared)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"undecodable bytes ({exc.reason} at byte {exc.start})") from None
    if len(_CONTROL.findall(text[:65536])) > _MAX_CONTROL_SHARE * min(len(text), 65536):
        raise DecodeError("binary content (control characters)")
    return unicodedata.normalize("NFC", text)
