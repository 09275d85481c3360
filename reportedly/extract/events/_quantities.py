"""Quantities in an event clause: numbers modifying a noun (``eight IS
targets`` -> 8 targets), number words included (used by ``_args``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
SCALES_APPROX = {"dozen": 12, "dozens": 12, "hundreds": 100, "thousands": 1000}


def _number_value(toks: list[Any]) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for t in toks:
        w = t.lower_.replace(",", "")
        try:
            current += float(w)
            seen = True
            continue
        except ValueError:
            pass
        if w in UNITS:
            current += UNITS[w]
            seen = seen or w not in ("a", "an")
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            total, current, seen = total + current, 0.0, True
        elif w in SCALES_APPROX:
            current = max(current, 1) * SCALES_APPROX[w]
            seen = True
        elif w in ("and", "-"):
            continue
        else:
            return None
    return total + current if seen else None


def _numeric(t: Any) -> bool:
    w = t.lower_
    return t.like_num or w in UNITS or w in SCALES or w in SCALES_APPROX


def quantities(doc: Any, lo: int, hi: int) -> Iterator[tuple[float, str, int, int]]:
    """Yield (value, unit, start_char, end_char) for counted nouns in tokens lo..hi."""
    seen: set[int] = set()
    covered: set[int] = set()
    for t in doc[lo : hi + 1]:
        if t.dep_ != "nummod" or t.head.pos_ not in ("NOUN", "PROPN"):
            continue
        head = t.head
        if head.i < t.i:
            continue
        a = b = t.i  # the contiguous number words around t ("two hundred and fifty")
        while a > 0 and (
            _numeric(doc[a - 1])
            or (doc[a - 1].lower_ in ("and", "-") and a > 1 and _numeric(doc[a - 2]))
        ):
            a -= 1
        while b + 1 < head.i and (
            _numeric(doc[b + 1])
            or (doc[b + 1].lower_ in ("and", "-") and _numeric(doc[b + 2]))
        ):
            b += 1
        if any(
            doc[k].dep_ == "nummod" and doc[k].head.i == head.i
            for k in range(b + 1, head.i)
        ):
            continue
        value = _number_value(list(doc[a : b + 1]))
        if value is None:
            continue
        first = min(doc[a], t.left_edge, key=lambda x: x.i)
        if first.i in seen:
            continue
        seen.add(first.i)
        covered.update(range(first.i, head.i + 1))
        yield value, head.lower_, first.idx, head.idx + len(head.text)
    # "eight IS targets": the parser read "IS" as a verb and lost the nummod
    for t in doc[lo : hi + 1]:
        if t.i in covered or not _numeric(t) or t.dep_ == "nummod":
            continue
        if t.i > 0 and _numeric(doc[t.i - 1]):
            continue
        for k in range(t.i + 1, min(t.i + 4, hi + 1)):
            nxt = doc[k]
            if nxt.is_punct or nxt.is_space or _numeric(nxt):
                break
            if nxt.tag_ == "NNS":
                value = _number_value([t])
                if value is not None:
                    covered.add(t.i)
                    yield value, nxt.lower_, t.idx, nxt.idx + len(nxt.text)
                break
