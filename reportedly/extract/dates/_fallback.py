"""Date phrases no rule resolves, read by dateparser (``extract/dates``)."""

from __future__ import annotations

import re
from datetime import date, datetime

from reportedly.lexicons import load_toml

_MN = "|".join(load_toml("dates.toml")["months"])
_FALLBACK = re.compile(rf"\d.*\b(?:{_MN})\b|\b(?:{_MN})\b.*\d")
_UNIT = re.compile(r"(?i)\b(?:days?|weeks?|months?|years?|decades?)\b")


def with_dateparser(s: str, pub: date | None) -> tuple[date | None, str, bool]:
    """Resolve ``s`` with dateparser, ``pub`` as base; only phrases with a digit."""
    if not _FALLBACK.search(s) or re.search(r"\d:\d|\d{5}", s) or _UNIT.search(s):
        return None, "unknown", False
    from dateparser.date import DateDataParser

    base = datetime.combine(pub or date(2000, 1, 1), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    settings |= {"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(s)
    relative = "year" not in (data.parts or ())
    period = {"time": "day"}.get(data.period or "", data.period or "")
    if data.date_obj is None or period not in ("day", "week", "month", "year"):
        return None, "unknown", relative
    if relative and pub is None:
        return None, period, True
    d = data.date_obj.date()
    d = {"month": d.replace(day=1), "year": d.replace(month=1, day=1)}.get(period, d)
    return d, period, relative
