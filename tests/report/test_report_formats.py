"""Every format renders; text, JSON, Markdown and GitHub output say what they must."""

from __future__ import annotations

import json
import re

import pytest

from claimcheck.errors import UsageError
from claimcheck.models import Report
from claimcheck.report import FORMATS, render
from claimcheck.report.github import escape_data, escape_property, render_github
from claimcheck.report.markdown import md

from report_fixtures import HOSTILE_SOURCE, make_report


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_deterministically(fmt, report, texts, rules):
    first = render(report, fmt, texts, rules)
    assert first and first.endswith("\n")
    assert render(make_report(), fmt, texts, rules) == first


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_report(fmt, empty_report):
    assert render(empty_report, fmt) is not None


def test_unknown_format_is_a_usage_error(report):
    with pytest.raises(UsageError, match="unknown report format 'yaml'"):
        render(report, "yaml")


# text ------------------------------------------------------------------------------------------------------

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) (?P<rule>[a-z0-9-]+) (?P<msg>.+)$")


def test_text_has_one_line_per_finding_in_reading_order_then_a_summary(report):
    lines = render(report, "text").splitlines()
    assert len(lines) == len(report.findings) + 1 + len(report.sources)
    assert lines[len(report.findings) + 1].startswith("source ")
    parsed = [LINE.match(line) for line in lines[: len(report.findings)]]
    assert all(parsed), lines
    assert [(m["path"], int(m["line"]), int(m["col"]), m["sev"], m["rule"]) for m in parsed] == [
        ("articles/herald.md", 1, 11, "error", "office-holder-at-publication"),
        ("articles/herald.md", 3, 8, "warning", "figure-cross-source"),
        ("articles/herald.md", 5, 91, "info", "defunct-organization-name"),
        ("articles/wire copy.md", 3, 27, "warning", "event-date"),
    ]
    assert lines[len(report.findings)] == "4 findings (1 error, 2 warnings, 1 info) in 2 documents."


def test_text_colour_is_optional_and_control_characters_are_neutralised(report):
    assert "\x1b[" not in render(report, "text")
    assert "\x1b[1;31merror" in render(report, "text", color=True)
    f = report.findings[0].model_copy(update={"message": "evil\x1b[2Jclear\nsecond line"})
    out = render(report.model_copy(update={"findings": (f,)}), "text")
    assert "\x1b" not in out and "evil\ufffd[2Jclear second line" in out


def test_text_empty_report_says_so(empty_report):
    assert render(empty_report.model_copy(update={"sources": ()}), "text") == "No findings in 2 documents.\n"


# json ------------------------------------------------------------------------------------------------------


def test_json_round_trips_into_the_report(report):
    out = render(report, "json")
    assert Report.model_validate_json(out) == report
    assert out == json.dumps(json.loads(out), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_json_carries_the_contract_fields(report):
    data = json.loads(render(report, "json"))
    ev = data["findings"][2]["evidence"][0]
    assert set(ev) >= {"path", "start", "end", "quote", "line", "column"}
    assert data["documents"][1]["published"] == {
        "earliest": "2021-03-16", "latest": "2021-09-30", "basis": "inferred", "evidence": [],
    }
    assert {(s["source"], s["score"], s["grade"]) for s in data["sources"]} == {
        ("Libya Herald", 0.82, "B"), (HOSTILE_SOURCE, 0.55, "C"),
    }


def test_json_snapshot(report, file_regression):
    file_regression.check(render(report, "json"), extension=".json")


# markdown --------------------------------------------------------------------------------------------------


def test_markdown_snapshot(report, texts, rules, file_regression):
    file_regression.check(render(report, "markdown", texts, rules), extension=".md")


def test_markdown_counts_quotes_references_and_sources(report, rules):
    out = render(report, "markdown", rules=rules)
    assert "## claimcheck: 4 findings, 4 new" in out
    assert "| office-holder | 1 | 0 | 0 | 1 |" in out
    assert "> “Interior Minister Fathi Bashagha”" in out
    assert "`articles/wire copy.md:1:17`" in out
    assert "[Bashagha's term as Interior Minister](https://en.wikipedia.org/wiki/Fathi_Bashagha)" in out
    assert "(https://example.org/gnu?x=1&y=%282%29)" in out
    assert "javascript:" not in out  # a non-web citation shows as text, not as a link
    assert "| Libya Herald | 0.82 | 0.70–0.91 | B |" in out
    assert "<script>" not in out and "<b>" not in out
    # errors come first among the new findings
    assert out.index("office-holder-at-publication` (office-holder)") < out.index("`event-date` (date)")


def test_markdown_moves_baselined_findings_into_a_collapsed_list(report):
    f = report.findings[0].model_copy(update={"baseline": "false-alarm"})
    out = render(report.model_copy(update={"findings": (f, *report.findings[1:])}), "markdown")
    assert "## claimcheck: 4 findings, 3 new" in out
    assert "<details><summary>1 baselined finding</summary>" in out
    assert "(false-alarm)" in out


def test_md_escapes_markup():
    assert md("a <b> & *c* [d](e) | f") == r"a &lt;b&gt; &amp; \*c\* \[d\](e) \| f"


# github ----------------------------------------------------------------------------------------------------


def test_github_escaping():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("dir/a:b,c%\n") == "dir/a%3Ab%2Cc%25%0A"


def test_github_annotations_worst_first(report):
    lines = render(report, "github").splitlines()
    assert lines[0].startswith(
        "::error file=articles/herald.md,line=1,col=11,endLine=1,endColumn=43,"
        "title=office-holder-at-publication (office-holder)::Fathi Bashagha is called Interior Minister"
    )
    assert "%0ACheck the date of the article" in lines[0]
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::warning", "::notice", "::notice"]
    assert lines[-1].startswith("::notice title=claimcheck source reliability")
    assert lines[2].startswith("::warning file=articles/wire copy.md,line=3,col=27,")


def test_github_escapes_properties_and_message(report):
    f = report.findings[2]
    ev = f.evidence[0].model_copy(update={"path": "a,b:c.md"})
    f = f.model_copy(update={"evidence": (ev,), "message": "50% of\nthat", "help": None})
    out = render_github(report.model_copy(update={"findings": (f,), "sources": ()}))
    assert out == "::error file=a%2Cb%3Ac.md,line=1,col=11,endLine=1,endColumn=43,title=office-holder-at-publication " \
                  "(office-holder)::50%25 of%0Athat\n"


def test_github_is_capped_with_a_summary_and_skips_baselined(report):
    many = tuple(report.findings[2].model_copy(update={"fingerprint": f"{i:016x}"}) for i in range(60))
    baselined = report.findings[0].model_copy(update={"baseline": "accepted"})
    out = render_github(report.model_copy(update={"findings": (*many, baselined), "sources": ()})).splitlines()
    assert len(out) == 51
    assert out[-1] == "::notice::10 more findings not shown"
    assert not any("defunct-organization-name" in line for line in out)
