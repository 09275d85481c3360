"""Other spellings of a place name: Arabic articles and transliteration variants.

``article_keys`` gives the lookup keys of a name with its Arabic article
prefixes dropped or ``al`` added ("Qamishli" is GeoNames' "Al Qamishli",
"al-Mazzeh" its "Mazzeh"). ``skeleton`` reduces a name to its consonants
after the rewrites of ``lexicons/place_names.toml`` ("Deir Ezzor" and "Dayr az
Zawr" are both ``drzr``); ``skeleton_readings`` finds the gazetteer places
of the transliterating countries with the same skeleton, from an index built
on first use from the gazetteer's names (a lookup helper: the gazetteer file
itself is unchanged).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from difflib import SequenceMatcher

from reportedly.extract.places.gazetteer import Entry, Gazetteer, gazetteer, norm
from reportedly.lexicons import load_toml

_NON_ALPHA = re.compile(r"[^a-z ]+")
_DOUBLE = re.compile(r"(.)\1+")


@functools.cache
def lexicon() -> dict:
    """Return ``place_names.toml`` with its lists as sets."""
    lex = dict(load_toml("place_names.toml"))
    art = lex["articles"]
    lex["hyphenated"] = frozenset(art["hyphenated"])
    lex["spaced"] = frozenset(art["spaced"])
    lex["strip"] = frozenset(art["strip"])
    lex["junk_names"] = frozenset(lex["junk"]["names"])
    lex["junk_inner"] = frozenset(lex["junk"]["inner"])
    lex["drop_vowels"] = str.maketrans("", "", lex["transliteration"]["vowels"])
    lex["regions"] = frozenset(lex["junk"].get("regions", ()))
    return lex


@functools.cache
def _dictionary() -> frozenset[str]:
    """Return the English words of the spaCy pipeline's lemmatizer tables."""
    from reportedly.annotate import load

    try:
        lookups = load().get_pipe("lemmatizer").lookups
    except (KeyError, ValueError):
        return frozenset()
    words: set[str] = set()
    for table in ("lemma_index", "lemma_exc"):
        if lookups.has_table(table):
            for v in lookups.get_table(table).values():
                words.update(w for w in v if isinstance(w, str))
                if isinstance(v, dict):
                    words.update(w for w in v if isinstance(w, str))
    return frozenset(words)


_ENDINGS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
)


@functools.lru_cache(maxsize=16384)
def english(word: str) -> bool:
    """Return whether ``word`` (or its stem: "Kills", "Terrorists") is a common
    English word: such a word is read as a place only under its own spelling."""
    w = norm(word)
    words = _dictionary()
    if w in words:
        return True
    return any(
        w.endswith(a) and len(w) - len(a) >= 3 and w[: len(w) - len(a)] + b in words
        for a, b in _ENDINGS
    )


def article_keys(name: str) -> list[str]:
    """Return lookup keys of ``name`` with its articles dropped, or ``al`` added."""
    words = norm(name).split()
    if not words:
        return []
    strip = lexicon()["strip"]
    out = []
    if len(words) > 1 and words[0] in strip:
        out.append(" ".join(words[1:]))
    inner = [w for i, w in enumerate(words) if i == 0 or w not in strip]
    if len(inner) != len(words):
        out.append(" ".join(inner))
    if words[0] not in strip:
        out += ["al " + " ".join(words), "ar " + " ".join(words)]
    return [k for k in dict.fromkeys(out) if k]


def skeleton(name: str, *, key: str | None = None) -> str:
    """Return the consonant skeleton of ``name`` (``""`` when too short).

    ``key`` is the name already normalised (the gazetteer's keys are).
    """
    return _skeletons()(key or norm(name))


@functools.cache
def _skeletons() -> Callable[[str], str]:
    """Return the skeleton function of a normalised key, the lexicon bound."""
    lex = lexicon()
    tr = lex["transliteration"]
    strip, drop, least = lex["strip"], lex["drop_vowels"], tr["min_skeleton"]
    final_h = re.compile(r"(?<=[aeiou])h\b") if tr["final_h"] else None
    rules = tr["replace"]

    def run(key: str) -> str:
        words = _NON_ALPHA.sub("", key).split()
        s = " ".join(w for w in words if w not in strip)
        if final_h:
            s = final_h.sub("", s)
        s = s.replace(" ", "")
        for a, b in rules:
            if a in s:
                s = s.replace(a, b)
        s = _DOUBLE.sub(r"\1", s.translate(drop))
        return s if len(s) >= least else ""

    return run


@functools.cache
def _index(g: Gazetteer) -> dict[str, list[tuple[str, int, bool]]]:
    """Map skeletons to ``(key, id, exact)`` of places in the transliterating
    countries (about 0.4 s, once per process and gazetteer)."""
    codes = lexicon()["transliteration"]["countries"]
    marks = ", ".join("?" * len(codes))
    rows = g.db.execute(
        "SELECT key, id, exact FROM alias "
        f"WHERE id IN (SELECT id FROM place WHERE cc IN ({marks}))",
        codes,
    )
    index: dict[str, list[tuple[str, int, bool]]] = {}
    run = _skeletons()
    for key, pid, exact in rows:
        s = run(key)
        if s:
            index.setdefault(s, []).append((key, pid, bool(exact)))
    return index


def _bare(key: str) -> str:
    strip = lexicon()["strip"]
    return "".join(w for w in _NON_ALPHA.sub("", key).split() if w not in strip)


@functools.lru_cache(maxsize=16384)
def skeleton_readings(name: str, least: float = 0.0) -> list[tuple[Entry, bool]]:
    """Return ``(entry, exact)`` of places spelled like ``name`` in another
    transliteration.

    Of the places with the same skeleton, those whose closest spelling is
    nearly as close to ``name`` as the best one's are kept ("Arbeen" is
    "Arbine", a name of Irbin, before it is any other "rbn"), and none less
    close than ``least``; a reading is
    exact when that spelling is the place's main name ("Deir Ezzor" is the
    town Deir ez-Zor, "Dayr az Zawr" the province).
    """
    s = skeleton(name)
    if not s:
        return []
    words = norm(name).split()
    if all(english(w) for w in words if len(w) > 2):
        return []  # "Kills" is no Kilis, "Killed" no Khledia
    g = gazetteer()
    if len(words) > 1 and any(
        e.level == "country" for w in words for e, x in g.lookup(w) if x
    ):
        return []  # "Ain Issa Syria" runs into the next name
    bare = _bare(norm(name))
    close: dict[int, tuple[float, bool]] = {}
    for key, pid, exact in _index(g).get(s, ()):
        r = (SequenceMatcher(None, bare, _bare(key)).ratio(), exact)
        close[pid] = max(close.get(pid, r), r)
    if not close:
        return []
    best = max(r for r, _ in close.values())
    floor = max(lexicon()["transliteration"]["min_similarity"], best - 0.1, least)
    get = _getter(g)
    found = [(get(pid), x) for pid, (r, x) in close.items() if r >= floor]
    return [(e, x) for e, x in found if e is not None]


@functools.cache
def _getter(g: Gazetteer) -> Callable[[int], Entry | None]:
    """Return a cached ``g.get``: the same few villages recur in an article set."""
    return functools.lru_cache(maxsize=8192)(g.get)
