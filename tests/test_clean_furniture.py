"""Cleaning page furniture: link lists under a heading, and furniture inside
a long line (credits, share links, related-story tails). Our own text."""

from __future__ import annotations

import pytest

from reportedly.clean import clean
from reportedly.model import RawDocument

HEAD = "Council delays vote on harbour plan"
FIRST = (
    "The city council on Tuesday delayed a vote on the harbour plan, officials said."
)
LAST = "“We need more time to read the report,” said council leader Ann Moss."


def cleaned(text: str) -> tuple[str, list[tuple[str, str]]]:
    a = clean(RawDocument(source="t.txt", content=text))
    return a.text, [(r.text, r.reason) for r in a.removed]


LINK = "link under a heading of other stories"

# (lines between two paragraphs, the lines dropped with their reasons)
LINK_LISTS = [
    (
        [
            "DON'T MISS",
            "[WARNING] Ferry crash caught on camera",
            "Mayor Says No to new pier",
        ],
        [
            ("DON'T MISS", "read-more link"),
            ("[WARNING] Ferry crash caught on camera", "tagged story link"),
            ("Mayor Says No to new pier", LINK),
        ],
    ),
    (
        ["Related stories", "Harbour fees to rise", "Pilots strike over pay"],
        [
            ("Related stories", "related-story link"),
            ("Harbour fees to rise", LINK),
            ("Pilots strike over pay", LINK),
        ],
    ),
    # a heading ends at the first sentence: the paragraph after it is kept
    (
        ["READ MORE", "The quay will close in May"],
        [("READ MORE", "read-more link"), ("The quay will close in May", LINK)],
    ),
    # no heading: a short line without a full stop is kept
    (["The vote"], []),
]


@pytest.mark.parametrize(("middle", "dropped"), LINK_LISTS)
def test_links_under_a_heading_are_dropped(
    middle: list[str], dropped: list[tuple[str, str]]
) -> None:
    text, removed = cleaned("\n\n".join([HEAD, FIRST, *middle, LAST]))
    assert removed == dropped
    kept = [m for m in middle if m not in {d for d, _ in dropped}]
    assert text == "\n\n".join([HEAD, FIRST, *kept, LAST])


# (one long line, what is left, the stretches cut with their reasons)
INLINE = [
    (
        "A boy stands in the rubble on May 2 2016. REUTERS/Jane Roe Officials "
        "said the strike hit a school.",
        "A boy stands in the rubble on May 2 2016. Officials said the strike hit a "
        "school.",
        [("REUTERS/Jane Roe", "photo credit")],
    ),
    (
        "12.03.2016Get short URL Topic Unrest in the Region (1881) 0 14 Gunmen "
        "attacked a convoy near the port, police said.",
        "12.03.2016 Gunmen attacked a convoy near the port, police said.",
        [
            (
                "Get short URL Topic Unrest in the Region (1881) 0 14",
                "share link and story tag",
            )
        ],
    ),
    (
        "Gunmen attacked a convoy near the port, police said. ... 14 Related Port "
        "Reopens After Attack Navy Sinks Pirate Boat Tags port navy Community "
        "standards Comment",
        "Gunmen attacked a convoy near the port, police said.",
        [
            (
                "... 14 Related Port Reopens After Attack Navy Sinks Pirate Boat Tags "
                "port navy Community standards Comment",
                "related-story links and tags",
            )
        ],
    ),
    (
        "Gunmen attacked a convoy near the port, police said. Source Agencies "
        "Related News Port Reopens After Attack Terms of Use Privacy Policy",
        "Gunmen attacked a convoy near the port, police said. Source Agencies",
        [
            (
                "Related News Port Reopens After Attack Terms of Use Privacy Policy",
                "related-story links and site footer",
            )
        ],
    ),
    # a poll named after its agencies is no photo credit
    (
        "Support fell to 40 per cent, a Reuters/Ipsos poll showed on Monday.",
        "Support fell to 40 per cent, a Reuters/Ipsos poll showed on Monday.",
        [],
    ),
]


@pytest.mark.parametrize(("line", "left", "cut"), INLINE)
def test_furniture_inside_a_line_is_cut(
    line: str, left: str, cut: list[tuple[str, str]]
) -> None:
    text, removed = cleaned(f"{HEAD}\n\n{line}")
    assert text == f"{HEAD}\n\n{left}"
    assert removed == cut
