"""Read publication dates of any common form as ISO dates (YYYY-MM-DD)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_ISO_SHAPED = re.compile(r"\s*\d{4}-\d")
_HAS_NUMBER = re.compile(r"\d{2}")


def iso_date(value: str | None) -> str | None:
    """Return ``value`` as an ISO date, or None when it is not a clear date.

    ISO strings are read directly (``2016-10-17T14:57:38Z``); other absolute
    forms (``4/5/2017``, ``Wed 05 Apr 2017``) go through dateparser. Relative
    phrases (``yesterday``) and malformed ISO (``2008-10-294T05:21``) give None.
    """
    if not value or not value.strip():
        return None
    m = _ISO.match(value)
    if m:
        try:
            return date(*map(int, m.groups())).isoformat()
        except ValueError:
            return None
    if _ISO_SHAPED.match(value) or not _HAS_NUMBER.search(value):
        return None
    return _parse(value.strip()[:100])


@lru_cache(maxsize=4096)
def _parse(value: str) -> str | None:
    import dateparser  # slow to import; most dates are ISO already

    try:
        parsed = dateparser.parse(
            value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False}
        )
    except Exception:  # noqa: BLE001 - a bad date is no date, never a crash
        return None
    return parsed.date().isoformat() if parsed else None
