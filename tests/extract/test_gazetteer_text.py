"""The gazetteer's fast text folding agrees with the plain table lookup it replaces, its pass finds every event
trigger stem, and the headline test."""

from functools import cache
from pathlib import Path

from hypothesis import given, settings, strategies as st

from claimcheck.extract.gazetteer import _PUNCT_TABLE, _blank_punct, gazetteer_for
from claimcheck.extract.names import _title_case
from claimcheck.extract.triggers import triggers_for
from claimcheck.packs import load_packs
from claimcheck.text import lower

RULES = Path(__file__).resolve().parents[2] / "rules" / "libya"


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


@settings(deadline=None)  # the first example builds the gazetteer
@given(st.text(alphabet="abcdeilmnoprstuvwyACEFIKST \u0130\u212a\u017f\u00e9\u00df,.-'\n", max_size=60))
def test_the_gazetteer_finds_every_trigger_stem_where_the_lower_cased_text_has_it(text):
    # the events stage reads the stems from the gazetteer's pass instead of scanning the text itself
    low = lower(text)
    stems = triggers_for(_kb()).stems
    expected = {(i, stem) for stem in stems for i in range(len(low)) if low.startswith(stem, i)}
    assert expected <= set(_gazetteer().scan(text).literals)


@cache
def _kb():
    return load_packs([str(RULES)]).kb


def _gazetteer():
    return gazetteer_for(_kb())
