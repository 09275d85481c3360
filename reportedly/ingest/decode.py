"""Turn the bytes of outside input into text, or say why they are not text."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Non-ASCII characters that Western-European text in cp1252/latin-1 is made of.
_WESTERN = set(range(0xC0, 0x100)) - {0xD7, 0xF7}
_WESTERN |= {ord(c) for c in "\xa0£€©®°§·«»¡¿–—‘’‚“”„…•™´¨¸ºª±½¼¾¢¥"}
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_SAMPLE = 65536


_WESTERN_CODECS = {"iso8859-1", "ascii", "cp1252", None}


def codecs_name(label: str) -> str | None:
    """Return Python's name for a charset label, or None when it is unknown."""
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


class NotText(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def _cp1252_per_byte(err: UnicodeError) -> tuple[str, int]:
    """Decode one byte UTF-8 rejects as cp1252 (latin-1 where cp1252 has a hole)."""
    assert isinstance(err, UnicodeDecodeError)
    b = err.object[err.start : err.start + 1]
    try:
        return b.decode("cp1252"), err.start + 1
    except UnicodeDecodeError:
        return b.decode("latin-1"), err.start + 1


codecs.register_error("reportedly-cp1252", _cp1252_per_byte)


def _mostly_western(text: str) -> bool:
    """Say whether ``text`` reads as Western-European text, not cp1252 mojibake."""
    letters = [c for c in text if c.isalpha()]
    non_ascii = [c for c in text if ord(c) > 127]
    if not letters or not non_ascii:
        return True
    if any(ord(c) not in _WESTERN for c in non_ascii):
        return False
    # Cyrillic or Greek single-byte text decodes to Latin-1 letters too, but
    # then almost every letter is non-ASCII; Western text has a few accents.
    return sum(ord(c) > 127 for c in letters) <= 0.5 * len(letters)


def _junk_ratio(text: str) -> float:
    """Return the share of control and replacement characters in ``text``."""
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    bad = sum(
        1
        for c in sample
        if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    )
    return bad / len(sample)


def html_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a <meta> tag, if any."""
    m = _HTML_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode outside bytes to text; raise ``NotText`` for binary data.

    UTF-8 is tried first (with a BOM honoured), then the declared charset,
    then UTF-8 with stray bytes read as cp1252 (this reads latin-1 and
    cp1252 files and files that mix them with UTF-8), then charset detection.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:_SAMPLE]:
        raise NotText("it contains NUL bytes")
    text = _decode(data, declared)
    if _junk_ratio(text) > 0.01:
        raise NotText("it is mostly control characters")
    return text


def _decode(data: bytes, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Pages that declare latin-1 are cp1252 in practice (as browsers assume).
    if declared and codecs_name(declared) not in _WESTERN_CODECS:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    text = data.decode("utf-8", errors="reportedly-cp1252")
    if _mostly_western(text):
        return text
    best = from_bytes(data).best()
    if best is None:
        raise NotText("no text encoding fits its bytes")
    return str(best)
