"""Publication windows inferred from what an article mentions."""

from __future__ import annotations

import datetime as dt

from claimcheck.extract import extract_document
from claimcheck.models import WindowBasis

from .test_extract_claims import doc


def window(packs, text):
    d, _, _ = extract_document(doc(text), packs.kb)
    return d.published


def test_a_meeting_still_to_come_bounds_the_window_from_above(packs):
    text = ("UN envoy Ghassan Salame met Fayez al-Sarraj in Tripoli. "
            "The Palermo conference will discuss the electoral timetable next month.")
    w = window(packs, text)
    assert w.basis is WindowBasis.inferred
    assert w.latest == dt.date(2018, 11, 11)  # the day before the conference opened
    assert any("still to come" in e.reason for e in w.evidence)


def test_a_meeting_in_the_past_bounds_it_from_below(packs):
    text = ("UN envoy Ghassan Salame met Fayez al-Sarraj in Tripoli. "
            "The Palermo conference was held last year.")
    w = window(packs, text)
    assert w.earliest >= dt.date(2018, 11, 12) and not any("still to come" in e.reason for e in w.evidence)


def test_a_name_shared_by_a_series_of_events_sets_no_bound(packs):
    text = ("Prime Minister Abdulhamid Dbeibah praised the vote. "
            "The municipal elections will be held in more cities next year.")
    w = window(packs, text)
    assert not any("still to come" in e.reason for e in w.evidence)


def test_a_term_begun_bounds_the_window_from_below_only(packs):
    w = window(packs, "Khaled Mazen, who took over as the GNU's interior minister, toured the south. "
                      "Prime Minister Abdulhamid Dbeibah praised him.")
    # Mazen's term began in March 2021 (the words may come a few weeks early) and ended in 2022: the bound
    # is from below only, so the window runs on with Dbeibah's term
    mazen = next(e for e in w.evidence if "Mazen" in e.quote)
    assert dt.date(2021, 2, 1) <= mazen.earliest <= w.earliest <= dt.date(2021, 3, 15)
    assert mazen.latest == w.latest >= dt.date(2026, 1, 1)


def test_disjoint_spans_allowed_by_different_mentions_keep_the_lower_bounds(packs):
    # Takala headed the HCS from August 2023; Bashagha was the House's prime minister until May 2023
    text = ("Mohamed Takala beat Khaled al-Mishri in a run-off for the presidency of the High Council of State. "
            "He then met Prime Minister Fathi Bashagha in Benghazi. UN envoy Abdoulaye Bathily warned both.")
    d, _, clashes = extract_document(doc(text), packs.kb)
    assert d.published.earliest >= dt.date(2023, 7, 1)
    assert [c.claim.subject.id for c in clashes] == ["bashagha"]


def test_an_office_held_twice_keeps_both_terms(packs):
    # al-Mishri headed the HCS 2018-2023 and again from 2024: nothing else decides between them
    w = window(packs, "High Council of State head Khaled al-Mishri met the envoy.")
    assert w.earliest <= dt.date(2019, 1, 1) and w.latest >= dt.date(2024, 12, 31)


def test_two_office_holders_whose_terms_never_met_both_clash(packs):
    # Kobler was UN envoy until June 2017, Salvini Italy's interior minister from June 2018: neither is the
    # likelier error, so the window spans both and both mentions are reported
    text = ("The UN envoy for Libya, Martin Kobler, urged calm. "
            "Italy's interior minister, Matteo Salvini, closed the ports to rescue ships.")
    d, _, clashes = extract_document(doc(text), packs.kb)
    assert sorted(c.claim.subject.id for c in clashes) == ["kobler", "salvini"]
    assert d.published.earliest <= dt.date(2017, 6, 1) and d.published.latest >= dt.date(2018, 7, 1)


def test_an_event_named_as_past_outweighs_one_office_holder(packs):
    # Storm Daniel hit Derna in September 2023; Bashagha's term as the House's prime minister ended in May 2023
    text = ("Relief convoys reached Derna, where Storm Daniel had destroyed two dams. "
            "The eastern government of Prime Minister Fathi Bashagha pledged funds.")
    d, _, clashes = extract_document(doc(text), packs.kb)
    assert d.published.earliest >= dt.date(2023, 9, 10)
    assert [c.claim.subject.id for c in clashes] == ["bashagha"]


def test_a_meeting_named_as_still_to_come_outweighs_one_office_holder(packs):
    # the Abidjan summit opened on 29 November 2017; Bashagha became interior minister in October 2018
    text = ("Interior Minister Fathi Bashagha promised an inquiry. UN envoy Ghassan Salame urged calm. "
            "The African Union-European Union summit in Abidjan will discuss the issue next week.")
    d, _, clashes = extract_document(doc(text), packs.kb)
    assert d.published.latest <= dt.date(2017, 11, 28)
    assert [c.claim.subject.id for c in clashes] == ["bashagha"]


def test_someone_chosen_for_an_office_bounds_the_window_from_below_only(packs):
    # al-Menfi was chosen on 5 February 2021 and sworn in on 15 March: an article between the two can call
    # the council his
    text = ("Abdul Hamid Dbeibah was chosen as prime minister by the forum, together with a Presidential Council "
            "headed by Mohamed al-Menfi. The House of Representatives approved his cabinet on Wednesday.")
    w = window(packs, text)
    assert w.earliest <= dt.date(2021, 3, 10)


def test_someone_named_to_a_new_office_in_the_active_voice_keeps_the_old_title_unbounded(packs):
    # al-Thinni left the defence ministry when the GNC made him caretaker prime minister on 11 March 2014: an
    # article a week later still calls him the defence minister in telling how he was named
    text = ("The General National Congress withdrew confidence from Ali Zeidan on Tuesday and named the defence "
            "minister, Abdullah al-Thinni, as caretaker prime minister for two weeks.")
    w = window(packs, text)
    assert w.latest is not None and w.latest >= dt.date(2014, 3, 17)


def test_n_days_after_a_named_event_in_the_present_tense_places_the_article(packs):
    # the Derna flood of 10-11 September 2023: "ten days after" it, the counts still move
    text = ("Ten days after Storm Daniel reached the coast of eastern Libya, the numbers from Derna still refuse "
            "to settle.")
    w = window(packs, text)
    assert w.earliest is not None and dt.date(2023, 9, 14) <= w.earliest and w.latest <= dt.date(2023, 9, 30)


def test_a_day_with_its_weekday_picks_the_years_it_fits(packs):
    # 7 May fell on a Tuesday in 2013, 2019 and 2024; with Conte prime minister (2018-2021), only 2019 is left
    text = ("Sarraj went to Rome on Tuesday 7 May, where he met Prime Minister Giuseppe Conte.")
    w = window(packs, text)
    assert w.earliest is not None and dt.date(2019, 4, 20) <= w.earliest and w.latest <= dt.date(2019, 6, 1)
