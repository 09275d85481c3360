"""Quotation marks: straight, curly, NYT style, multi-paragraph and broken marks."""

from __future__ import annotations

import random

import pytest

from reportedly.extract.quotes import QuotedSpan, quoted_spans

ANY = "*"  # any anomaly, as long as one is reported
ANOMALIES = {"", "missing_open", "unclosed", "wrong_way"}
COTTON = (
    "Putin has this opening because of the absence of any USA strategy in Syria“, "
    "Cotton said."
)

# (text, [(quoted text with marks, text inside the marks, group, anomaly), ...])
CASES = [
    pytest.param(
        'He said "we are ready" today.',
        [('"we are ready"', "we are ready", 1, "")],
        id="straight",
    ),
    pytest.param(
        "He said “we are ready” today.",
        [("“we are ready”", "we are ready", 1, "")],
        id="curly",
    ),
    pytest.param(
        "He said ''we are ready'' today.",
        [("''we are ready''", "we are ready", 1, "")],
        id="nyt_two_apostrophes",
    ),
    pytest.param(
        "He said ``we are ready'' today.",
        [("``we are ready''", "we are ready", 1, "")],
        id="backticks_and_apostrophes",
    ),
    pytest.param(
        "The mayor called it «a disgrace» on Monday.",
        [("«a disgrace»", "a disgrace", 1, "")],
        id="guillemets",
    ),
    pytest.param(
        'the "so-called" reform and the "other" one',
        [('"so-called"', "so-called", 1, ""), ('"other"', "other", 2, "")],
        id="two_quotations_two_groups",
    ),
    pytest.param(
        "\"I think people hear 'three weeks' and panic,\" she said.",
        [
            (
                "\"I think people hear 'three weeks' and panic,\"",
                "I think people hear 'three weeks' and panic,",
                1,
                "",
            )
        ],
        id="single_marks_inside_double",
    ),
    pytest.param(
        "“The first flood came in March.\n\n“The second came in May,” she said.",
        [
            (
                "“The first flood came in March.",
                "The first flood came in March.",
                1,
                "",
            ),
            ("“The second came in May,”", "The second came in May,", 1, ""),
        ],
        id="multi_paragraph_same_group",
    ),
    pytest.param(
        '"One came in March.\n"Two came in May.\n"Three came last week," she said.',
        [
            ('"One came in March.', "One came in March.", 1, ""),
            ('"Two came in May.', "Two came in May.", 1, ""),
            ('"Three came last week,"', "Three came last week,", 1, ""),
        ],
        id="multi_paragraph_three_single_newlines",
    ),
    pytest.param(
        '"One," he said.\n\n"Two," she said.',
        [('"One,"', "One,", 1, ""), ('"Two,"', "Two,", 2, "")],
        id="closed_quotations_in_two_paragraphs_two_groups",
    ),
    pytest.param(
        'She said "yes.\n\nThe next paragraph has no marks.',
        [('"yes.', "yes.", 1, "unclosed")],
        id="unclosed_before_unquoted_paragraph",
    ),
    pytest.param(
        COTTON,
        [(COTTON[: COTTON.index("“") + 1], COTTON[: COTTON.index("“")], 1, ANY)],
        id="closing_mark_without_opening_wrong_glyph",
    ),
    pytest.param(
        'Ships were turned back.\n\nThe harbour stays closed until Friday", she said.',
        [
            (
                'The harbour stays closed until Friday"',
                "The harbour stays closed until Friday",
                1,
                "missing_open",
            )
        ],
        id="closing_mark_without_opening_from_paragraph_start",
    ),
    pytest.param(
        "“We are ready“, he said.",
        [("“We are ready“", "We are ready", 1, "wrong_way")],
        id="wrong_way_closing_mark",
    ),
    pytest.param(
        "It's Bob's car and the 1990s' rock'n'roll.",
        [],
        id="apostrophes_are_not_quotation_marks",
    ),
    pytest.param("", [], id="empty"),
    pytest.param("No marks at all here.\n\nNor here.", [], id="no_marks"),
]


def as_rows(text: str, spans: list[QuotedSpan]) -> list[tuple[str, str, int, str]]:
    return [
        (
            text[s.start : s.end],
            text[s.inner_start : s.inner_end],
            s.group,
            s.anomaly,
        )
        for s in spans
    ]


@pytest.mark.parametrize(("text", "exp"), CASES)
def test_quoted_spans(text: str, exp: list[tuple[str, str, int, str]]) -> None:
    got = as_rows(text, quoted_spans(text))
    # where any anomaly will do, a reported one reads as ANY; none stays ""
    got = [
        (q, inner, g, ANY if a and n < len(exp) and exp[n][3] == ANY else a)
        for n, (q, inner, g, a) in enumerate(got)
    ]
    assert got == exp


def test_missing_open_mark_points_at_the_closing_mark() -> None:
    (span,) = quoted_spans(COTTON)
    assert span.start == 0 and span.inner_start == 0
    assert COTTON[span.anomaly_at] == "“"


# Odd numbers of marks and mark soup: never raise, always in bounds.
ODD_CASES = [
    'A "b "c',
    'He said "yes" and "no',
    '"""',
    '"',
    "''",
    "“”„«»",
    '"\n"\n"',
    'x" y" z"',
    "«««",
    "»»»",
    "``",
]


@pytest.mark.parametrize("text", ODD_CASES)
def test_odd_marks_never_raise(text: str) -> None:
    check_invariants(text, quoted_spans(text))


def check_invariants(text: str, spans: list[QuotedSpan]) -> None:
    prev_end, prev_group = 0, 0
    for s in spans:
        assert 0 <= s.start <= s.inner_start <= s.inner_end <= s.end <= len(text), s
        assert s.start >= prev_end, f"spans overlap or are out of order: {spans}"
        assert s.group >= prev_group, f"groups go backwards: {spans}"
        assert "\n" not in text[s.start : s.end], "a span never crosses a paragraph"
        assert s.anomaly in ANOMALIES, s
        assert (s.anomaly == "") == (s.anomaly_at == -1), s
        if s.anomaly:
            assert s.start <= s.anomaly_at <= max(s.end - 1, s.start), s
        prev_end, prev_group = s.end, s.group


ALPHABET = [
    '"',
    "“",
    "”",
    "„",
    "«",
    "»",
    "''",
    "``",
    "'",
    "a",
    "b",
    "Zq",
    " ",
    " ",
    ",",
    ".",
    "—",
    "(",
    "\n",
    "\n\n",
]


def test_fuzz_random_mark_soup() -> None:
    rng = random.Random(20151001)
    for _ in range(500):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))
        check_invariants(text, quoted_spans(text))
