"""The owner of an actor's belongings: ``eight IS targets`` -> ``IS``."""

from __future__ import annotations

import functools
import re
from importlib import resources

__all__ = ["_POSSESSIVE", "_core", "target_nouns"]

_QUANT = re.compile(
    r"^(?:(?:at|least|most|more|than|about|some|around|nearly|almost|over|up|to|"
    r"several|dozens|hundreds|thousands|of|\d[\d,.]*|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s?$")


@functools.cache
def target_nouns() -> frozenset[str]:
    """Return the nouns that name an actor's belongings (``targets``, ``bases``)."""
    ref = resources.files("reportedly.lexicons").joinpath("target_nouns.txt")
    lines = ref.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and w[0] != "#")


def _core(text: str, start: int) -> tuple[int, int] | None:
    """Return the char range of the owner in ``eight IS targets`` -> ``IS``."""
    lead = _QUANT.match(text)
    a = lead.end() if lead else 0
    nouns = target_nouns()
    for w in re.finditer(r"\S+", text):
        if w.start() >= a and w.group().lower().strip(".,") in nouns:
            b = w.start()
            while b > a and text[b - 1].isspace():
                b -= 1
            return (start + a, start + b) if b > a else None
    return None
