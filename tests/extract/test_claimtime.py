"""The date that governs a claim: an opening time phrase or the claim's own clause, not another noun's year."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.models import ClaimKind

from .test_extract_claims import claims


def _assert_held_in(packs, text: str, year: int | None) -> None:
    """The office claim of `text` (published 14 July 2020) holds in `year`, stated, or at publication (None)."""
    c = claims(packs, text, ClaimKind.office_holding, dt.date(2020, 7, 14))[0]
    t = c.qualifiers.time
    if year is None:
        assert (t.earliest, t.basis) == (dt.date(2020, 7, 14), "publication")
    else:
        assert t.earliest.year == year and t.basis == "stated"


@pytest.mark.parametrize("text,year", [
    ("In 2019, Interior Minister Fathi Bashagha visited Rome.", 2019),
    ("In 2017, then-interior minister Fathi Bashagha visited Rome.", 2017),
    ("Interior Minister Fathi Bashagha recalled the 2017 Memorandum with Italy.", None),
    ("Interior Minister Fathi Bashagha praised the ceasefire agreement of October 2020.", None),
    ("Interior Minister Fathi Bashagha said the force was set up by the council in January 2016, officials said.", None),
    # a clause opened by "when" after the date speaks of that time
    ("The brigade backed the council in 2019, when Interior Minister Fathi Bashagha toured Misrata.", 2019),
    ("The brigade backed the council in 2019; today Interior Minister Fathi Bashagha tours Misrata.", None),
])
def test_governing_date(packs, text, year):
    _assert_held_in(packs, text, year)


@pytest.mark.parametrize("text,year", [
    # a timeline: every claim of an entry holds at the date that opens its line, in any of its sentences
    ("February 2017 - The memorandum is signed in Rome.\nJune 2018 - Libya declares a rescue zone. "
     "Interior Minister Fathi Bashagha visits Rome.\n", 2018),
    ("2016: Arrivals peak.\nSummer 2019: Interior Minister Fathi Bashagha visits Rome.\n", 2019),
    # one date-led line is a heading or a dateline, not a timeline
    ("June 2018 - Interior Minister Fathi Bashagha visits Rome.\nHe met officials.\n", None),
    # a dash after words that are not a date opens no entry
    ("Rome talks - Interior Minister Fathi Bashagha visits Rome.\nJune 2018 - talks.\nMay 2019 - more.\n", None),
])
def test_a_timeline_entry_dates_its_claims(packs, text, year):
    _assert_held_in(packs, text, year)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_timeline_entries_under_year_headings(packs, newline):
    # "**2014**" heads the entries below it that give a day and month only; list markers and emphasis are skipped
    text = newline.join(["**2013**", "- **10 October** — Talks open.", "**2014**",
                         "- **11 March** — Interior Minister Fathi Bashagha visits Rome.", ""])
    c = claims(packs, text, ClaimKind.office_holding, dt.date(2020, 7, 14))[0]
    assert (c.qualifiers.time.earliest, c.qualifiers.time.basis) == (dt.date(2014, 3, 11), "stated")
