"""Speaker resolution: role/affiliation shapes, surnames, pronouns, orgs, groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly import annotate
from reportedly.extract import actors as actors_mod
from reportedly.extract.actors import link_speakers
from reportedly.model import Actor, Article, Quote, Span, Speaker, stable_id

pytestmark = pytest.mark.model

DEMO = (
    Path(__file__).resolve().parent.parent / "reportedly/demo/000_49bb6308d4702ce6.txt"
)

# A speaker is a needle found with str.find, or (needle, text it follows).
Needle = str | tuple[str, str]


def find(text: str, needle: Needle) -> Span:
    """Return the span of ``needle`` (after the anchor text, if one is given)."""
    word, after = (needle, "") if isinstance(needle, str) else needle
    start = text.find(word, text.find(after) + len(after) if after else 0)
    assert start >= 0, f"{word!r} not in test text"
    return Span.of(text, start, start + len(word))


def run(text: str, needles: list[Needle]) -> tuple[list[Actor], list[Quote]]:
    """Resolve hand-made quotes whose speakers are ``needles``; link as the pipeline."""
    article = Article(id="t", text=text)
    quotes = [
        Quote(
            id=f"q{n}",
            kind="indirect",
            content=Span.of(text, 0, len(text)),
            speaker=Speaker(span=find(text, needle)),
        )
        for n, needle in enumerate(needles)
    ]
    found = list(actors_mod.actors(annotate.parse(text), article, quotes))
    for a in found:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    return found, link_speakers(quotes, found)


def speaker_actor(text: str, needles: list[Needle], which: int = -1) -> Actor | None:
    """Return the actor the ``which``-th speaker resolves to."""
    found, quotes = run(text, needles)
    sp = quotes[which].speaker
    assert sp is not None
    return next((a for a in found if a.id == sp.actor_id), None)


# (text, speakers, expected name, kind, role, affiliation of the last speaker)
CASES = [
    (
        "US Secretary of State John Kerry said on Monday the talks would go on.",
        ["US Secretary of State John Kerry"],
        ("John Kerry", "person", "Secretary of State", "United States"),
    ),
    (
        "US Secretary of State John Kerry said on Monday the talks would go on.",
        ["John Kerry"],
        ("John Kerry", "person", "Secretary of State", "United States"),
    ),
    (
        "French Foreign Minister Laurent Fabius told reporters Paris was ready.",
        ["French Foreign Minister Laurent Fabius"],
        ("Laurent Fabius", "person", "Foreign Minister", "France"),
    ),
    (
        "“It is a mistake,” said Illinois Rep. Adam Kinzinger.",
        ["Illinois Rep. Adam Kinzinger"],
        ("Adam Kinzinger", "person", "Representative", "Illinois"),
    ),
    (
        "“We will not stop,” said Khaled Khoja, head of the National Coalition, "
        "a coalition of opposition groups.",
        ["Khaled Khoja"],
        ("Khaled Khoja", "person", "head", "National Coalition"),
    ),
    (
        "Maria Lopez, a spokeswoman for the Health Ministry, said the clinics closed.",
        ["Maria Lopez"],
        ("Maria Lopez", "person", "spokesperson", "Health Ministry"),
    ),
    (
        "German Chancellor Angela Merkel said the plan was fair.",
        ["Angela Merkel"],
        ("Angela Merkel", "person", "Chancellor", "Germany"),
    ),
    # surname -> the earlier full name
    (
        "Defense Secretary Ashton Carter visited the base. Carter said the strikes "
        "would continue.",
        ["Carter"],
        ("Ashton Carter", "person", "Defense Secretary", None),
    ),
    # pronoun -> the previous sentence's subject
    (
        "Senator Jane Holt criticised the bill on Tuesday. She said it would fail.",
        ["She"],
        ("Jane Holt", "person", "Senator", None),
    ),
    # pronoun -> the last speaker, not the person named in between
    (
        "“We need a ceasefire,” said Omar Haddad, a local council leader. He added "
        "that aid must arrive. The parliament voted to give President Tom Reed new "
        "powers. “Let us see,” he said.",
        ["Omar Haddad", "He", ("he", "Let us see")],
        ("Omar Haddad", "person", "leader", None),
    ),
    # gender: "she" skips the man (Mr.) who is the previous subject
    (
        "“The vote is close,” said Mary Stone. Mr. Paul Grant disagreed strongly. "
        "She said the count would end tomorrow.",
        ["Mary Stone", "She"],
        ("Mary Stone", "person", None, None),
    ),
    (
        "The Pentagon said the drills were routine.",
        ["The Pentagon"],
        ("Pentagon", "organization", None, "United States"),
    ),
    (
        "Russian defence ministry says army struck eight targets in Syria",
        ["Russian defence ministry"],
        ("Russian defence ministry", "organization", None, "Russia"),
    ),
    (
        "POLITICO reported earlier that the plan had stalled.",
        ["POLITICO"],
        ("POLITICO", "media", None, None),
    ),
    (
        "Russian officials say they bombed at least four targets.",
        ["Russian officials"],
        ("Russian officials", "group", "official", "Russia"),
    ),
    (
        "USA officials are concerned that the strikes hit rebels, they said.",
        ["USA officials"],
        ("USA officials", "group", "official", "United States"),
    ),
    (
        "A French diplomat said the strikes were aimed at the opposition.",
        ["A French diplomat"],
        ("French diplomat", "person", "diplomat", "France"),
    ),
    (
        "Worse yet, Hammond concluded, the camps could grow.",
        ["Hammond"],
        ("Hammond", "person", None, None),
    ),
]

# A role phrase, then the person's name between commas: the name is the speaker.
APPOSED = [
    (
        "The head of the Free Press Union, Maria Lopez, said the office was raided.",
        "The head of the Free Press Union",
        "Maria Lopez",
    ),
    (
        "The spokesman for the Interior Ministry, Omar Haddad, said two were held.",
        "The spokesman for the Interior Ministry",
        "Omar Haddad",
    ),
]


@pytest.mark.parametrize(("text", "needle", "name"), APPOSED)
def test_role_phrase_then_name_is_the_person(text: str, needle: str, name: str) -> None:
    actor = speaker_actor(text, [needle])
    assert actor is not None and (actor.name, actor.kind) == (name, "person")


@pytest.mark.parametrize(("text", "needles", "exp"), CASES)
def test_speaker_resolution(text: str, needles: list[Needle], exp: tuple) -> None:
    actor = speaker_actor(text, needles)
    assert actor is not None
    assert (actor.name, actor.kind, actor.role, actor.affiliation) == exp


def test_unresolved_pronoun_gets_no_actor() -> None:
    text = "The rain fell all day on the town. “It is bad,” he said."
    assert speaker_actor(text, [("he", "bad")]) is None


def test_every_speaker_span_is_a_mention_of_exactly_one_actor() -> None:
    text = (
        "Senator Jane Holt criticised the bill. She said it would fail. Holt added "
        "that the Pentagon agreed, officials said."
    )
    needles: list[Needle] = ["She", ("Holt", "fail. "), "officials"]
    found, quotes = run(text, needles)
    owners: dict[tuple[int, int], list[str]] = {}
    for a in found:
        for m in a.mentions:
            owners.setdefault((m.start, m.end), []).append(a.id)
    for q in quotes:
        assert q.speaker is not None
        assert len(owners[(q.speaker.span.start, q.speaker.span.end)]) == 1
        assert q.speaker.actor_id is not None
    holt = {q.speaker.actor_id for q in quotes[:2] if q.speaker}
    assert len(holt) == 1


def test_ids_are_stable_and_derived_from_kind_and_name() -> None:
    text = "French Foreign Minister Laurent Fabius said Paris was ready."
    first, _ = run(text, ["Laurent Fabius"])
    again, _ = run(text, ["Laurent Fabius"])
    assert [a.id for a in first] == [a.id for a in again]
    fabius = next(a for a in first if a.name == "Laurent Fabius")
    assert fabius.id == stable_id("t", "person", "Laurent Fabius")


def test_reference_article_speakers() -> None:
    text = DEMO.read_text(encoding="utf-8")
    needles: list[Needle] = [
        "Khaled Khoja",
        ("He", "opposition groups.\n\n"),
        "French Foreign Minister Laurent Fabius",
        ("He", "three conditions were met. "),
        "Cotton",
        ("he", "to a few degree,” "),
        "A French diplomatic",
        "Russian officials",
        "POLITICO",
    ]
    found, quotes = run(text, needles)
    by_id = {a.id: a for a in found}

    def who(n: int) -> tuple:
        sp = quotes[n].speaker
        assert sp is not None and sp.actor_id is not None, needles[n]
        a = by_id[sp.actor_id]
        return a.name, a.kind, a.role, a.affiliation

    khoja = ("Khaled Khoja", "person", "head", "National Coalition")
    fabius = ("Laurent Fabius", "person", "Foreign Minister", "France")
    assert who(0) == who(1) == khoja
    assert who(2) == who(3) == fabius
    assert who(4) == who(5) == ("Cotton", "person", None, None)
    assert who(6)[1:] == ("person", "diplomat", "France")
    assert who(7)[1:] == ("group", "official", "Russia")
    assert who(8)[:2] == ("POLITICO", "media")
    names = {a.name for a in found}
    assert {"John Kerry", "Adam Kinzinger", "Vladimir Putin"} <= names


def test_pipeline_links_every_named_speaker_of_the_reference_article() -> None:
    from reportedly import analyze

    text = DEMO.read_text(encoding="utf-8")
    result = analyze(text, raw=True)
    assert result.quotes
    for q in result.quotes:
        if q.speaker is not None and not actors_mod.is_pronoun(q.speaker.span.text):
            assert q.speaker.actor_id is not None, q.speaker.span.text
    for a in result.actors:
        for m in a.mentions:
            assert result.article.text[m.start : m.end] == m.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "speaker"),
    [
        # a role title with a country: the one person named in the article
        # who held that role on the publication date
        (
            "Gordon Brown met Jacques Chirac and Gerhard Schroeder in Rome. "
            "The French president told reporters the summit had gone well.",
            "2004-10-29",
            "Jacques Chirac",
        ),
        # the person introduced with that role and that country, not the
        # last one introduced with the role alone
        (
            "French President Jacques Chirac greeted President George Bush. "
            "The French president told reporters the summit had gone well.",
            "2004-11-20",
            "Jacques Chirac",
        ),
        # ... never one out of office that day
        (
            "Jacques Chirac met Gordon Brown in Paris. "
            "The French president told reporters the summit had gone well.",
            "2015-03-02",
            None,
        ),
        # ... nor one of another country
        (
            "Gordon Brown met Gerhard Schroeder in Rome. "
            "The French president told reporters the summit had gone well.",
            "2004-10-29",
            None,
        ),
    ],
)
def test_role_title_resolves_to_the_holder_named(text, published, speaker):
    import reportedly

    an = reportedly.analyze(text, raw=True, published=published)
    names = {a.id: a.name for a in an.actors}
    (q,) = [q for q in an.quotes if q.speaker and "president" in q.speaker.span.text]
    got = names.get(q.speaker.actor_id)
    if speaker is None:
        assert got not in ("Jacques Chirac", "Gordon Brown", "Gerhard Schroeder")
    else:
        assert got == speaker
