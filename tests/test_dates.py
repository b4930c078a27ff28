"""Date expressions: absolute, partial and relative, resolved against a publication window."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.dates import find_dates, resolve

W = (dt.date(2021, 6, 10), dt.date(2021, 6, 10))


@pytest.mark.parametrize("text,window,lo,hi", [
    ("on 24 December 2021", None, dt.date(2021, 12, 24), dt.date(2021, 12, 24)),
    ("on December 24, 2021", None, dt.date(2021, 12, 24), dt.date(2021, 12, 24)),
    ("between 26-31 January 2022", None, dt.date(2022, 1, 26), dt.date(2022, 1, 31)),
    ("in spring 2019", None, dt.date(2019, 3, 1), dt.date(2019, 5, 31)),
    ("before the first half of 2019", None, dt.date(2019, 1, 1), dt.date(2019, 6, 30)),
    ("in March 2014", None, dt.date(2014, 3, 1), dt.date(2014, 3, 31)),
    ("On 3 February", W, dt.date(2021, 2, 3), dt.date(2021, 2, 3)),
    ("on May 29th", W, dt.date(2021, 5, 29), dt.date(2021, 5, 29)),
    ("on Sunday", W, dt.date(2021, 6, 6), dt.date(2021, 6, 6)),
    ("last September", W, dt.date(2020, 9, 1), dt.date(2020, 9, 30)),
    ("last month", W, dt.date(2021, 5, 1), dt.date(2021, 5, 31)),
    ("in 2018", None, dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
])
def test_resolve(text, window, lo, hi):
    found = find_dates(text)
    assert found, text
    ref = resolve(found[0], window)
    assert (ref.earliest, ref.latest) == (lo, hi)


def test_partial_dates_need_a_narrow_window():
    m = find_dates("On 3 February")[0]
    assert resolve(m, None) is None
    assert resolve(m, (dt.date(2018, 1, 1), dt.date(2021, 1, 1))) is None


@pytest.mark.parametrize("text", ["700,000 migrants", "May be", "2.5 million", "in 10 years", "page 2021-x"])
def test_not_dates(text):
    assert not [m for m in find_dates(text) if m.form not in ("year",)] or text == "page 2021-x"


def test_partial_dates_resolve_forward_for_what_is_scheduled():
    m = find_dates("elections scheduled for 24 December")[0]
    window = (dt.date(2021, 9, 22), dt.date(2021, 9, 22))
    assert resolve(m, window).earliest == dt.date(2020, 12, 24)  # what happened: the last such day
    assert resolve(m, window, forward=True).earliest == dt.date(2021, 12, 24)  # what is scheduled: the next one
