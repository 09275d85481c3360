"""One canonical actor per entity across articles (reportedly/entities.py)."""

from __future__ import annotations

import pytest

from reportedly.entities import entity_of
from reportedly.model import Actor


def _entity(name: str, kind: str = "organization", article: str = "a1"):
    return entity_of(Actor(id=f"x-{name}", name=name, kind=kind), article)


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (["ISIS", "Isis", "IS", "ISIL", "Islamic State", "Daesh"], "Islamic State"),
        (["the Islamic State group", "Islamic State"], "Islamic State"),
        (["US", "U.S.", "USA", "United States", "Washington"], "United States"),
        (["Assad", "Bashar al-Assad"], "Bashar al-Assad"),
        (["Nusra Front", "al-Nusra Front", "Al-Nusra Front"], "al-Nusra Front"),
    ],
)
def test_variants_in_different_articles_are_one_entity(
    names: list[str], canonical: str
) -> None:
    found = {_entity(n, article=f"art{i}") for i, n in enumerate(names)}
    assert len({e.id for e in found}) == 1
    assert {e.name for e in found} == {canonical}
    assert {e.scope for e in found} == {"corpus"}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("officials", "group"),
        ("the army", "organization"),
        ("Police", "organization"),
        ("Rahman", "person"),
        ("rebels", "group"),
    ],
)
def test_generic_actors_and_lone_surnames_stay_in_their_article(
    name: str, kind: str
) -> None:
    a, b = _entity(name, kind, "art1"), _entity(name, kind, "art2")
    assert a.id != b.id and a.scope == b.scope == "article"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (("Free Syrian Army", "group"), ("Free Syrian Army", "group"), True),
        (("Rami Abdel Rahman", "person"), ("Rami Abdel Rahman", "person"), True),
        (
            ("Britain-based Free Syrian Army", "group"),
            ("Free Syrian Army", "group"),
            True,
        ),
        (("Rami Abdel Rahman", "person"), ("Abdel Rahman Rami", "person"), False),
    ],
)
def test_names_the_dictionary_does_not_know(first, second, same) -> None:
    a, b = _entity(*first, article="art1"), _entity(*second, article="art2")
    assert (a.id == b.id) is same
