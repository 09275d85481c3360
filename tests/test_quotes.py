"""Quotes and attributions, one table row per pattern, plus the reference article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from reportedly.extract.quotes import quoted_spans
from reportedly.model import Analysis, Quote

pytestmark = pytest.mark.model

ANY = "*"  # a field the row does not check
H = "Town hall notebook\n\n"  # a headline with no verb: body rules only


@dataclass(frozen=True)
class Exp:
    """What one attribution of a text must look like.

    The quote is the one whose content contains ``content`` and whose speaker
    text is ``speaker``. ``actor`` is the name the speaker resolves to;
    ``actor_mention`` a text whose actor the speaker resolves to; ``parent`` the
    speaker text of the attribution this one is nested in (None: top level);
    ``not_in`` a text the content must not contain.
    """

    content: str
    speaker: str | None
    cue: str | None
    kind: str
    pattern: str = ANY
    exact: bool = False
    parts: tuple[str, ...] = ()
    actor: str = ANY
    actor_mention: str = ANY
    parent: str | None = ANY
    not_in: str = ""


def xfail(reason: str) -> Any:
    return pytest.mark.xfail(strict=True, reason=reason)


CASES = [
    # -- direct quotations --------------------------------------------------
    pytest.param(
        H + '"We will rebuild the bridge before winter," said Mayor Linda Park.',
        Exp(
            content='"We will rebuild the bridge before winter,"',
            exact=True,
            speaker="Mayor Linda Park",
            cue="said",
            kind="direct",
            actor="Linda Park",
            parent=None,
        ),
        id="direct_quote_then_cue_then_speaker",
    ),
    pytest.param(
        H + '"The pool reopens on Saturday," the parks director said.',
        Exp(
            content='"The pool reopens on Saturday,"',
            exact=True,
            speaker="the parks director",
            cue="said",
            kind="direct",
        ),
        id="direct_quote_then_speaker_then_cue",
    ),
    pytest.param(
        H + 'Fire chief Tom Reyes said: "Nobody was hurt in the blaze."',
        Exp(
            content='"Nobody was hurt in the blaze."',
            exact=True,
            speaker="Fire chief Tom Reyes",
            cue="said",
            kind="direct",
            actor="Tom Reyes",
        ),
        id="direct_cue_colon_then_quote",
    ),
    pytest.param(
        H + "Treasurer Mia Cole presented the figures on Friday. "
        '"The budget is balanced," she said, "and the reserves are full."',
        Exp(
            content="and the reserves are full",
            speaker="she",
            cue="said",
            kind="direct",
            parts=('"The budget is balanced,"', '"and the reserves are full."'),
            actor="Mia Cole",
        ),
        id="split_quote_pronoun_speaker",
    ),
    pytest.param(
        H + '"We ran out of beds by noon," a nurse at the shelter said, '
        '"and people kept coming."',
        Exp(
            content="and people kept coming",
            speaker="a nurse at the shelter",
            cue="said",
            kind="direct",
            parts=('"We ran out of beds by noon,"', '"and people kept coming."'),
        ),
        id="split_quote_noun_phrase_speaker",
    ),
    pytest.param(
        H + '"We heard every objection," Okafor said after the meeting. '
        '"What we could not do was keep saying no."',
        Exp(
            content="keep saying no",
            speaker="Okafor",
            cue="said",
            kind="direct",
            parts=(
                '"We heard every objection,"',
                '"What we could not do was keep saying no."',
            ),
        ),
        id="split_quote_second_sentence",
    ),
    pytest.param(
        H + '"The water is safe to drink. We tested it twice. The results came '
        'back clean," said Dana Miles, the county health director.',
        Exp(
            content='"The water is safe to drink. We tested it twice. The results '
            'came back clean,"',
            exact=True,
            speaker="Dana Miles",
            cue="said",
            kind="direct",
            actor="Dana Miles",
        ),
        id="multi_sentence_quote",
    ),
    pytest.param(
        "Council member Ravi Shah spoke after the vote.\n\n"
        '"This plan has been three years in the making.\n\n'
        '"We listened to every neighbourhood and we changed the map four times," '
        "Shah said.",
        Exp(
            content="three years in the making",
            speaker="Shah",
            cue="said",
            kind="direct",
            parts=(
                '"This plan has been three years in the making.',
                '"We listened to every neighbourhood and we changed the map four '
                'times,"',
            ),
            actor="Ravi Shah",
        ),
        id="multi_paragraph_quote",
    ),
    pytest.param(
        H + "Rosa Lind has run the bakery on Quay Street since 1994.\n\n"
        '"The first flood came in March.\n\n"The second came in May.\n\n'
        '"The third came last week and took the bakery with it," she said.',
        Exp(
            content="The second came in May",
            speaker="she",
            cue="said",
            kind="direct",
            parts=(
                '"The first flood came in March.',
                '"The second came in May.',
                '"The third came last week and took the bakery with it,"',
            ),
            actor="Rosa Lind",
        ),
        id="three_paragraph_quote",
    ),
    # -- broken quotation marks -------------------------------------------
    pytest.param(
        H + 'The harbour will stay closed until Friday", port director Ana Lopez said.',
        Exp(
            content='The harbour will stay closed until Friday"',
            exact=True,
            speaker="port director Ana Lopez",
            cue="said",
            kind="direct",
            actor="Ana Lopez",
        ),
        id="missing_opening_mark",
    ),
    pytest.param(
        H + "Officials have no plan for the river at all“, Senator Tom Hale said.",
        Exp(
            content="Officials have no plan for the river at all",
            speaker="Senator Tom Hale",
            cue="said",
            kind="direct",
            actor="Tom Hale",
        ),
        id="missing_opening_mark_wrong_way_glyph",
    ),
    # -- indirect speech ----------------------------------------------------
    pytest.param(
        H + "Governor Helen Marsh said the state would appeal the ruling.",
        Exp(
            content="the state would appeal the ruling",
            exact=True,
            speaker="Governor Helen Marsh",
            cue="said",
            kind="indirect",
            actor="Helen Marsh",
            parent=None,
        ),
        id="indirect_said",
    ),
    pytest.param(
        H + "Governor Helen Marsh said that the state would appeal the ruling.",
        Exp(
            content="the state would appeal the ruling",
            speaker="Governor Helen Marsh",
            cue="said",
            kind="indirect",
        ),
        id="indirect_said_that",
    ),
    pytest.param(
        H + "The union warned that teachers would strike on Monday.",
        Exp(
            content="teachers would strike on Monday",
            speaker="The union",
            cue="warned",
            kind="indirect",
        ),
        id="indirect_warned",
    ),
    pytest.param(
        H + "The minister told reporters the talks had collapsed overnight.",
        Exp(
            content="the talks had collapsed overnight",
            exact=True,
            speaker="The minister",
            cue="told",
            kind="indirect",
        ),
        id="indirect_told_reporters",
    ),
    pytest.param(
        H + "The minister defended the rise on Thursday, saying that the government "
        "had no painless options left.",
        Exp(
            content="the government had no painless options left",
            speaker="The minister",
            cue="saying",
            kind="indirect",
        ),
        id="indirect_participle_saying",
    ),
    pytest.param(
        H + "The minister defended the rise on Thursday, telling a radio programme "
        "that the government had no painless options left.",
        Exp(
            content="the government had no painless options left",
            speaker="The minister",
            cue="telling",
            kind="indirect",
        ),
        id="indirect_participle_telling_addressee",
    ),
    pytest.param(
        H + "The minister defended the rise on Thursday, telling a radio programme "
        'that the government had "no painless options" left.',
        Exp(
            content='the government had "no painless options" left',
            speaker="The minister",
            cue="telling",
            kind="mixed",
            not_in="radio programme",
        ),
        id="mixed_participle_telling_addressee_not_content",
    ),
    pytest.param(
        H + "The talks had collapsed overnight, the minister said.",
        Exp(
            content="The talks had collapsed overnight",
            exact=True,
            speaker="the minister",
            cue="said",
            kind="indirect",
        ),
        id="indirect_cue_after_content",
    ),
    pytest.param(
        H + 'The senator said the deal was "a historic mistake" and should be '
        "scrapped.",
        Exp(
            content='the deal was "a historic mistake" and should be scrapped',
            exact=True,
            speaker="The senator",
            cue="said",
            kind="mixed",
        ),
        id="mixed_partial_quotation",
    ),
    # -- headlines ----------------------------------------------------------
    pytest.param(
        "Health ministry says flu cases fell by a third in January\n\n"
        "Hospitals admitted fewer patients than in any winter since 2015.",
        Exp(
            content="flu cases fell by a third in January",
            exact=True,
            speaker="Health ministry",
            cue="says",
            kind="indirect",
        ),
        id="headline_says",
    ),
    pytest.param(
        "Okafor: Eastgate plan will ease rents within five years\n\n"
        "Council President Diane Okafor made the prediction at a meeting on Tuesday.",
        Exp(
            content="Eastgate plan will ease rents within five years",
            exact=True,
            speaker="Okafor",
            cue=":",
            kind="indirect",
            pattern="headline",
            actor="Diane Okafor",
        ),
        id="headline_colon",
    ),
    pytest.param(
        "Senator Vows To Block Nominee\n\n"
        "Senator Maria Lopez said on Monday that she would use every procedural "
        "tool available to her.",
        Exp(
            content="Block Nominee",
            speaker="Senator",
            cue="Vows",
            kind="indirect",
        ),
        id="headline_title_case",
    ),
    # -- according to -------------------------------------------------------
    pytest.param(
        H + "According to the police, the driver fled the scene on foot.",
        Exp(
            content="the driver fled the scene on foot",
            exact=True,
            speaker="the police",
            cue="According to",
            kind="indirect",
            pattern="according_to",
        ),
        id="according_to_start",
    ),
    pytest.param(
        H + "The bridge, according to city engineers, will need a full replacement "
        "within a decade.",
        Exp(
            content="will need a full replacement within a decade",
            speaker="city engineers",
            cue="according to",
            kind="indirect",
            pattern="according_to",
        ),
        id="according_to_middle",
    ),
    pytest.param(
        H + "The old river bridge on Main Street, according to city engineers, will "
        "need a full replacement within a decade.",
        Exp(
            content="The old river bridge on Main Street",
            speaker="city engineers",
            cue="according to",
            kind="indirect",
        ),
        id="according_to_middle_keeps_the_subject",
    ),
    pytest.param(
        H + "The factory will close in March, according to a company memo seen by "
        "reporters.",
        Exp(
            content="The factory will close in March",
            exact=True,
            speaker="a company memo seen by reporters",
            cue="according to",
            kind="indirect",
            parent=None,
        ),
        id="according_to_end",
    ),
    # -- nesting ------------------------------------------------------------
    pytest.param(
        H + "The Herald reported on Monday that, according to the Treasury, the "
        "deficit had doubled since spring.",
        Exp(
            content="according to the Treasury, the deficit had doubled",
            speaker="The Herald",
            cue="reported",
            kind="indirect",
            parent=None,
        ),
        id="nested_outer",
    ),
    pytest.param(
        H + "The Herald reported on Monday that, according to the Treasury, the "
        "deficit had doubled since spring.",
        Exp(
            content="the deficit had doubled since spring",
            exact=True,
            speaker="the Treasury",
            cue="according to",
            kind="indirect",
            parent="The Herald",
        ),
        id="nested_inner",
    ),
    # -- floating, dash, transcript -----------------------------------------
    pytest.param(
        H + "Police Chief Mark Dunn said the suspect was arrested near the station."
        '\n\n"He did not resist and nobody was injured during the arrest."',
        Exp(
            content='"He did not resist and nobody was injured during the arrest."',
            exact=True,
            speaker="Police Chief Mark Dunn",
            cue=None,
            kind="direct",
            pattern="floating",
            actor="Mark Dunn",
        ),
        id="floating_quote",
    ),
    pytest.param(
        H + '"We are not going anywhere, and neither is this library." ― Jane Doe',
        Exp(
            content='"We are not going anywhere, and neither is this library."',
            exact=True,
            speaker="Jane Doe",
            cue="―",
            kind="direct",
            pattern="dash",
        ),
        id="dash_attribution",
    ),
    pytest.param(
        H + '"We are not going anywhere, and neither is this library." — Jane Doe, '
        "a branch librarian",
        Exp(
            content="neither is this library",
            speaker="Jane Doe",
            cue="—",
            kind="direct",
            pattern="dash",
        ),
        id="dash_attribution_em_dash_with_role",
    ),
    pytest.param(
        H + "SMITH: Well, the numbers speak for themselves this quarter.\n"
        "JONES: They do, but the trend is worrying for everyone here.",
        Exp(
            content="Well, the numbers speak for themselves this quarter.",
            exact=True,
            speaker="SMITH",
            cue=":",
            kind=ANY,
            pattern="transcript",
        ),
        id="transcript_line",
    ),
    pytest.param(
        H + "SMITH: Well, the numbers speak for themselves this quarter.\n"
        "JONES: They do, but the trend is worrying for everyone here.",
        Exp(
            content="They do, but the trend is worrying for everyone here.",
            exact=True,
            speaker="JONES",
            cue=":",
            kind=ANY,
            pattern="transcript",
        ),
        id="transcript_next_line",
    ),
    pytest.param(
        H + "SMITH: Well, the numbers speak for themselves this quarter.\n"
        "JONES: They do, but the trend is worrying for everyone here.",
        Exp(
            content="the trend is worrying",
            speaker="JONES",
            cue=":",
            kind="direct",
        ),
        id="transcript_line_is_direct_speech",
    ),
    pytest.param(
        H + '"I think the council has lost its way on housing," Mayor Paul Grant said.',
        Exp(
            content="I think the council has lost its way",
            speaker="Mayor Paul Grant",
            cue="said",
            kind="direct",
            actor="Paul Grant",
        ),
        id="i_think_inside_quotation_belongs_to_the_quote",
    ),
    # -- intention and evaluation -------------------------------------------
    pytest.param(
        H + "The senator vowed to block the nominee at every step.",
        Exp(
            content="to block the nominee at every step",
            exact=True,
            speaker="The senator",
            cue="vowed",
            kind="indirect",
            pattern="intention",
        ),
        id="intention_vowed",
    ),
    pytest.param(
        H + "The company pledged to cut its emissions by half before 2030.",
        Exp(
            content="to cut its emissions by half before 2030",
            exact=True,
            speaker="The company",
            cue="pledged",
            kind="indirect",
            pattern="intention",
        ),
        id="intention_pledged",
    ),
    pytest.param(
        H + "The governor criticized the legislature for delaying the budget again.",
        Exp(
            content="the legislature for delaying the budget",
            speaker="The governor",
            cue="criticized",
            kind="indirect",
            pattern="evaluation",
        ),
        id="evaluation_criticized",
    ),
    pytest.param(
        H + "The minister accused the opposition of spreading false figures.",
        Exp(
            content="the opposition of spreading false figures",
            exact=True,
            speaker="The minister",
            cue="accused",
            kind="indirect",
            pattern="evaluation",
        ),
        id="evaluation_accused",
    ),
    # -- relative pronoun speakers ------------------------------------------
    pytest.param(
        H + "The mayor, who said the contract had been signed in good faith, "
        "refused to answer further questions.",
        Exp(
            content="the contract had been signed in good faith",
            exact=True,
            speaker="who",
            cue="said",
            kind="indirect",
            actor_mention="The mayor",
        ),
        id="relative_pronoun_subject_noun",
    ),
    pytest.param(
        H + "Reporters met Mayor Ann Lee, who said the contract had been signed in "
        "good faith.",
        Exp(
            content="the contract had been signed in good faith",
            speaker="who",
            cue="said",
            kind="indirect",
            actor="Ann Lee",
        ),
        id="relative_pronoun_named_object",
    ),
    pytest.param(
        H + "Reporters questioned the mayor, who said the contract had been signed "
        "in good faith.",
        Exp(
            content="the contract had been signed in good faith",
            speaker="who",
            cue="said",
            kind="indirect",
            actor_mention="the mayor",
        ),
        id="relative_pronoun_unnamed_object",
    ),
    pytest.param(
        H + "Mayor Ann Lee opened the new library on Monday. Reporters later "
        "questioned the mayor, who said the contract had been signed in good faith.",
        Exp(
            content="the contract had been signed in good faith",
            speaker="who",
            cue="said",
            kind="indirect",
            actor="Ann Lee",
        ),
        id="relative_pronoun_role_noun_of_a_named_person",
    ),
]


def speaker_text(q: Quote) -> str | None:
    return q.speaker.span.text if q.speaker else None


def describe(quotes: tuple[Quote, ...]) -> str:
    return "\n".join(
        f"  {q.kind}/{q.pattern}: speaker={speaker_text(q)!r}"
        f" cue={q.cue.text if q.cue else None!r} content={q.content.text!r}"
        for q in quotes
    )


def find_quote(a: Analysis, content: str, speaker: str | None) -> Quote:
    """Return the quote whose content contains ``content`` spoken by ``speaker``."""
    found = [
        q for q in a.quotes if content in q.content.text and speaker_text(q) == speaker
    ]
    assert found, (
        f"no quote with content containing {content!r} and speaker {speaker!r}; "
        f"found:\n{describe(a.quotes)}"
    )
    return min(found, key=lambda q: len(q.content.text))


def actor_of(a: Analysis, q: Quote) -> Any:
    assert q.speaker is not None and q.speaker.actor_id is not None, (
        f"speaker {q.speaker} resolves to no actor"
    )
    return next(x for x in a.actors if x.id == q.speaker.actor_id)


@pytest.mark.parametrize(("text", "exp"), CASES)
def test_attribution(text: str, exp: Exp, analysis_of: Callable[..., Any]) -> None:
    a = analysis_of(text)
    q = find_quote(a, exp.content, exp.speaker)
    if exp.exact:
        assert q.content.text == exp.content
    if exp.not_in:
        assert exp.not_in not in q.content.text
    assert (q.cue.text if q.cue else None) == exp.cue
    if exp.kind != ANY:
        assert q.kind == exp.kind
    if exp.pattern != ANY:
        assert q.pattern == exp.pattern
    if exp.parts:
        assert tuple(p.text for p in q.parts) == exp.parts
    if exp.actor != ANY:
        assert actor_of(a, q).name == exp.actor
    if exp.actor_mention != ANY:
        actor = actor_of(a, q)
        at = text.index(exp.actor_mention)
        assert any(m.start <= at < m.end for m in actor.mentions), (
            f"{exp.speaker!r} resolves to {actor.name!r}, not to the actor of "
            f"{exp.actor_mention!r}"
        )
    if exp.parent != ANY:
        if exp.parent is None:
            assert q.parent_id is None
        else:
            parent = next((p for p in a.quotes if p.id == q.parent_id), None)
            assert parent is not None and parent.speaker is not None
            assert parent.speaker.span.text == exp.parent


def test_split_quote_is_one_attribution(analysis_of: Callable[..., Any]) -> None:
    text = H + '"The budget is balanced," Treasurer Mia Cole said, "and the reserves '
    text += 'are full."'
    a = analysis_of(text)
    assert len(a.quotes) == 1, describe(a.quotes)
    (q,) = a.quotes
    assert q.content.text == text[text.index('"The') :]
    assert len(q.parts) == 2


def test_consecutive_quotes_of_two_speakers_stay_apart(
    analysis_of: Callable[..., Any],
) -> None:
    text = H + '"The budget is balanced," Smith said. "The reserves are not," Jones '
    text += "said."
    a = analysis_of(text)
    smith = find_quote(a, "The budget is balanced", "Smith")
    jones = find_quote(a, "The reserves are not", "Jones")
    assert len(smith.parts) == len(jones.parts) == 1


def test_continuation_stops_at_a_sentence_with_another_speaker(
    analysis_of: Callable[..., Any],
) -> None:
    text = H + '"The budget is balanced," Treasurer Ann Smith said. Her rival '
    text += 'disagreed. "The reserves are empty and everyone knows it."'
    a = analysis_of(text)
    smith = find_quote(a, "The budget is balanced", "Treasurer Ann Smith")
    assert "reserves are empty" not in smith.content.text, describe(a.quotes)


# The subject of a passive cue is the one addressed, not the one who speaks.
PASSIVE_TEXTS = [
    pytest.param(
        H + "Residents were told to boil their drinking water for three weeks.",
        "Residents",
        id="told_to",
    ),
    pytest.param(
        H + "The mayor was asked to resign by three council members.",
        "The mayor",
        id="asked_to_by_agent",
    ),
    pytest.param(
        "Residents told to boil water for three weeks\n\n"
        "The county issued the notice on Friday.",
        "Residents",
        id="headline_told_to",
    ),
]


@pytest.mark.parametrize(("text", "addressee"), PASSIVE_TEXTS)
def test_passive_subject_is_not_the_speaker(
    text: str, addressee: str, analysis_of: Callable[..., Any]
) -> None:
    a = analysis_of(text)
    assert all(speaker_text(q) != addressee for q in a.quotes), describe(a.quotes)


# "I think", "they said" and the like inside quotation marks are the quoted
# speaker's own words, never an attribution of their own.
IN_QUOTE_TEXTS = [
    H + '"I think the council has lost its way on housing," Mayor Paul Grant said.',
    H + 'Coach Amy Reed said: "I believe we can win, and the players know it."',
    H + '"They told us the road would open in May," a resident said. "It did not."',
    H + "“I fear we will lose the whole harvest,” farmer Jo Bell said.",
]


@pytest.mark.parametrize("text", IN_QUOTE_TEXTS)
def test_no_attribution_cued_inside_a_quotation(
    text: str, analysis_of: Callable[..., Any]
) -> None:
    a = analysis_of(text)
    inner = [(s.inner_start, s.inner_end) for s in quoted_spans(text)]
    assert a.quotes, "the quotation itself is attributed"
    for q in a.quotes:
        assert q.cue is not None
        assert not any(s <= q.cue.start < e for s, e in inner), describe(a.quotes)
        assert q.speaker is not None
        assert q.speaker.span.text.lower() not in {"i", "they", "we"}


# Nested attributions form a tree: following parent_id always ends.
CYCLE_TEXTS = [
    pytest.param(
        "Steel plant will close in March, according to union leaders\n\n"
        "Workers at the plant learned of the decision on Friday.",
        id="headline_clause_with_according_to",
    ),
    pytest.param(
        H + "The plant will close, the union said, according to a memo.",
        id="parenthetical_cue_and_according_to",
    ),
]


@pytest.mark.parametrize("text", CYCLE_TEXTS)
def test_parent_links_never_form_a_cycle(
    text: str, analysis_of: Callable[..., Any]
) -> None:
    check_parent_links(analysis_of(text))


def check_parent_links(a: Analysis) -> None:
    """Every parent_id names another quote, and parent chains end."""
    by_id = {q.id: q for q in a.quotes}
    for q in a.quotes:
        seen = {q.id}
        p = q.parent_id
        while p is not None:
            assert p in by_id, f"parent_id {p} names no quote"
            assert p not in seen, f"parent_id cycle through {q.id}:\n" + describe(
                a.quotes
            )
            seen.add(p)
            p = by_id[p].parent_id


# every distinct text of the table (test_offsets checks its spans too)
CASE_TEXTS = list(dict.fromkeys(p.values[0] for p in CASES))


@pytest.mark.parametrize("text", CASE_TEXTS)
def test_case_parent_links_are_a_tree(
    text: str, analysis_of: Callable[..., Any]
) -> None:
    check_parent_links(analysis_of(text))


# -- the reference article ------------------------------------------------------


def test_reference_khoja(demo_analysis: Analysis) -> None:
    q = find_quote(demo_analysis, "36 innocent people", "Khaled Khoja")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "said"
    khoja = actor_of(demo_analysis, q)
    assert khoja.name == "Khaled Khoja"
    assert khoja.role == "head"
    assert khoja.affiliation is not None and "National Coalition" in khoja.affiliation


def test_reference_he_added_is_khoja(demo_analysis: Analysis) -> None:
    q = find_quote(demo_analysis, "more formal talks with the Russians", "He")
    assert q.cue is not None and q.cue.text == "added"
    assert actor_of(demo_analysis, q).name == "Khaled Khoja"


def test_reference_fabius(demo_analysis: Analysis) -> None:
    found = [
        q for q in demo_analysis.quotes if "Russian Federation needed" in q.content.text
    ]
    assert found, describe(demo_analysis.quotes)
    assert any(
        q.speaker
        and q.speaker.actor_id
        and actor_of(demo_analysis, q).name == "Laurent Fabius"
        for q in found
    ), describe(demo_analysis.quotes)


def test_reference_politico_and_pentagon_are_nested(demo_analysis: Analysis) -> None:
    outer = find_quote(demo_analysis, "forthcoming about their operations", "POLITICO")
    inner = find_quote(
        demo_analysis, "forthcoming about their operations", "the Pentagon"
    )
    assert outer.cue is not None and outer.cue.text == "reported"
    assert inner.cue is not None and inner.cue.text == "according to"
    assert inner.parent_id == outer.id
    assert outer.parent_id is None
    assert "according to the Pentagon" in outer.content.text
    assert "according to" not in inner.content.text


def test_reference_headline_attribution(demo_analysis: Analysis) -> None:
    q = find_quote(
        demo_analysis, "army struck eight IS targets", "Russian defence ministry"
    )
    assert q.cue is not None and q.cue.text == "says"
    assert q.speaker is not None and q.speaker.span.start == 0


def test_reference_broken_quote_is_cottons(demo_analysis: Analysis) -> None:
    q = find_quote(demo_analysis, "Putin has this opening", "Cotton")
    assert q.kind == "direct"
    assert q.content.text.startswith("Putin has this opening")
    kinds = {s.kind for s in demo_analysis.signals}
    assert "quote_mark_anomaly" in kinds


def test_reference_unintroduced_speakers(demo_analysis: Analysis) -> None:
    flagged = {
        s.span.text
        for s in demo_analysis.signals
        if s.kind == "unintroduced_speaker" and s.span is not None
    }
    assert flagged == {"Carter", "Hammond", "Cotton"}


def test_reference_removed_boilerplate(demo_analysis: Analysis) -> None:
    removed = Counter(r.text for r in demo_analysis.article.removed)
    romney = "Mitt Romney: Obama has been a 'foreign policy disaster'"
    assert removed == Counter({"Share": 1, "Advertisement": 2, romney: 1})
    assert romney not in demo_analysis.article.text


def test_reference_parent_links_are_a_tree(demo_analysis: Analysis) -> None:
    check_parent_links(demo_analysis)
