"""Tell English text from other languages, cheaply: the share of English stop words."""

from __future__ import annotations

import re

# Frequent English function words that are rare as words of other languages
# written in Latin script (so no "a", "in", "die", "no", "se").
_STOP_WORDS = """the of and to is that for it was with as he be by at are this have from
    or had not but were they his which has been their said would will who we
    there more you its about she her after than also when what our
    into could them these those over only other some can should such while
    because where did does being between against during before under"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Frequent function words of other Latin-script languages (fr, es, pt, it, de, nl).
_FOREIGN_WORDS = """de la le les des du et est une un el los las y que en por con
para del al se su lo una der die das und ist nicht ein eine zu mit von sich auf
dem den il di che per non della het een van ik niet dat não com uma os às"""
FOREIGN_WORDS = frozenset(_FOREIGN_WORDS.split())
MIN_WORDS = 20  # below this the sample is too small to judge
# English news scores 0.25-0.45 (lists of names and terse wire copy: ~0.1);
# French, German or Spanish text scores under 0.03.
MIN_RATIO = 0.05
DOUBT_RATIO = 0.15  # below this, more foreign than English words means foreign
_WORD = re.compile(r"\w+", re.UNICODE)
_SAMPLE = 20_000


def english_score(text: str) -> tuple[float, int]:
    """Return the share of English stop words among the words, and the word count."""
    en, _, n = _scores(text)
    return en, n


def _scores(text: str) -> tuple[float, float, int]:
    words = _WORD.findall(text[:_SAMPLE].lower())
    if not words:
        return 0.0, 0.0, 0
    en = sum(w in STOP_WORDS for w in words) / len(words)
    foreign = sum(w in FOREIGN_WORDS for w in words) / len(words)
    return en, foreign, len(words)


def not_english_reason(text: str) -> str | None:
    """Return why ``text`` is not English, or None when it is (or too short to tell)."""
    letters = [c for c in text[:_SAMPLE] if c.isalpha()]
    if letters:
        latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
        if latin / len(letters) < 0.5:
            return (
                f"only {latin / len(letters):.0%} of its letters are Latin script; "
                "expected English text"
            )
    en, foreign, n = _scores(text)
    if n < MIN_WORDS:
        return None
    if en < MIN_RATIO or (en < DOUBT_RATIO and foreign > en):
        return (
            f"only {en:.0%} of its {n} words are common English words and "
            f"{foreign:.0%} are common French, Spanish, German, Italian, Dutch or "
            f"Portuguese words (expected at least {MIN_RATIO:.0%} English ones)"
        )
    return None
