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
