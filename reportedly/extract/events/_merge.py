"""One record per happening: event coreference inside one article.

Runs after locations and dates are known. Records are read in text order;
each joins the nearest earlier group it is compatible with and linked to by
a cue, else starts its own. Compatible with every record of the group:

- the types are one, or a pair one happening can get (``type_pairs``);
- not a denial against an assertion;
- actors and recipients can be the same (same actor, same canonical name or
  a shared noun; one side empty; pronouns left unresolved say nothing);
- no clash of their own places (two towns, two countries of their own
  clauses), of their own dates (days, weeks, months or years that do not
  overlap) or of their counts (ranges of one unit that do not overlap,
  ``counts.bounds``: ``at least four`` fits ``eight``).

And a cue that the record retells one of the group:

- a definite noun mention (``the release``, ``this collaboration``, ``their
  arrests``), not marked as another (``another attack``, ``he also ...``);
- the headline and a body record of one claimant and one verb, or sharing a
  participant or their own place;
- a pronoun subject with the same verb as an earlier clause (``it would be
  provided``);
- the same claimant, verb, and named actor and recipient (``Esper accused
  China``), not kinds (``army units destroyed vehicles``);
- the outcome of an attack told in its own clause, in the attack's sentence
  or the next (``killed six ... the attack also wounded 19``, ``shelled the
  port, killing five``), with no actor of its own in the next sentence;
  counts of different outcomes never clash;
- one sentence: an event noun carried by a light verb (``delivered an
  ultimatum``), joined by a preposition (``killed by a drone strike``) or a
  relative clause (``the bombs which killed``), or the act a pledge or threat
  announces (``pledged to boost pensions by restoring the link``). A demand's
  content stays its own record (modality ``demanded``): it is another party's
  act and says what is demanded.

The merged record is the earliest one (its id, trigger, evidence, claimant
and modality), completed from the others: resolved participants where it has
none, the own date and place of a retelling clause (a verb, or a noun
subject: ``the bombing took place in Dalen``) where it has only the
publication date or the article's place, their counts; their evidence goes
to ``mentions``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportedly.extract._spans import doc_text, sent_of
from reportedly.extract._spans import tokens as doc_tokens
from reportedly.extract.events import _merge_cues as cue
from reportedly.extract.events._merge_record import merged_record
from reportedly.headline import headline_span
from reportedly.model import Actor, Event, Place

VERSION = "event_merge.v2"
_PRONOUN_REACH = 3  # sentences a pronoun subject looks back


@dataclass(slots=True)
class _Item:
    """One record and what the merge reads of it (trigger cues once, not per pair)."""

    ev: Event
    tok: Any | None  # the trigger token
    pos: int
    sent: int  # index of its sentence
    claim: str
    head: bool  # in the headline
    stem: str
    distinct: bool = False
    definite: bool = False
    actors: list[cue.Party] = field(default_factory=list)
    recipients: list[cue.Party] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    items: list[_Item]
    typed_by: _Item | None = None  # the noun a light verb carries


def _items(doc: Any, events: Sequence[Event], ctx: dict[str, Any]) -> list[_Item]:
    tokens = {t.idx: t for t in doc_tokens(doc)}
    sents = {s.start: n for n, s in enumerate(doc.sents)}
    h0, h1 = headline_span(doc_text(doc))
    out = []
    for ev in events:
        pos = ev.trigger.start if ev.trigger else ev.evidence.start
        tok = tokens.get(pos) if ev.trigger else None
        c = ev.claimant
        it = _Item(
            ev=ev,
            tok=tok,
            pos=pos,
            sent=sents.get(sent_of(tok).start, -1) if tok is not None else -1,
            claim=(c.actor_id or c.span.text.casefold()) if c else "outlet",
            head=h0 <= pos < h1,
            stem=(tok.lemma_ if tok is not None else ev.evidence.text).lower()[:5],
            distinct=tok is not None and cue.distinct(tok),
            definite=tok is not None and cue.definite(tok),
        )
        for side, args in (("actors", ev.actors), ("recipients", ev.recipients)):
            parties = [cue.party(a, ctx["actors"], doc) for a in args]
            setattr(it, side, [p for p in parties if p is not None])
        out.append(it)
    return sorted(out, key=lambda i: i.pos)


def _fits(e: _Item, m: _Item, places: dict[str, Place], light: bool = False) -> bool:
    """The values of two records allow one happening (types aside). With
    ``light`` (a light verb and its event noun, a noun joined by a
    preposition) recipients are not compared: the light verb's is the noun it
    carries, ``killed in clashes with US forces`` names the other side."""
    neg = cue.words("negative")
    if (e.ev.modality in neg) != (m.ev.modality in neg):
        return False
    if not cue.side_fits(e.actors, m.actors):
        return False
    if not light and not cue.side_fits(e.recipients, m.recipients):
        return False
    return not (
        cue.places_clash(e.ev, m.ev, places)
        or cue.dates_clash(e.ev, m.ev)
        or (cue.counts_clash(e.ev, m.ev) and not _outcomes(e, m))
    )


def _cue(e: _Item, m: _Item, triggers: set[int]) -> str | None:
    """The cue that ``e`` retells ``m`` (earlier), or None."""
    if e.tok is None or m.tok is None:
        return None
    if e.sent == m.sent:
        link = cue.clause_link(e.tok, m.tok)
        pairs = "clause_pairs" if link == "prep" else "type_pairs"
        typed = link in ("prep", "relcl") and not cue.types_fit(
            e.ev.type, m.ev.type, pairs
        )
        if link is not None and not typed:
            return link
        pledge = m.ev.type in cue.lex()["pledge_types"] and (
            e.ev.modality in cue.words("pledged_modalities")
        )
        if pledge and cue.pledged(e.tok, m.tok, triggers):
            return "pledge"
    if _casualty(e, m):
        return "casualty"
    if not cue.types_fit(e.ev.type, m.ev.type) or e.distinct:
        return None
    same_stem = e.stem == m.stem
    if e.definite:
        return "definite" if _retold(e, m, same_stem) else None
    if m.head and not e.head and e.claim == m.claim:
        shared = cue.side_shared(e.actors, m.actors) or _same_place(e, m)
        if same_stem or shared or cue.side_shared(e.recipients, m.recipients):
            return "headline"
    near = 0 <= e.sent - m.sent <= _PRONOUN_REACH
    verb = m.tok.pos_ in ("VERB", "AUX")
    if same_stem and near and verb and cue.pronoun_subject(e.tok):
        return "pronoun"
    same = same_stem and e.claim == m.claim and e.ev.type == m.ev.type
    if same and cue.side_shared(e.actors, m.actors, named=True):
        shared = cue.side_shared(e.recipients, m.recipients, named=True)
        return "participants" if shared else None
    return None


def _casualty(e: _Item, m: _Item) -> bool:
    """``e`` tells an outcome (killed, wounded, destroyed) of the attack
    ``m`` in its sentence or the next, with no actor of its own."""
    verbs = cue.words("casualty_verbs")
    return (
        e.ev.type == m.ev.type == "ASSAULT"
        and e.tok is not None
        and e.tok.lemma_.lower() in verbs
        and (not e.ev.actors or e.sent == m.sent)  # "shelled X, killing five"
        and 0 <= e.sent - m.sent <= cue.lex()["casualty_reach"]
        and e.ev.modality == m.ev.modality
    )


def _same_place(e: _Item, m: _Item) -> bool:
    """Both records name one place in their own clauses (``in Aleppo``)."""
    a, b = e.ev.location, m.ev.location
    own = e.ev.location_source == m.ev.location_source == "clause"
    return own and a is not None and b is not None and a.place_id == b.place_id


def _outcomes(e: _Item, m: _Item) -> bool:
    """An outcome (wounded 19) and another verb's count: they never clash."""
    verbs = cue.words("casualty_verbs")
    lemmas = {x.tok.lemma_.lower() if x.tok is not None else "" for x in (e, m)}
    return len(lemmas) == 2 and bool(lemmas & verbs)


def _retold(e: _Item, m: _Item, same_stem: bool) -> bool:
    """Can the definite mention ``e`` retell ``m``? Its places and dates must
    be in ``m``'s evidence, nouns agree in number, neither is a habit or a
    kind, and in other words than ``m``'s it must be a bare, near retelling
    noun (``the attack``, ``the release``)."""
    et, mt = e.tok, m.tok
    if et is None or mt is None:
        return False
    said = m.ev.evidence.text.lower()
    if any(s not in said for s in cue.specifiers(et)):
        return False
    if cue.number_differs(et, mt) or cue.generic(et) or cue.generic(mt):
        return False
    if same_stem:
        return True
    near = 0 <= e.sent - m.sent <= cue.lex()["loose_reach"]
    noun = et.lemma_.lower() in cue.words("retelling_nouns")
    return near and noun and cue.bare(et)


def _passed(e: _Item, m: _Item, g: _Group, groups: list[_Group]) -> bool:
    """Does another group hold a record of a fitting type between ``m`` and
    ``e``? A mention in other words (``the attack``) retells only the latest
    happening of its kind."""
    return any(
        m.pos < o.pos < e.pos and cue.types_fit(e.ev.type, o.ev.type)
        for h in groups
        if h is not g
        for o in h.items
    )


def _join(e: _Item, groups: list[_Group], ctx: dict[str, Any]) -> bool:
    """Add ``e`` to the group it retells; say whether it joined one. A
    definite mention prefers a record of its own word (``the airstrikes``
    after ``airstrikes``), then one of its modality (``had the apology``: the
    apology made, not the one demanded), then the nearest; other cues name
    their record."""
    places, triggers = ctx["places"], ctx["triggers"]
    found = []
    for g in groups:
        for m in g.items:
            kind = _cue(e, m, triggers)
            light = kind in ("light", "light_kept", "prep", "casualty")
            if kind is not None and all(
                _fits(e, o, places, light and (o is m or kind == "casualty"))
                for o in g.items
            ):
                loose = kind == "definite" and e.stem != m.stem
                if loose and _passed(e, m, g, groups):
                    continue
                other = e.ev.modality != m.ev.modality
                found.append(((loose, other, e.pos - m.pos), g, m, kind))
    if not found:
        return False
    _, g, m, kind = min(found, key=lambda f: f[0])
    g.items.append(e)
    if kind == "light" and m is g.items[0]:
        g.typed_by = e
    return True


def merge(
    doc: Any,
    events: Sequence[Event],
    actors: Sequence[Actor] = (),
    places: Sequence[Place] = (),
) -> list[Event]:
    """Return the events with the records of one happening merged into one,
    in the order of the records kept."""
    if len(events) < 2:
        return list(events)
    ctx: dict[str, Any] = {
        "actors": {a.id: a for a in actors},
        "places": {p.id: p for p in places},
    }
    items = _items(doc, events, ctx)
    ctx["triggers"] = {i.tok.i for i in items if i.tok is not None}
    groups: list[_Group] = []
    for e in items:
        if not _join(e, groups, ctx):
            groups.append(_Group([e]))
    merged = {g.items[0].ev.id: _record(g) for g in groups}
    return [merged[ev.id] for ev in events if ev.id in merged]


def _record(g: _Group) -> Event:
    """The group's record: the earliest, completed from the others."""
    typed_by = g.typed_by.ev if g.typed_by is not None else None
    rest = g.items[1:]
    timed = [i.ev for i in rest if i.tok is not None and _tells_time(i.tok)]
    return merged_record(g.items[0].ev, [i.ev for i in rest], typed_by, timed)


def _tells_time(tok: Any) -> bool:
    """Is the clause's date and place the happening's own? Yes for a verb
    (``they would be provided next year``), a noun subject (``the bombing
    took place in Dalen``) or a light verb's object (``made the apology at
    Westminster``), not a noun another act governs (``is producing the tour,
    tickets on sale 6 December``)."""
    if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in cue.words("light_verbs")
