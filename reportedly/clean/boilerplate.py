"""Drop news boilerplate lines (patterns are data: lexicons/boilerplate.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from reportedly.model import Removed

_LEAD = re.compile(r"^[\s|•·*\-–—]+")
_TRAIL = re.compile(r"[\s.:!|•·»›>\-–—]+$")
_CLOSERS = "\"'”’»)]*"
_SENTENCE_END = ".!?…:;,"
_OPENERS = "\"'“‘«([*"
_SPEAKER_COLON = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*):\s+(\S.*)")


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate line pattern with the reason it is dropped."""

    reason: str
    regex: re.Pattern[str]
    max_chars: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The boilerplate rules: whole-line patterns and the trailing-headline rule."""

    rules: tuple[Rule, ...]
    headline_reason: str
    headline_max_chars: int
    headline_min_words: int
    headline_max_lines: int
    min_lines_before: int
    keep_prefixes: tuple[str, ...]
    small_words: frozenset[str]
    inline: tuple[Rule, ...] = ()
    list_reason: str = ""
    list_heading: re.Pattern[str] | None = None
    list_max_items: int = 0
    list_max_chars: int = 0


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load lexicons/boilerplate.toml once."""
    path = resources.files("reportedly.lexicons").joinpath("boilerplate.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = tuple(
        Rule(
            reason=r["reason"],
            regex=re.compile(r["pattern"], re.IGNORECASE),
            max_chars=int(r.get("max_chars", 80)),
        )
        for r in data["line"]
    )
    th = data["trailing_headline"]
    links = data.get("link_list", {})
    inline = tuple(
        Rule(reason=r["reason"], regex=re.compile(r["pattern"]), max_chars=0)
        for r in data.get("inline", [])
    )
    return Lexicon(
        rules=rules,
        headline_reason=th["reason"],
        headline_max_chars=int(th["max_chars"]),
        headline_min_words=int(th["min_words"]),
        headline_max_lines=int(th["max_lines"]),
        min_lines_before=int(th["min_lines_before"]),
        keep_prefixes=tuple(p.lower() for p in th["keep_prefixes"]),
        small_words=frozenset(w.lower() for w in th["small_words"]),
        inline=inline,
        list_reason=links.get("reason", ""),
        list_heading=re.compile(links["heading"], re.IGNORECASE) if links else None,
        list_max_items=int(links.get("max_items", 0)),
        list_max_chars=int(links.get("max_chars", 0)),
    )


def line_reason(line: str, lex: Lexicon | None = None) -> str | None:
    """Return why ``line`` is boilerplate, or None when it is article text."""
    lex = lex or lexicon()
    core = _TRAIL.sub("", _LEAD.sub("", line.strip()))
    if not core:
        return None
    for rule in lex.rules:
        if len(line.strip()) <= rule.max_chars and rule.regex.fullmatch(core):
            return rule.reason
    return None


def _ends_sentence(par: str) -> bool:
    return par.rstrip().rstrip(_CLOSERS).endswith(tuple(_SENTENCE_END))


def _headline_like(line: str, lex: Lexicon) -> bool:
    """Say whether a line looks like a stray headline, not article text."""
    s = line.strip()
    words = s.split()
    return (
        len(s) <= lex.headline_max_chars
        and len(words) >= lex.headline_min_words
        and not _ends_sentence(s)
        and not s.endswith((")", "]"))
        and not s.lower().startswith(lex.keep_prefixes)
        and (_title_case(words, lex) or _speaker_colon(s))
    )


def _title_case(words: list[str], lex: Lexicon) -> bool:
    """Say whether every word but the small ones starts with a capital (or digit)."""
    first = words[0].lstrip(_OPENERS)
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    for w in words[1:]:
        w = w.lstrip(_OPENERS)
        if (
            w
            and w[0].islower()
            and w.lower().strip(".,:;!?'\"’”") not in lex.small_words
        ):
            return False
    return True


def _speaker_colon(line: str) -> bool:
    """Say whether a line reads "Mitt Romney: Obama has been ..." (a quote headline)."""
    m = _SPEAKER_COLON.match(line)
    return bool(m) and len(m.group(2).split()) >= 3


def remove_boilerplate(text: str) -> tuple[str, tuple[Removed, ...]]:
    """Drop boilerplate lines and a trailing stray headline; report each one.

    ``text`` must be whitespace-normalised: paragraphs separated by one blank
    line. The first paragraph (the headline of a plain-text article) is only
    dropped when a line pattern matches it, never as a stray headline.
    """
    lex = lexicon()
    removed: list[Removed] = []
    paragraphs: list[str] = []
    items = 0  # link lines still allowed under a heading of other stories
    for par in text.split("\n\n"):
        kept = []
        for line in par.split("\n"):
            reason = line_reason(line, lex)
            if reason is None and items and _link_item(line, lex):
                reason, items = lex.list_reason, items - 1
            elif reason is not None and _heading(line, lex):
                items = lex.list_max_items
            else:  # other furniture stays in the list; article text ends it
                items = max(items - 1, 0) if reason is not None else 0
            if reason is None:
                line = _drop_inline(line, lex, removed)
                if line.strip():
                    kept.append(line)
            else:
                removed.append(Removed(text=line.strip(), reason=reason))
        if kept:
            paragraphs.append("\n".join(kept))
    paragraphs, tail = _drop_trailing_headlines(paragraphs, lex)
    return "\n\n".join(paragraphs), tuple(removed + tail)


def _heading(line: str, lex: Lexicon) -> bool:
    """``DON'T MISS``, ``Related stories``: a heading over links to other stories."""
    core = _TRAIL.sub("", _LEAD.sub("", line.strip()))
    return lex.list_heading is not None and bool(lex.list_heading.fullmatch(core))


def _link_item(line: str, lex: Lexicon) -> bool:
    """A line under such a heading: short and not a finished sentence."""
    s = line.strip()
    return 0 < len(s) <= lex.list_max_chars and not _ends_sentence(s)


def _drop_inline(line: str, lex: Lexicon, removed: list[Removed]) -> str:
    """Cut the inline furniture of ``line`` (credits, share links, link
    tails), recording each cut; the rest of the line is kept."""
    for rule in lex.inline:
        m = rule.regex.search(line)
        while m is not None and m.end() > m.start():
            removed.append(Removed(text=m.group().strip(), reason=rule.reason))
            line = (
                line[: m.start()].rstrip(" ") + " " + line[m.end() :].lstrip(" ")
            ).strip(" ")
            m = rule.regex.search(line)
    return line


def _drop_trailing_headlines(
    paragraphs: list[str], lex: Lexicon
) -> tuple[list[str], list[Removed]]:
    """Drop a run of stray headline lines after the article's last sentence."""
    lines = [(i, line) for i, par in enumerate(paragraphs) for line in par.split("\n")]
    run = 0
    while run < min(lex.headline_max_lines, len(lines)):
        if not _headline_like(lines[-run - 1][1], lex):
            break
        run += 1
    before = lines[: len(lines) - run]
    if (
        not run
        or len(before) < lex.min_lines_before
        or not _ends_sentence(before[-1][1])
    ):
        return paragraphs, []
    tail = [
        Removed(text=line.strip(), reason=lex.headline_reason)
        for _, line in lines[-run:]
    ]
    kept: dict[int, list[str]] = {}
    for i, line in before:
        kept.setdefault(i, []).append(line)
    return ["\n".join(kept[i]) for i in sorted(kept)], tail
