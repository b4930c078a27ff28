"""Ingest: decoding and bad input, front matter, HTML, outlets, stated dates, boilerplate."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.errors import InputError
from claimcheck.ingest import detect_source, read_document, read_documents
from claimcheck.models import WindowBasis
from claimcheck.stamps import find_stated_date

from .conftest import ROOT


@pytest.mark.parametrize("raw,needle", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"abc\x00def", "binary"), (b"caf\xe9 au lait", "not valid UTF-8"),
])
def test_bad_files_are_named(tmp_path, raw, needle):
    f = tmp_path / "a.txt"
    f.write_bytes(raw)
    with pytest.raises(InputError) as e:
        read_document(str(f))
    assert needle in str(e.value) and str(f) in str(e.value)


def test_all_bad_files_reported_together(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\xff\xff")
    (tmp_path / "c.txt").write_text("A fine article about Tripoli.", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_documents([str(tmp_path)])
    assert len(e.value.problems) == 2


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_documents([str(tmp_path / "nope")])


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Talks\nsource: Libya Herald\npublished: 2021-06-10\n---\nThe minister met envoys.\n", encoding="utf-8")
    d = read_document(str(f))
    assert (d.source, d.title, d.published.earliest, d.published.basis.value) == ("Libya Herald", "Talks", dt.date(2021, 6, 10), "stated")
    assert d.text[d.body_start:].startswith("The minister")


def test_front_matter_of_site_generators(tmp_path):
    # keys of their own (author, tags, layout) are ignored; their "date" is the publication date
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Talks\ndate: 2021-06-23\nauthor: Desk\ntags: [Libya, Berlin]\nlayout: post\n---\nBody.\n",
                 encoding="utf-8")
    d = read_document(str(f))
    assert (d.title, d.published.earliest, d.published.basis.value) == ("Talks", dt.date(2021, 6, 23), "stated")


@pytest.mark.parametrize("written", ['"06/04/2021"', "6 April 2021", "April 6, 2021", "2021-04-06"])
def test_front_matter_dates_as_sites_write_them(tmp_path, written):
    # numbers are read day first, as datelines and stamps are
    f = tmp_path / "a.md"
    f.write_text(f"---\ntitle: Talks\npublished: {written}\n---\nBody.\n", encoding="utf-8")
    assert read_document(str(f)).published.earliest == dt.date(2021, 4, 6)


@pytest.mark.parametrize("written", ["not-a-date", '"31/02/2021"', "yesterday"])
def test_front_matter_errors_are_located(tmp_path, written):
    f = tmp_path / "a.md"
    f.write_text(f"---\ntitle: Talks\npublished: {written}\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_document(str(f))
    p = e.value.problems[0]
    assert p.pointer == "/published" and p.line == 3


def test_html_main_text(tmp_path):
    f = tmp_path / "a.html"
    f.write_text("<html><head><title>T</title><script>var x=1;</script></head><body><nav>Home | About</nav>"
                 "<article><h1>Talks in Tripoli</h1><p>The interior minister met the Italian ambassador in Tripoli on Monday "
                 "to discuss border security and the training of coast guard personnel.</p><p>Both sides agreed to meet "
                 "again next month in Rome, officials said.</p></article><footer>Copyright 2021</footer></body></html>",
                 encoding="utf-8")
    d = read_document(str(f))
    assert "interior minister met the Italian ambassador" in d.text
    assert "var x" not in d.text


def test_sources_yaml(tmp_path):
    (tmp_path / "sources.yaml").write_text("a.txt: Libya Review\n'b*.txt': Agenzia Nova\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text one.", encoding="utf-8")
    (tmp_path / "b1.txt").write_text("Text two.", encoding="utf-8")
    docs = {d.path.rsplit("/", 1)[1]: d for d in read_documents([str(tmp_path)])}
    assert docs["a.txt"].source == "Libya Review" and docs["b1.txt"].source == "Agenzia Nova"
    assert "sources.yaml" not in docs


@pytest.mark.parametrize("text,outlet", [
    ("Tripoli, Libya (PANA) - The minister said", "PANA"),
    ("Some text.\n\nVia Libya Observer\n", "Libya Observer"),
    ("Bio: Journalist-Editor of the ALG24 website since 2016.", "ALG24"),
    ("-0- PANA BY/IS 10June2021", "PANA"),
    ("No cue at all in this one.", None),
])
def test_source_cues(text, outlet):
    assert detect_source(text) == outlet


@pytest.mark.parametrize("text,day", [
    ("Body.\n-0- PANA BY/IS/VAO 10June2021", dt.date(2021, 6, 10)),
    ("Published: 2019-10-02\nBody.", dt.date(2019, 10, 2)),
    ("TRIPOLI, 14 March 2022 (Reuters) - Body.", dt.date(2022, 3, 14)),
    ("Tripoli, March 14, 2022 - Body.", dt.date(2022, 3, 14)),
    ("The conference of 14 March 2022 in Tripoli.", None),
    ("02 February 2017\n\nHeadline\n\n(ANSAmed) - ROME, FEBRUARY 2 - Body.", dt.date(2017, 2, 2)),  # a date as the first line
    ("Tuesday, 14 January 2020 - Body of the article.", dt.date(2020, 1, 14)),
    # a timeline's entries are not the article's date
    ("How the war began\n\n4 APRIL 2019 - THE ADVANCE\nForces moved north.\n\n7 APRIL - THE COUNTER-ATTACK\nBody.", None),
])
def test_stated_dates(text, day):
    found = find_stated_date(text)
    assert (found[0] if found else None) == day


def test_boilerplate_is_excluded():
    from claimcheck.boilerplate import boilerplate_ranges

    text = "Real sentence.\nAdvertisements\nSee also: Other story about the GNA\nExit mobile version\nShare this:\n"
    quoted = [text[s:e] for s, e in boilerplate_ranges(text)]
    assert "Advertisements" in quoted and "Exit mobile version" in quoted
    assert any(q.startswith("See also") for q in quoted)
    assert not any("Real sentence" in q for q in quoted)


@pytest.mark.parametrize("text,outlet", [
    ("Headline here\n\nLibya Observer | 3 July 2019\n\nBody text.", "Libya Observer"),
    ("Headline here\n\nTRIPOLI, Aug 25 (Reuters) - Body.", "Reuters"),
    ("Headline\n\n(Agenzia Nova) - Rome, 2 May 2020 - Body.", "Agenzia Nova"),
    ("Headline\n\nBy Libya Herald reporters\n\nTripoli, 8 July 2012: Body.", "Libya Herald"),
    ("Headline of the story\n\nAl Wasat\n\nBody text follows here.", "Al Wasat"),
    ("Headline of the story\n\nThe minister said on Monday that talks continue.", None),
])
def test_more_source_cues(text, outlet):
    assert detect_source(text) == outlet


@pytest.mark.parametrize("text,day", [
    ("Titre\n\nTripoli, 9 avril 2019 (AFP) - Corps.", dt.date(2019, 4, 9)),
    ("Title\n\nTripoli, 20/11/2019 (LANA) - Body.", dt.date(2019, 11, 20)),
    ("Title\n\nBody.\n\nLANA/ 20 November 2019", dt.date(2019, 11, 20)),
    ("Headline\n\nMarch 1, 2023\n\nBody.", dt.date(2023, 3, 1)),
    ("Headline\n\nTripoli \u2014 October 11, 2013\n\nBody.", dt.date(2013, 10, 11)),
    ("Headline\n\nBody mentions March 1, 2023 in a sentence.", None),
    ("Headline\n\nThe ruling of 12-10-2013 stands.\n\nBody.", None),
    ("Headline\n\nBody.\n\nScore: 12 March 19 to 4", None),
])
def test_more_stated_dates(text, day):
    found = find_stated_date(text)
    assert (found[0] if found else None) == day


def test_yearless_dateline_is_kept_for_the_window(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Headline\n\nPARIS, May 29 (Reuters) - Leaders met.", encoding="utf-8")
    d = read_document(str(f))
    assert d.dateline == (5, 29) and d.published.basis.value == "unknown"
    assert any(d.text[s:e].startswith("PARIS") for s, e in d.excluded)


def test_html_metadata_date(tmp_path):
    f = tmp_path / "a.html"
    f.write_text('<html><head><title>Talks</title><meta property="article:published_time" content="2021-06-10T09:00:00Z">'
                 '</head><body><nav>Home</nav><article><h1>Talks in Tripoli</h1><p>The interior minister met the Italian '
                 'ambassador in Tripoli on Monday to discuss border security and the training of coast guard personnel.</p>'
                 '<p>Both sides agreed to meet again next month in Rome, officials said.</p></article></body></html>',
                 encoding="utf-8")
    d = read_document(str(f))
    assert (d.published.earliest, d.published.basis.value) == (dt.date(2021, 6, 10), "stated")


@pytest.mark.parametrize("text,day", [
    ("Title\n\n(ANSAmed) - TRIPOLI, JANUARY 28 2019 - Body.", dt.date(2019, 1, 28)),
    ("Title\nAnadolu\nAfrica\n\n20.01.2020\n\nBody.", dt.date(2020, 1, 20)),
    ("Title\n\nSource: Xinhua| 2021-02-06 04:12:30|Editor: huaxia\n\nBody.", dt.date(2021, 2, 6)),
    ("Title\n\nTripoli, 11 Feb 2022 09:45 - (Agenzia Nova)\n\nBody.", dt.date(2022, 2, 11)),
    ("Title\nTimes of Malta\n\nTuesday, 14 January 2020, 10:12 by Reuters\n\nBody.", dt.date(2020, 1, 14)),
    # wire sign-offs: numeric day first, a month's name with a two-digit year, codes run together
    ("Title\n\nBody.\n\n(Coast Wire) 04-11-2016 09:20 GMT", dt.date(2016, 11, 4)),
    ("Title\n\nBody.\n\nABC 21/08/2022 17:05", dt.date(2022, 8, 21)),
    ("Title\n\nBody.\n\n(XYZ) 14-MAR-19 08:00", dt.date(2019, 3, 14)),
    ("Title\n\nBody.\n\nPANA/KD/21Nov2016", dt.date(2016, 11, 21)),
    ("Title\n\nMisrata, Libya (LANA) 5 May 2016 - Body.", dt.date(2016, 5, 5)),
])
def test_page_stamps(text, day):
    found = find_stated_date(text)
    assert found and found[0] == day


def test_section_heading_is_no_outlet_and_agency_tag_after_dateline():
    assert detect_source("Headline of the piece\n\nPolitics\n\nBody text here.") is None
    assert detect_source("Headline\n\nTripoli, 11 Feb 2022 09:45 - (Agenzia Nova)\n\nBody.") == "Agenzia Nova"


def test_html_spans_point_into_the_page(tmp_path):
    from claimcheck.extract import extract_document
    from claimcheck.packs import load_packs

    page = ("<html><head><title>Talks</title></head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            "<article><h1>Envoy meets minister</h1>\n<p>The UN envoy, <b>Ghassan Salam\u00e9</b>, met Interior Minister "
            "Fathi Bashagha in Tripoli on Monday. They discussed the migrants &amp; the coast guard.</p>\n"
            "<p>Bashagha said about 650,000 migrants were in Libya, according to the International Organization for "
            "Migration (IOM), which counts them every few months across the country's municipalities.</p></article>"
            "<footer>&copy; Example News. Share on Facebook</footer></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    d = read_document(str(f))
    assert len(d.text) == len(page) and "Home" not in d.text and "Share on Facebook" not in d.text
    _, found, _ = extract_document(d, load_packs([str(ROOT / "rules/libya")]).kb)
    assert any(c.subject.id == "bashagha" for c in found)
    for c in found:  # every span quotes the HTML file itself
        assert page[c.provenance.start:c.provenance.end] == c.provenance.quote


def test_html_without_date_metadata_has_no_stated_date(tmp_path):
    page = ("<html><body><article><p>Interior Minister Fathi Bashagha visited Misrata on Monday to meet local "
            "officials about security in the city and the plans for the coast guard.</p></article>"
            "<footer>Copyright 2015 Example</footer></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    assert read_document(str(f)).published.basis is not WindowBasis.stated


@pytest.mark.parametrize("head,earliest,latest", [
    # a live blog's days: the window runs over them
    ("Monday 12 November 2018 - Tuesday 13 November 2018", dt.date(2018, 11, 12), dt.date(2018, 11, 13)),
    ("March 1, 2023 \u2013 March 3, 2023", dt.date(2023, 3, 1), dt.date(2023, 3, 3)),
    # not a range: a second date before the first, or months away
    ("12 November 2018 - 10 November 2018", dt.date(2018, 11, 12), dt.date(2018, 11, 12)),
    ("12 November 2018 - 13 March 2019", dt.date(2018, 11, 12), dt.date(2018, 11, 12)),
])
def test_a_stamp_giving_a_range_of_days_gives_the_window(tmp_path, head, earliest, latest):
    f = tmp_path / "blog.txt"
    f.write_text(f"LIVE: the conference\n{head}\n\nRefresh for the latest updates from the venue.\n", encoding="utf-8")
    w = read_document(str(f)).published
    assert (w.earliest, w.latest, w.basis.value) == (earliest, latest, "stated")
