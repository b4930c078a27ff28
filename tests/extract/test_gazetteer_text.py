"""The gazetteer's fast text folding agrees with the plain table lookup it replaces, and the headline test."""

from hypothesis import given, strategies as st

from claimcheck.extract.gazetteer import _PUNCT_TABLE, _blank_punct
from claimcheck.extract.names import _title_case


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_blank_punct_equals_the_table_translation(text):
    assert _blank_punct(text) == text.translate(_PUNCT_TABLE)


def test_blank_punct_folds_punctuation_and_diacritics_but_keeps_case():
    assert _blank_punct("Salamé’s “plan” — GNU_x") == "Salame s  plan    GNU x"


def test_title_case_headlines_are_told_from_prose():
    assert _title_case("Libyan Interior Minister Meets Italian Counterpart In Rome")
    assert not _title_case("The interior minister met his Italian counterpart in Rome on Monday.")
    assert not _title_case("Tripoli Rome")  # too short to tell


def test_a_number_word_whose_lower_case_is_no_number_word_is_skipped():
    from claimcheck.extract.numbers import find_numbers

    text = "Some f\u0130ve, \u017fix and five migrants."  # a dotted capital I and a long s match "five"/"six" ignoring case
    assert [n.value for n in find_numbers(text, 0, len(text))] == [5.0]
