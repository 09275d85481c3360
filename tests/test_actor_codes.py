"""Actor coding: phrase -> ISO3 country and PLOVER/CAMEO sector, table-driven."""

from __future__ import annotations

import pytest

from reportedly.extract import Resources, using
from reportedly.extract.actors import code_actor
from reportedly.extract.actors._codes import code_parts

# (text, country, sector)
COUNTRIES = [
    ("Russia", "RUS", None),
    ("Russian Federation", "RUS", None),
    ("the Russians", "RUS", None),
    ("U.S.", "USA", None),
    ("US", "USA", None),
    ("USA", "USA", None),
    ("United States", "USA", None),
    ("America", "USA", None),
    ("Syrian Arab Republic", "SYR", None),
    ("Ivory Coast", "CIV", None),
    ("North Korea", "PRK", None),
    ("Burkina Faso", "BFA", None),  # straight from pycountry
    ("Great Britain", "GBR", None),
]
DEMONYMS = [
    ("Russian", "RUS", None),
    ("French", "FRA", None),
    ("Hungarian", "HUN", None),
    ("four Saudi men", "SAU", None),
]
CAPITALS = [
    ("Moscow", "RUS", None),
    ("Paris", "FRA", None),
    ("Washington", "USA", None),
    ("Damascus", "SYR", None),
    ("Kremlin", "RUS", "GOV"),
]
LEGISLATURES = [
    ("Congress", "USA", "LEG"),
    ("Duma", "RUS", "LEG"),
    ("Knesset", "ISR", "LEG"),
    ("Syrian parliament", "SYR", "LEG"),
    ("Russia's rubber stamp parliament", "RUS", "LEG"),
]
GROUPS = [
    ("Islamic State", None, "UAF"),
    ("IS", None, "UAF"),
    ("ISIS", None, "UAF"),
    ("ISIL", None, "UAF"),
    ("Daesh", None, "UAF"),
    ("Islamic State fighters", None, "UAF"),
    ("Hezbollah", "LBN", "REB"),
    ("al-Nusra Front", "SYR", "REB"),
    ("Taliban", "AFG", "REB"),
    ("Kurdish YPG", "SYR", "REB"),
    ("SDF", "SYR", "REB"),
    ("Syrian rebels", "SYR", "REB"),
    ("Rebels in the Ivory Coast", "CIV", "REB"),
]
OPPOSITION = [
    ("National Coalition", "SYR", "OPP"),
    ("Syrian opposition", "SYR", "OPP"),
]
IGOS = [
    ("UN", None, "IGO"),
    ("United Nations", None, "IGO"),
    ("U.N. Security Council", None, "IGO"),
    ("NATO", None, "IGO"),
    ("EU", None, "IGO"),
    ("Arab League", None, "IGO"),
    ("African Union", None, "IGO"),
    ("UN peacekeepers", None, "MIL"),
]
MEDIA = [
    ("POLITICO", "USA", "MED"),
    ("Reuters", "GBR", "MED"),
    ("AP", "USA", "MED"),
    ("BBC", "GBR", "MED"),
]
INSTITUTIONS = [
    ("Russian defence ministry", "RUS", "GOV"),
    ("Russia's military", "RUS", "MIL"),
    ("Russian warplanes", "RUS", "MIL"),
    ("Syria's regime", "SYR", "GOV"),
    ("Assad's regime", "SYR", "GOV"),
    ("Israel's high court", "ISR", "JUD"),
    ("Turkish police", "TUR", "COP"),
    ("Hungarian and Romanian officials", "HUN", "GOV"),
    ("Pentagon officials", "USA", "MIL"),
]
PERSONS = [
    ("President Bashar al-Assad", "SYR", "GOV"),
    ("Syrian President Bashar al-Assad", "SYR", "GOV"),
    ("Putin", "RUS", "GOV"),
    ("Palestinian leader Yasser Arafat", "PSE", "GOV"),
    ("British Defence Secretary Tom King", "GBR", "GOV"),
    ("a French diplomat", "FRA", "GOV"),
    ("Harry Tseng, Taiwan's deputy foreign minister", "TWN", "GOV"),
    ("former Russian President Boris Yeltsin", "RUS", "ELI"),
    ("ex-President Obama", "USA", "ELI"),
]
COLLECTIVES = [
    ("members of Hezbollah", "LBN", "REB"),
    ("hundreds of Syrian civilians", "SYR", "CVL"),
    ("a team of Turkish police", "TUR", "COP"),
]
ALL = (
    COUNTRIES
    + DEMONYMS
    + CAPITALS
    + LEGISLATURES
    + GROUPS
    + OPPOSITION
    + IGOS
    + MEDIA
    + INSTITUTIONS
    + PERSONS
    + COLLECTIVES
)


@pytest.mark.parametrize(("text", "country", "sector"), ALL)
def test_code_actor(text: str, country: str | None, sector: str | None) -> None:
    coded = code_actor(text)
    assert coded is not None, text
    assert (coded.country, coded.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "code"),
    [("UN", "IGO"), ("NATO peacekeeping troops", "IGO"), ("Red Cross", "NGO")],
)
def test_international_scope(text: str, code: str) -> None:
    coded = code_actor(text)
    assert coded is not None and coded.country is None and coded.code == code


@pytest.mark.parametrize(
    ("text", "context", "country", "sector"),
    [
        ("the army", "RUS", "RUS", "MIL"),
        ("President Omar Hassan al-Bashir", "SDN", "SDN", "GOV"),
        ("soldier", None, None, "MIL"),
        ("Russian army", "SYR", "RUS", "MIL"),  # its own country wins
    ],
)
def test_context_country(
    text: str, context: str | None, country: str | None, sector: str
) -> None:
    coded = code_actor(text, context_country=context)
    assert coded is not None and (coded.country, coded.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "backer", "sector"),
    [
        ("U.S.-backed rebels", "USA", "REB"),
        ("Iranian-backed militias", "IRN", "REB"),
        ("pro-Iranian Hizbollah (Party of God)", "IRN", "REB"),
    ],
)
def test_backer_is_kept(text: str, backer: str, sector: str) -> None:
    coded = code_actor(text)
    assert coded is not None and (coded.backer, coded.sector) == (backer, sector)


@pytest.mark.parametrize("text", ["Who", "a cat named Frank", "yesterday", ""])
def test_unknown_is_none(text: str) -> None:
    assert code_actor(text) is None


@pytest.mark.parametrize(
    ("name", "kind", "role", "affiliation", "country", "sector"),
    [
        ("Khaled Khoja", "person", "head", "National Coalition", "SYR", "OPP"),
        ("Jane Roe", "person", "head", "National Coalition", "SYR", "OPP"),
        ("Jane Roe", "person", "Foreign Minister", "France", "FRA", "GOV"),
        ("Michael Jordan", "person", None, None, None, None),
        ("Russian officials", "group", "official", "Russia", "RUS", "GOV"),
    ],
)
def test_code_parts(
    name: str,
    kind: str,
    role: str | None,
    affiliation: str | None,
    country: str | None,
    sector: str | None,
) -> None:
    coded = code_parts(name, kind=kind, role=role, affiliation=affiliation)
    got = (coded.country, coded.sector) if coded else (None, None)
    assert got == (country, sector)


@pytest.mark.parametrize(
    ("name", "kind", "affiliation", "country"),
    [
        ("Britain-based organisation", "organization", "United Kingdom", "GBR"),
        ("London-based monitoring group", "group", "United Kingdom", "GBR"),
        ("Paris-based charity", "organization", "France", "FRA"),
    ],
)
def test_an_organisation_of_a_country_is_not_the_country(
    name: str, kind: str, affiliation: str, country: str
) -> None:
    coded = code_parts(name, kind=kind, affiliation=affiliation)
    assert coded is not None
    assert (coded.kind, coded.name, coded.country) == (kind, name, country)


def test_user_extension(tmp_path) -> None:
    extra = tmp_path / "extra.tsv"
    extra.write_text(
        "# my own actors\n"
        "zorblax front\tZorblax Front\tgroup\tMLI\tREB\n"
        "reuters\tReuters\tmedia\tUSA\tMED\toverride\n",
        encoding="utf-8",
    )
    with using(Resources(actors_file=extra)):
        zorblax = code_actor("Zorblax Front")
        assert zorblax is not None
        got = (zorblax.kind, zorblax.country, zorblax.sector)
        assert got == ("group", "MLI", "REB")
        assert code_actor("Zorblax Front fighters").country == "MLI"
        assert code_actor("Reuters").country == "USA"
    assert code_actor("Zorblax Front") is None
    assert code_actor("Reuters").country == "GBR"


def test_two_actor_files_code_a_phrase_differently(tmp_path) -> None:
    """Each Resources value has its own tables: no cache leaks between them."""
    mali, niger = tmp_path / "mali.tsv", tmp_path / "niger.tsv"
    mali.write_text("zorblax front\tZorblax Front\tgroup\tMLI\tREB\n", "utf-8")
    niger.write_text("zorblax front\tZorblax Front\tgroup\tNER\tGOV\n", "utf-8")
    coded = {}
    for _ in range(2):  # the second round reads the cached tables
        for path in (mali, niger):
            with using(Resources(actors_file=path)):
                c = code_actor("Zorblax Front fighters")
                coded[path.stem] = (c.country, c.sector) if c else None
        assert coded == {"mali": ("MLI", "REB"), "niger": ("NER", "GOV")}
    assert code_actor("Zorblax Front") is None  # the defaults again


def test_extract_passes_resources_down(tmp_path) -> None:
    """``extract(..., resources=)`` codes actors with that actor file."""
    from reportedly import annotate
    from reportedly.extract import extract
    from reportedly.model import Article

    extra = tmp_path / "extra.tsv"
    extra.write_text("zorblax front\tZorblax Front\tgroup\tMLI\tREB\n", "utf-8")
    text = "Zorblax Front fighters attacked the town, officials said."
    article = Article(id="a", text=text)
    doc = annotate.parse(text)
    plain = extract(doc, article)
    own = extract(doc, article, resources=Resources(actors_file=extra))
    assert "MLI" not in {a.country for a in plain.actors}
    assert "MLI" in {a.country for a in own.actors}
    assert code_actor("Zorblax Front") is None  # the call's resources are reset


def test_reference_article_actors(demo_analysis) -> None:
    coded = {a.name: (a.country, a.sector) for a in demo_analysis.actors}
    assert coded["Russian defence ministry"] == ("RUS", "GOV")
    assert coded["Russian officials"] == ("RUS", "GOV")
    assert coded["Vladimir Putin"] == ("RUS", "GOV")
    assert coded["John Kerry"] == ("USA", "GOV")
    assert coded["Pentagon"] == ("USA", "MIL")
    assert coded["Laurent Fabius"] == ("FRA", "GOV")
    assert coded["Bashar al-Assad"] == ("SYR", "GOV")
    assert coded["Khaled Khoja"] == ("SYR", "OPP")
    assert coded["National Coalition"] == ("SYR", "OPP")
    assert coded["POLITICO"] == ("USA", "MED")
    assert coded["ISIS"] == (None, "UAF")
    french = [a for a in demo_analysis.actors if a.role == "diplomat"]
    assert french and french[0].country == "FRA"
