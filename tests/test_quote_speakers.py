"""Who speaks: no furniture, things or anonymous reports as speakers; documents
speak for their owner; a headline quotation is nobody's unless the headline
says whose; speech demanded of someone is no statement. Our own sentences."""

from __future__ import annotations

import pytest

import reportedly

pytestmark = pytest.mark.model

HEAD = "Harbour row deepens\n\n"

# (text after a plain headline, speakers that must not appear, (speaker, cue)
# pairs that must appear)
SPEAKERS = [
    (
        "Gunshot wounds, the hospital said, killed two men.",
        ["Gunshot wounds"],
        [("the hospital", "said")],
    ),
    (
        "Harbour chaos continues, reports say, as police clear the quay.",
        ["reports"],
        [],
    ),
    ("Reports said the army shelled the port.", ["Reports"], []),
    (
        "The latest speculation suggests the mayor will resign.",
        ["The latest speculation"],
        [],
    ),
    ("SEE MORE: Harbour protests spread to the quay", ["SEE MORE", "SEE"], []),
    ("Photos by Jane Roe showed the flooded quay.", ["Photos by Jane Roe"], []),
    (
        "A report in the Harbour Gazette says the pier cost two million.",
        ["A report in the Harbour Gazette"],
        [("the Harbour Gazette", "says")],
    ),
    (
        "The video, posted by local fishermen, shows a boat sinking.",
        ["The video"],
        [("local fishermen", "shows")],
    ),
    ("The ministry's report says the pier is unsafe.", [], [("The ministry", "says")]),
    (
        "According to a report in the Harbour Gazette, the pier cost two million. "
        "The report says the council paid half.",
        ["The report"],
        [("the Harbour Gazette", "says")],
    ),
    (
        "The campaign group Harbour Town Says No said the vote was unfair.",
        [],
        [("Harbour Town Says No", "said")],
    ),
    (
        "He said the council needed to state clearly who would pay.",
        [],
        [("He", "said")],
    ),
    # words said speak for whoever said them
    (
        "The mayor's warning underlined that the quay is unsafe.",
        ["The mayor's warning"],
        [("The mayor", "underlined")],
    ),
    # "that" and "which" as speakers stand for the noun their clause hangs on
    (
        "The council quoted a fisherman that said the pier had cracked.",
        ["that"],
        [("a fisherman", "said")],
    ),
]


@pytest.mark.parametrize(("text", "absent", "present"), SPEAKERS)
def test_speakers(text: str, absent: list[str], present: list[tuple[str, str]]) -> None:
    a = reportedly.analyze(HEAD + text, raw=True)
    got = {
        (q.speaker.span.text, q.cue.text if q.cue else None)
        for q in a.quotes
        if q.speaker
    }
    speakers = {s for s, _ in got}
    for s in absent:
        assert s not in speakers, got
    for pair in present:
        assert pair in got, got
    cues = {c for _, c in got}
    assert "Says" not in cues and "state" not in cues


# (headline, body, speakers that must not appear, speakers that must)
HEADLINES = [
    ("'He died in my arms'", "A mother said her son died in the blast.", ["He"], []),
    ("“We will not leave” say harbour tenants", "Tenants refused to go.", ["We"], []),
    ("Mayor says harbour plan is dead", "The plan was dropped.", [], ["Mayor"]),
]


@pytest.mark.parametrize(("headline", "body", "absent", "present"), HEADLINES)
def test_headline_quotation_is_nobodys_unless_the_headline_says(
    headline: str, body: str, absent: list[str], present: list[str]
) -> None:
    a = reportedly.analyze(f"{headline}\n\n{body}", raw=True)
    speakers = {q.speaker.span.text for q in a.quotes if q.speaker}
    assert not set(absent) & speakers, speakers
    assert set(present) <= speakers, speakers


# (text, speaker as written, the actor it must resolve to: name, kind)
RESOLVED = [
    # "the company", "the organisation": the organisation named last before
    (
        "Siemens said it would cut jobs. The company confirmed the layoffs on Monday.",
        "The company",
        ("Siemens", "organization"),
    ),
    (
        "Amnesty International said six boats sank. The London-based "
        "organisation said the storm was the worst in years.",
        "The London-based organisation",
        ("Amnesty International", "organization"),
    ),
    # an organisation of a country, named as such, is not the country
    (
        "The fishermen left the quay, a London-based charity said.",
        "a London-based charity",
        ("London-based charity", "organization"),
    ),
    # "the historian", "the spokesman": the person introduced with that noun
    (
        "Jane Roe, a historian at Leeds University, studied the siege. "
        '"It was a crime," the historian said.',
        "the historian",
        ("Jane Roe", "person"),
    ),
    (
        "Spokesman John Doe said the talks would resume. The spokesman added "
        "that no date was set.",
        "The spokesman",
        ("John Doe", "person"),
    ),
    # "Asked if X ..., he replied": the one asked about does not answer
    (
        "Paul Hart praised the deal on Monday. Asked if Tom Reid would stay "
        "on, he replied that the board would decide.",
        "he",
        ("Paul Hart", "person"),
    ),
    # the next "he" is the subject (with its apposition), not a speaker
    # named inside a noun phrase ("claims from X that")
    (
        "The mayor, Paul Hart, shrugged off claims from opposition leader Tom "
        "Reid that he ran a grubby council. He said the accounts were public.",
        "He",
        ("Paul Hart", "person"),
    ),
    # people of a country are a group; "the Russians" can be the state
    ("Some Syrians say the war is over.", "Some Syrians", ("Syrians", "group")),
    (
        "The Russians said they had left the port.",
        "The Russians",
        ("Russia", "country"),
    ),
]


@pytest.mark.parametrize(("text", "speaker", "actor"), RESOLVED)
def test_speaker_resolves(text: str, speaker: str, actor: tuple[str, str]) -> None:
    an = reportedly.analyze(HEAD + text, raw=True)
    names = {a.id: (a.name, a.kind) for a in an.actors}
    got = [
        names.get(q.speaker.actor_id or "")
        for q in an.quotes
        if q.speaker and q.speaker.span.text == speaker
    ]
    assert got == [actor]
