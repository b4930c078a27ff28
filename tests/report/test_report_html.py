"""The HTML report without a browser: self-contained, escaped, deterministic."""

from __future__ import annotations

import json
import re

from claimcheck.report import render
from claimcheck.report.context import paragraph
from claimcheck.report.htmlpage import script_json

from report_fixtures import HERALD_TEXT


def test_html_is_self_contained(report, texts, rules):
    page = render(report, "html", texts, rules)
    assert page.startswith("<!DOCTYPE html>")
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"<[a-zA-Z][^>]*\ssrc\s*=", page), "no element loads a resource"
    hrefs = re.findall(r'\shref="([^"]*)"', page)
    assert hrefs and all(h.startswith(("#", "https://")) for h in hrefs), hrefs
    assert page.count("<script") == 2  # the JSON data block and the page's own script
    assert "Content-Security-Policy" in page and "script-src &#x27;sha256-" in page


def test_html_escapes_everything_from_articles(report, texts):
    page = render(report, "html", texts)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page
    assert "</script><script>window.__pwned" not in page
    assert 'value="Wire &quot;&amp;&quot; &lt;b&gt;Desk&lt;/b&gt;' in page  # inside an attribute
    assert 'href="javascript:' not in page and "not a web page" in page
    data = re.search(r'<script type="application/json" id="cc-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data and ">" not in data and "&" not in data
    assert '"source":"Wire \\"\\u0026\\" \\u003cb\\u003eDesk' in data


def test_html_shows_quotes_in_their_paragraph(report, texts):
    page = render(report, "html", texts)
    assert "TRIPOLI — <mark>Interior Minister Fathi Bashagha</mark> said on Monday that &quot;security &amp; order&quot;" in page
    assert "The <mark>GNA</mark> statement was read aloud." in page
    assert 'class="evidence-list side-by-side"' in page  # the cross-source figure clash


def test_html_without_texts_shows_the_bare_quotes(report):
    page = render(report, "html")
    assert "<mark>Interior Minister Fathi Bashagha</mark></blockquote>" in page


def test_html_has_a_timeline_and_a_reliability_chart(report, texts):
    page = render(report, "html", texts)
    assert page.count('<svg class="timeline"') == 3  # the office-holder and date findings, and the overview
    assert page.count('<svg class="reliability"') == 1
    assert "Bashagha: Interior Minister" in page and "Mazen: Interior Minister" in page


def test_script_json_escapes_markup():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_paragraph_finds_the_paragraph_around_a_span():
    start = HERALD_TEXT.index("GNA")
    ctx = paragraph(HERALD_TEXT, start, start + 3)
    assert ctx.before.startswith("<script>alert(1)</script> Comments") and ctx.match == "GNA"
    assert ctx.after == " statement was read aloud."
    assert paragraph(HERALD_TEXT, 5, 10_000) is None


def test_paragraph_trims_long_paragraphs():
    text = "word " * 500 + "TARGET" + " word" * 500
    ctx = paragraph(text, 2500, 2506, limit=50)
    assert ctx.match == "TARGET" and ctx.before.startswith("…") and ctx.after.endswith("…")
    assert len(ctx.before) <= 52 and len(ctx.after) <= 52
