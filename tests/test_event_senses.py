"""The sense a trigger takes from its arguments (``_senses``, ``_violence``,
reversals): sentences written for these tests, each with the record its
trigger should give (type, or type:mode) and a sentence that keeps the
other reading."""

from __future__ import annotations

import pytest

from reportedly.annotate import parse
from reportedly.extract.events import classify, events
from reportedly.model import Article


def _types(text: str) -> dict[str, str]:
    """Trigger text -> type (with ``:mode`` when it has one)."""
    found = events(parse(text), Article(id="t", text=text))
    return {
        e.trigger.text: e.type + (f":{e.mode}" if e.mode else "")
        for e in found
        if e.trigger is not None
    }


SENSE_CASES = [
    # a promise of harm threatens (CAMEO 138); a promise to help agrees
    ("The president vowed to crush the rebel militia.", "vowed", "THREATEN"),
    ("The rebels vowed revenge for the ambush.", "vowed", "THREATEN"),
    ("The rebel commander vowed to retake the capital.", "vowed", "THREATEN"),
    ("The governor pledged to help the flooded villages.", "pledged", "AGREE"),
    # a light verb takes its noun: delivering an ultimatum threatens
    ("The envoy delivered an ultimatum to the junta.", "ultimatum", "THREATEN"),
    ("The charity delivered aid to the stranded villagers.", "aid", "AID"),
    # striking a deal makes one; striking a town attacks it
    ("The two unions struck a deal with the ministry.", "deal", "SUPPORT"),
    ("Artillery units struck the village at dawn.", "struck", "ASSAULT"),
    # weapons delivered are goods (military aid), not an attack
    ("Iran is delivering missiles to the militia.", "delivering", "AID"),
    # a clash is a fight; with a crowd in it, a riot (CAMEO 145)
    ("Soldiers and rebels clashed near the dam.", "clashed", "ASSAULT"),
    ("The clashes between the two armies killed nine people.", "clashes", "ASSAULT"),
    ("Police clashed with protesters outside the ministry.", "clashed", "PROTEST:riot"),
    ("Students clashed with police near the campus.", "clashed", "PROTEST:riot"),
    # committing crimes attacks; a commitment to talks agrees
    ("Terrible crimes were committed in the valley.", "committed", "ASSAULT"),
    (
        "The murders the guards are said to have committed were brutal.",
        "committed",
        "ASSAULT",
    ),
    ("The council committed to new talks with the union.", "committed", "AGREE"),
    # cutting off food or water besieges (COERCE, restrict); cutting aid sanctions
    ("Food supplies and water have been cut off.", "cut", "COERCE:restrict"),
    ("The donors cut aid to the ministry.", "cut", "SANCTION"),
    # an armed force closing in attacks
    ("The army closed in, overrunning the outpost.", "closed", "ASSAULT"),
    # a court undoing a sentence or a conviction concedes
    ("The appeal court quashed the sentences of the three men.", "quashed", "CONCEDE"),
    ("Judges overturned the convictions of the four men.", "overturned", "CONCEDE"),
    # ending a fight retreats (CAMEO 087); lifting a curfew concedes
    ("The army abandoned its offensive on the town.", "abandoned", "RETREAT"),
    ("The rebels ended their armed struggle last year.", "ended", "RETREAT"),
    ("The government lifted the curfew in the capital.", "lifted", "CONCEDE"),
    # dropping bombs bombs
    ("Helicopters dropped barrel bombs on the village.", "dropped", "ASSAULT:aerial"),
    # dismissing X as Y denounces; dismissing a claim as Y rejects it
    ("The senator dismissed the budget as a cynical gimmick.", "dismissed", "ACCUSE"),
    ("The ministry dismissed the claims as lies.", "dismissed", "REJECT"),
    # praise said mockingly criticises
    ("The mayor began by mockingly praising his rival.", "praising", "ACCUSE"),
    # insisting that something is so rejects a charge; on something, demands
    ("The party insists the poster is only a joke.", "insists", "REJECT"),
    ("The union insisted on a new vote.", "insisted", "REQUEST"),
    # sending people to stand trial is judicial cooperation (CAMEO 063)
    (
        "The ministry agreed to send the two suspects to stand trial.",
        "send",
        "COOPERATE",
    ),
    # freeing hostages by force attacks their captors
    ("Commandos freed the hostages in a night raid.", "freed", "ASSAULT"),
    ("The militia freed six hostages on Sunday.", "freed", "RETREAT:release"),
    # a ban promised on a practice is a policy pledge; on a party, coercion
    ("The minister said the government would outlaw it.", "outlaw", "AGREE"),
    ("The junta banned the opposition party.", "banned", "COERCE"),
    # agreeing a deal to do something commits (AGREE); a deal alone, SUPPORT
    ("Smith agrees deal to succeed Jones as club chairman.", "deal", "AGREE"),
    ("The two countries agreed a new trade deal.", "deal", "SUPPORT"),
    # pushing back against a plan resists it; pushing back fighters attacks
    ("The union urged members to push back against the plan.", "push", "REJECT"),
    ("Government forces pushed back the rebels.", "pushed", "ASSAULT"),
    # imposing one's will coerces; imposing a fine sanctions
    ("The navy sought to impose its will on the strait.", "impose", "COERCE"),
    # an action someone must do is a demand
    ("The aid agencies must act to stop it.", "stop", "REQUEST"),
    ("The rebels must withdraw from the town.", "withdraw", "REQUEST"),
    # wrecking talks rejects them (CAMEO 125)
    ("The junta scuttled the peace talks.", "scuttled", "REJECT"),
    # a siege restricts (CAMEO 191 -> COERCE restrict); retaking territory attacks
    (
        "The town has been besieged by the army for a year.",
        "besieged",
        "COERCE:restrict",
    ),
    (
        "The army kept the mountain town under siege for months.",
        "siege",
        "COERCE:restrict",
    ),
    ("The two powers launched a tariff war last spring.", "war", "SANCTION"),
    # ousting a force from a place, or freeing a place, takes it by force;
    # freeing people stays a release
    ("Rebel fighters ousted the militia from the valley.", "ousted", "ASSAULT"),
    ("Troops moved to free the town of Dabiq.", "free", "ASSAULT"),
    ("The militants freed two aid workers.", "freed", "RETREAT:release"),
    # a headline the parser reads as "freed US": the hostages make it a release
    ("Rebels say they freed UK, Canadian hostages", "freed", "RETREAT:release"),
    # a call for something is an appeal; a call with someone, a phone call
    ("Students renewed their calls for fresh elections.", "calls", "REQUEST"),
    ("The bishop issued a call on the rebels to lay down arms.", "call", "REQUEST"),
    ("The two leaders held a phone call on Friday.", "call", "CONSULT:phone"),
    (
        "In a call with the king, the premier raised the dispute.",
        "call",
        "CONSULT:phone",
    ),
    # capturing people detains them; capturing a town is an attack
    (
        "The coalition captured one of the group's commanders.",
        "captured",
        "COERCE:arrest",
    ),
    ("Militants seized two soldiers near the border.", "seized", "COERCE:arrest"),
    ("Two soldiers were captured by the rebels.", "captured", "COERCE:arrest"),
    ("Rebels captured the town of Saraqeb on Monday.", "captured", "ASSAULT"),
    # an attack in words accuses; an armed one stays an attack
    ("The party leader attacked the chancellor over his budget.", "attacked", "ACCUSE"),
    ("The senator attacked the media on Twitter.", "attacked", "ACCUSE"),
    ("Critics attacked the new policy as reckless.", "attacked", "ACCUSE"),
    ("The two candidates clashed during the first debate.", "clashed", "ACCUSE"),
    ("Gunmen attacked a police station in the north.", "attacked", "ASSAULT"),
    ("Militants attacked the minister's convoy.", "attacked", "ASSAULT"),
    ("Troops clashed with rebels near the border.", "clashed", "ASSAULT"),
]


@pytest.mark.model
@pytest.mark.usefixtures("every_candidate")  # the type, not whether it is an event
@pytest.mark.parametrize(("text", "trigger", "exp"), SENSE_CASES)
def test_sense(text, trigger, exp):
    assert _types(text).get(trigger) == exp


NO_EVENT_CASES = [
    # (text, trigger word that reports no event here)
    ("The singer committed suicide last year.", "committed"),
    ("The inquiry is closing in on the minister.", "closing"),
    ("It was the worst fighting since the end of the war.", "end"),
    ("The party pledged to restore the link between wages and pensions.", "restore"),
    (
        "As last month's naval clashes demonstrated, the region is tense.",
        "demonstrated",
    ),
    ("The bride and groom exchanged their vows in the chapel.", "vows"),
    ("Iran is delivering missiles to the militia.", "missiles"),
    ("The envoy delivered an ultimatum to the junta.", "delivered"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger"), NO_EVENT_CASES)
def test_no_event(text, trigger):
    assert trigger not in _types(text)


NOT_CASES = [
    # (text, trigger, a type it must not have)
    ("The two unions struck a deal with the ministry.", "struck", "ASSAULT"),
    # "should" is as often a forecast; "must have" a guess: no demand
    ("Exports should decline as the farm sector shrinks.", "decline", "REQUEST"),
    ("The soldiers must have killed the prisoners.", "killed", "REQUEST"),
    # "close in" needs a particle: a pit closing in a year attacks no one
    ("The last coal pit closed in 1990.", "closed", "ASSAULT"),
    ("Shares closed in New York on a high.", "closed", "ASSAULT"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "not_type"), NOT_CASES)
def test_not_this_type(text, trigger, not_type):
    assert _types(text).get(trigger) != not_type


CLASSIFY_CASES = [
    # the sentence-level reading follows the same senses
    ("The president vowed to crush the rebel militia.", "THREATEN"),
    ("Police clashed with protesters outside the ministry.", "PROTEST"),
    ("Soldiers and rebels clashed near the dam.", "ASSAULT"),
    ("The appeal court quashed the sentences of the three men.", "CONCEDE"),
    ("The senator dismissed the budget as a cynical gimmick.", "ACCUSE"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "exp"), CLASSIFY_CASES)
def test_classify_senses(text, exp):
    assert classify(parse(text))[0] == exp
