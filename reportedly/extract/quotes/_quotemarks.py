"""Find the stretches of text inside quotation marks, tolerating broken marks.

Marks are classified by what surrounds them rather than by their glyph, because
scraped and machine-reworded text often has wrong-way curly marks (``Syria“,
Cotton said``) or straight ones. Never raises, whatever the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = '"“”„«»'
OPENERS = "“„«"
CLOSERS = "”»"
# NYT style: two apostrophes or two backticks stand for a double mark.
_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPEN_BEFORE = set(" \t\n([{—–-/")
_CLOSE_AFTER = set(" \t\n,.;:!?)]}—–-…/")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quoted stretch: ``start``/``end`` include the marks; ``inner_*`` do not.

    ``group`` is shared by the paragraphs of one multi-paragraph quotation;
    ``anomaly`` names a broken mark (``missing_open``, ``unclosed``,
    ``wrong_way``) or is empty.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    group: int
    anomaly: str = ""
    anomaly_at: int = -1


def _role(text: str, i: int, j: int) -> str:
    """Return ``open``, ``close`` or ``either`` for the mark at ``text[i:j]``."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[j] if j < len(text) else "\n"
    if before in _OPEN_BEFORE and after not in _CLOSE_AFTER:
        return "open"
    if after in _CLOSE_AFTER and before not in _OPEN_BEFORE:
        return "close"
    glyph = text[i]
    if glyph in OPENERS or glyph == "`":
        return "open"
    if glyph in CLOSERS:
        return "close"
    return "either"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Return the quoted stretches of ``text`` in order."""
    spans: list[QuotedSpan] = []
    group = 0
    carry = False  # the previous paragraph ended inside an open quotation
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end]
        marks = [(m.start() + p_start, m.end() + p_start) for m in _MARK.finditer(para)]
        open_at: tuple[int, int] | None = None
        seg_start = p_start  # where a quote with a missing opening mark starts
        first = True
        for i, j in marks:
            role = _role(text, i, j)
            if role == "either":
                role = "close" if open_at else "open"
            wrong = (role == "open" and text[i] in CLOSERS) or (
                role == "close" and text[i] in OPENERS
            )
            if role == "open":
                if open_at is None:
                    if not (first and carry):
                        group += 1
                    open_at = (i, j)
                else:  # a second opening mark: keep the later one
                    open_at = (i, j)
            else:
                if open_at is not None:
                    spans.append(
                        QuotedSpan(
                            start=open_at[0],
                            end=j,
                            inner_start=open_at[1],
                            inner_end=i,
                            group=group,
                            anomaly="wrong_way" if wrong else "",
                            anomaly_at=i if wrong else -1,
                        )
                    )
                    open_at = None
                else:
                    group += 1
                    lead = len(text[seg_start:i]) - len(text[seg_start:i].lstrip())
                    spans.append(
                        QuotedSpan(
                            start=seg_start + lead,
                            end=j,
                            inner_start=seg_start + lead,
                            inner_end=i,
                            group=group,
                            anomaly="wrong_way" if wrong else "missing_open",
                            anomaly_at=i,
                        )
                    )
                seg_start = j
            first = False
        carry = False
        if open_at is not None:
            nxt = text[p_end:].lstrip()
            continues = bool(nxt) and _MARK.match(nxt) is not None
            spans.append(
                QuotedSpan(
                    start=open_at[0],
                    end=p_end,
                    inner_start=open_at[1],
                    inner_end=p_end,
                    group=group,
                    anomaly="" if continues else "unclosed",
                    anomaly_at=-1 if continues else open_at[0],
                )
            )
            carry = continues
    return spans
