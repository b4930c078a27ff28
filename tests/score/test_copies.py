"""Near-duplicate (syndicated copy) detection."""

from __future__ import annotations

from claimcheck.score.copies import copy_groups, shingles
from score_helpers import doc

WIRE = (
    "The Minister of Interior of the Government of National Unity, Khaled Mazen, met INTERPOL officials in Lyon "
    "on Tuesday to discuss border control and the fight against human smuggling across the Mediterranean. "
    "Libyan delegates attended the sixth meeting of police chiefs of the Middle East and North Africa, where "
    "cooperation on cross-border crime, drug trafficking and training programmes was on the agenda. The delegation "
    "included the Deputy Minister of Interior and the director of the Arab and International Criminal Police Office."
)


def test_shingles_are_lower_cased_word_windows() -> None:
    assert shingles("A b C d e f", k=5) == {"a b c d e", "b c d e f"}
    assert shingles("Too short", k=5) == {"too short"}
    assert shingles("", k=5) == set()


def test_near_duplicates_are_grouped_and_distinct_articles_are_not() -> None:
    edited = WIRE.replace("on Tuesday", "on Tuesday, officials said,") + " Share this article."
    other = doc("c.txt", "Outlet C")  # unrelated text
    docs = [doc("b.txt", "Outlet B", edited), other, doc("a.txt", "Outlet A", WIRE)]
    groups = copy_groups(docs)
    assert set(groups) == {"a.txt", "b.txt"}
    assert groups["a.txt"] == groups["b.txt"] and groups["a.txt"].startswith("copy-")


def test_group_ids_do_not_depend_on_order() -> None:
    docs = [doc("a.txt", "A", WIRE), doc("b.txt", "B", WIRE), doc("c.txt", "C")]
    assert copy_groups(docs) == copy_groups(list(reversed(docs)))


def test_identical_short_texts_are_copies() -> None:
    docs = [doc("a.txt", "A", "Tripoli, Monday."), doc("b.txt", "B", "Tripoli, Monday."), doc("c.txt", "C", "Sirte.")]
    groups = copy_groups(docs)
    assert set(groups) == {"a.txt", "b.txt"}


def test_a_rewritten_story_is_not_a_copy() -> None:
    rewrite = (
        "Khaled Mazen, who heads the interior ministry in Tripoli, travelled to France this week for talks with "
        "the international police organisation about migrants and smuggling networks operating from Libya's coast."
    )
    assert copy_groups([doc("a.txt", "A", WIRE), doc("b.txt", "B", rewrite)]) == {}
