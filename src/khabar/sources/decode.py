"""Bytes to Unicode: BOMs, strict UTF-8, then charset-normalizer for legacy encodings. Output is NFC."""

from __future__ import annotations

import codecs
import unicodedata

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are binary or in no encoding we can detect."""


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` to NFC text, or raise DecodeError with the reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return unicodedata.normalize("NFC", data.decode(encoding))
    if b"\x00" in data[:4096]:
        raise DecodeError("binary content (NUL bytes)")
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("bytes cannot be decoded in any known encoding")
    return unicodedata.normalize("NFC", str(best))
