"""How the text holds an event: its modality, read from the parse.

- ``asserted``: "Russian jets struck Homs." (the default)
- ``negated``: "The army did not shell the town." (but a rejection made by
  negation, "We will not accept ...", is itself the event: asserted)
- ``denied``: "The ministry denied that its jets struck the hospital."
- ``alleged``: "Activists claimed the regime used chlorine.", "reportedly
  struck", "are believed to have seized", "officials are concerned that
  Russia is targeting ..."
- ``hypothetical``: "The strikes could push rebels into IS camps.", questions
  ("asked if the coalition would protect ...", "whether"), deliberation
  ("is considering suspending its aid")
- ``conditional``: "Paris would support the plan if Russia stops the
  bombing." ("If X forces a shutdown, as happened this weekend" happened:
  asserted)
- ``future``: "Russia will send more jets.", plans and schedules ("plans
  to", "is due to", "the planned talks", "would shortly mount", "would be
  provided next year"), hopes ("hoped-for talks"), "would" in reported speech
- ``demanded``: "The UN called on Russia to stop the airstrikes.", obligation
  ("must stop", "needed to push Assad"), "called for talks"

Word lists live in ``lexicons/cues.toml`` under ``[modality]``.
"""

from __future__ import annotations

from typing import Any

from reportedly.extract._spans import sent_of
from reportedly.extract.events._governing import frames, is_a, mark_of, words
from reportedly.lexicons import word_set

NOMINAL = ("NOUN", "PROPN")


def governing_verb(tok: Any) -> Any | None:
    """The verb whose modality a nominal event takes: ``imposes a tariff``,
    ``the apology would be made``, ``talks should get under way``; None when
    the noun only names its event (``the strikes killed 30``)."""
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.lemma_.lower() in _reversals():
        return None  # "to stop the bombing": the bombing goes on
    if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
        return head
    if tok.dep_ == "nsubj" and is_a(head, "happen_verbs"):
        return head
    return None


def _reversals() -> frozenset[str]:
    """Verbs that undo their object (events.toml): ``stop``, ``suspend``."""
    return word_set("events.toml", "REVERSAL", "verbs")


def _demand_object(tok: Any) -> bool:
    """``called for talks``, ``a campaign ... for a public apology``."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("for", "on"):
        return False
    if is_a(prep.head, "demand_heads") or is_a(prep.head, "demand_nouns"):
        return True
    lo = max(prep.head.i + 1, prep.i - 6) if prep.head.i < prep.i else prep.i - 6
    return any(is_a(t, "demand_nouns") for t in tok.doc[max(lo, 0) : prep.i])


def _verb_around(tok: Any) -> Any | None:
    """The verb a prepositional noun's phrase hangs on."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    verb = tok.head.head  # "died in an airstrike"; not "the cost of the war"
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _object_of(tok: Any) -> str | None:
    """``is planning an appeal``, ``demanded a ceasefire``, ``is considering
    sanctions``: the verb an event noun is the object of says how it stands."""
    if tok.dep_ != "dobj":
        return None
    for key, mod in (
        ("planned_objects", "future"),
        ("demanded_objects", "demanded"),
        ("deliberation_heads", "hypothetical"),
    ):
        if is_a(tok.head, key):
            return mod
    return None


def _noun_modality(tok: Any) -> str | None:
    """Modifiers that say how a named event stands: ``planned``, ``possible``,
    ``alleged``, ``hoped-for``; a demanded object (``called for talks``)."""
    for c in tok.children:
        if c.dep_ in ("amod", "acl", "compound", "nmod"):
            for key, mod in (
                ("future_modifiers", "future"),
                ("hypothetical_modifiers", "hypothetical"),
                ("alleged_modifiers", "alleged"),
            ):
                if is_a(c, key):
                    return mod
    dets = [c for c in tok.children if c.dep_ == "det"]
    if any(is_a(c, "hypothetical_determiners") for c in dets):
        return "hypothetical"  # "opposed to any offensive"
    if _demand_object(tok):
        return "demanded"
    return _object_of(tok) or _prospect(tok)


def _prospect(tok: Any) -> str | None:
    """``hopes of a truce``, ``the risk of an attack``: hypothetical;
    ``plans for an offensive``: future."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("of", "for"):
        return None
    if is_a(prep.head, "prospect_nouns"):
        return "hypothetical"
    return "future" if is_a(prep.head, "plan_nouns") else None


def _negated(tok: Any) -> bool:
    kids = {c.lower_ for c in tok.children}
    if any(c.dep_ == "neg" for c in tok.children) or kids & {"never", "no"}:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True  # "the talks ended without a deal"
    # "there were no reports of clashes", "no sign of fighting"
    of, noun = tok.head, tok.head.head
    return (
        tok.dep_ == "pobj"
        and of.lower_ == "of"
        and is_a(noun, "absence_nouns")
        and any(c.lower_ == "no" for c in noun.children)
    )


def _auxes(verb: Any) -> set[str]:
    """The modal auxiliaries of ``verb``; a conjunct without its own subject
    shares its head's, an infinitive its governing verb's (``could decide to
    strike``)."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    h = verb
    for _ in range(4):
        shares = h.dep_ in ("xcomp", "acomp") or (
            h.dep_ == "conj"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in h.children)
        )
        if not shares or h.head.i == h.i:
            break
        h = h.head
        aux |= {c.lower_ for c in h.children if c.dep_ in ("aux", "auxpass")}
    return aux


def _would(verb: Any, reported: set[str]) -> str:
    """``would``: future when it looks ahead (``would shortly mount``, ``would
    be provided next year``) or is reported speech, else hypothetical."""
    ahead = words("future_adverbs")
    if any(t.lower_ in ahead for c in verb.children for t in c.subtree):
        return "future"
    if "reported" in reported:
        return "future"
    return "hypothetical"


def modality_of(tok: Any, cue_lemma: str | None, *, rejection: bool = False) -> str:
    """Return the modality of the event named by token ``tok``.

    ``cue_lemma`` is the cue of the attribution the event sits in;
    ``rejection``: the event is a rejection made by negating its trigger
    (``will not accept``), so the negation is the event, not its modality.
    """
    if cue_lemma in words("denied"):
        return "denied"
    verb = tok if tok.pos_ not in NOMINAL else governing_verb(tok)
    own = _noun_modality(tok) if tok.pos_ in NOMINAL else None
    if not rejection and (_negated(tok) or (verb is not None and _negated(verb))):
        return "negated"
    if own is not None:
        return own
    if verb is None and _copula_ahead(tok):
        return "future"  # "the talks are due to start", "set to resume"
    if verb is None:
        # "died in an American airstrike": a noun in a phrase takes the
        # frames of the clause around it (not its modals)
        around = _verb_around(tok)
        found = frames(around) if around is not None else None
        return found or _hedged(tok, cue_lemma)
    if verb is not tok and is_a(verb, "denial_verbs") and tok.dep_ == "dobj":
        return "denied"
    found = frames(verb)
    if found == "future" and _auxes(verb) & words("hypothetical_modals") - {"would"}:
        return "hypothetical"  # "could decide to strike"
    if found is not None:
        return found
    return _auxiliary(verb, tok, rejection) or _hedged(verb, cue_lemma)


def _copula_ahead(tok: Any) -> bool:
    """A nominal event that is the subject of ``be`` with a scheduling
    adjective and an infinitive: ``the talks are due to start``."""
    be = tok.head
    return (
        tok.dep_ == "nsubj"
        and be.lemma_ == "be"
        and any(
            c.dep_ in ("acomp", "xcomp", "attr") and is_a(c, "future_heads")
            for c in be.children
        )
    )


def _inverted(verb: Any) -> bool:
    """``should Russia's strikes continue``: a condition put as a question."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(
        c.dep_ == "aux" and c.lower_ in ("should", "had", "were") and c.i < subj.i
        for c in verb.children
    )


def _auxiliary(verb: Any, tok: Any, rejection: bool) -> str | None:
    aux = _auxes(verb)
    conditional = any(
        c.dep_ == "advcl" and mark_of(c) == "conditional" for c in verb.children
    )
    if conditional and aux & words("hypothetical_modals"):
        return "conditional"
    if _question(verb):
        return "hypothetical"
    if _inverted(verb) or (verb is not tok and _inverted(tok.head)):
        return "conditional"
    if aux & words("future_modals") or verb.lower_ == "going":
        return None if rejection else "future"
    if aux & words("obligation_modals"):
        nominal_subject = tok is not verb and tok.dep_ == "nsubj"
        return "future" if nominal_subject and "should" in aux else "demanded"
    if "would" in aux:
        return None if rejection else _would(verb, _reported(verb))
    if aux & words("hypothetical_modals"):
        return "hypothetical"
    return None


def _reported(verb: Any) -> set[str]:
    """``{"reported"}`` when ``verb`` heads the clause of a speech verb."""
    h = verb
    for _ in range(3):
        if h.dep_ != "ccomp" or h.head.i == h.i:
            break
        if h.head.lemma_.lower() in word_set("cues.toml", "speech"):
            return {"reported"}
        h = h.head
    return set()


def _question(verb: Any) -> bool:
    """``Did Russia bomb the hospital?``: the main clause of a question."""
    sent = sent_of(verb)
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return (
        last is not None
        and last.text == "?"
        and verb.dep_ == "ROOT"
        and any(c.dep_ == "aux" and c.i < verb.i for c in verb.children)
    )


def _hedged(tok: Any, cue_lemma: str | None) -> str:
    kids = {c.lower_ for c in tok.children}
    if kids & words("alleged_adverbs") or cue_lemma in words("alleged"):
        return "alleged"
    if kids & words("hypothetical_adverbs"):
        return "hypothetical"
    if cue_lemma in words("future_cues") and tok.tag_ not in ("VBD", "VBN"):
        return "future"
    return "asserted"
