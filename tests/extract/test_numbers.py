"""Numbers as news writes them: separators, number words and their scales."""

from __future__ import annotations

import pytest

from claimcheck.extract.numbers import find_numbers


def _values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text, 0, len(text))]


def test_a_count_written_with_a_separator_is_no_year():
    assert _values("About 2,000 people died in 2016, against 1,999 in 2000.") == [2000.0, 1999.0]


@pytest.mark.parametrize("text,values", [
    ("more than two dozen people", [24.0]),
    ("a dozen migrants", [12.0]),
    ("three thousand people", [3000.0]),
    ("dozens of people", []),  # a vague count gives no number
])
def test_number_words_and_their_scales(text, values):
    assert _values(text) == values
