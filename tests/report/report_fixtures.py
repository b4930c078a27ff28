"""A hand-built report for the renderer tests: two articles (one hostile), a cross-source clash, an office holder."""

from __future__ import annotations

import datetime as dt

from claimcheck.models import (
    Citation, DocumentInfo, Evidence, Finding, Period, PublishedWindow, Reference, Report, RuleExamples, RuleSpec,
    RunMeta, SourceScore,
)

HERALD = "articles/herald.md"
WIRE = "articles/wire copy.md"
HOSTILE_SOURCE = 'Wire "&" <b>Desk</b></script><script>window.__pwned=1</script>'

HERALD_TEXT = (
    "TRIPOLI — Interior Minister Fathi Bashagha said on Monday that \"security & order\" had been restored "
    "in the capital.\n"
    "\n"
    "Around 700,000 migrants are in Libya, according to officials.\n"
    "\n"
    "<script>alert(1)</script> Comments <img src=x onerror=\"window.__pwned=1\"> are closed. "
    "The GNA statement was read aloud.\n"
)
WIRE_TEXT = (
    "BENGHAZI — Some 400,000 migrants live in Libya, the agency said.\n"
    "\n"
    "The Berlin Conference was held in January 2021, the ministry said.\n"
)
TEXTS = {HERALD: HERALD_TEXT, WIRE: WIRE_TEXT}


def span(path: str, quote: str, role: str = "primary", nth: int = 0) -> Evidence:
    """Evidence for the `nth` occurrence of `quote` in the document at `path`, with its line and column."""
    text = TEXTS[path]
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Evidence(path=path, start=start, end=start + len(quote), quote=quote, line=line, column=column, role=role)


def cite(url: str, supports: str) -> Citation:
    return Citation(url=url, supports=supports, retrieved=dt.date(2024, 5, 1))


def make_report() -> Report:
    """The fixture report; findings deliberately out of reading order."""
    office = Finding(
        fingerprint="a1b2c3d4e5f60718",
        rule="office-holder-at-publication",
        kind="office-holder",
        severity="error",
        message="Fathi Bashagha is called Interior Minister, but he left that office on 2021-03-15; "
        "the article was published on 2022-05-10.",
        evidence=(span(HERALD, "Interior Minister Fathi Bashagha"),),
        references=(
            Reference(
                id="holding.bashagha.interior",
                statement="Fathi Bashagha was Minister of Interior of the GNA from 2018-10-07 to 2021-03-15.",
                citations=(cite("https://en.wikipedia.org/wiki/Fathi_Bashagha", "Bashagha's term as Interior Minister"),),
                period=Period(start="2018-10-07", end="2021-03-15"),
                label="Bashagha: Interior Minister",
            ),
            Reference(
                id="holding.mazen.interior",
                statement="Khaled Mazen has been Minister of Interior of the GNU since 2021-03-15.",
                citations=(cite("https://example.org/gnu?x=1&y=(2)", "GNU cabinet list"),),
                period=Period(start="2021-03-15"),
                label="Mazen: Interior Minister",
            ),
        ),
        source="Libya Herald",
        help="Check the date of the article, or name the office holder at that date.",
        link="https://example.org/rules/office-holder-at-publication",
    )
    figure = Finding(
        fingerprint="0f1e2d3c4b5a6978",
        rule="figure-cross-source",
        kind="figure",
        severity="warning",
        message="Two sources give different counts of migrants in Libya: 700,000 and 400,000.",
        evidence=(span(HERALD, "700,000 migrants"), span(WIRE, "400,000 migrants", role="related")),
        references=(
            Reference(
                id="figure.dtm.r37",
                statement="IOM DTM round 37 counted 597,611 migrants in Libya.",
                citations=(cite("https://dtm.iom.int/libya", "DTM Libya round 37 migrant count"),),
                period=Period(start="2021-03", end="2021-04"),
                label="DTM round 37",
            ),
        ),
        source="Libya Herald",
        attributed_to="officials",
        help="Quote the figure with its source and date.",
    )
    naming = Finding(
        fingerprint="9999aaaabbbbcccc",
        rule="defunct-organization-name",
        kind="naming",
        severity="info",
        message='"GNA" names a government that was replaced in March 2021 <b>&</b>.',
        evidence=(span(HERALD, "GNA"),),
        source="Libya Herald",
    )
    date = Finding(
        fingerprint="5555666677778888",
        rule="event-date",
        kind="date",
        severity="warning",
        message="The Berlin Conference was held on 2020-01-19, not in January 2021.",
        evidence=(span(WIRE, "held in January 2021"),),
        references=(
            Reference(
                id="event.berlin-conference-2020",
                statement="The Berlin Conference on Libya took place on 2020-01-19.",
                citations=(cite("javascript:window.__pwned=1", "not a web page"),),
                period=Period(start="2020-01-19", end="2020-01-19"),
                label="Berlin Conference",
            ),
        ),
        source=HOSTILE_SOURCE,
    )
    return Report(
        findings=(naming, date, office, figure),
        documents=(
            DocumentInfo(
                path=HERALD, sha256="1" * 64, source="Libya Herald", title='Minister says "order" & calm restored',
                published=PublishedWindow(earliest=dt.date(2022, 5, 10), latest=dt.date(2022, 5, 10), basis="stated"),
                claims=4,
            ),
            DocumentInfo(
                path=WIRE, sha256="2" * 64, source=HOSTILE_SOURCE,
                published=PublishedWindow(earliest=dt.date(2021, 3, 16), latest=dt.date(2021, 9, 30), basis="inferred"),
                claims=2,
            ),
        ),
        sources=(
            SourceScore(source="Libya Herald", score=0.82, interval=(0.70, 0.91), grade="B", documents=1, checkable=4,
                        supported=3, contradicted=1.0),
            SourceScore(source=HOSTILE_SOURCE, score=0.55, interval=(0.30, 0.78), grade="C", documents=1, checkable=2,
                        supported=1, contradicted=0.5),
        ),
        run=RunMeta(tool_version="0.1.0", packs=("libya@0.1.0",), kb_version="kb-3f2a9c", extractor_version="regex-0.1"),
    )


def make_rules() -> dict[str, RuleSpec]:
    """RuleSpecs for two of the four rules: the others fall back to what their findings say."""
    def rule(id: str, kind: str, severity: str, summary: str) -> RuleSpec:
        return RuleSpec(
            id=id, check="office-holder", kind=kind, severity=severity, summary=summary, message="{holder} …",
            help=f"Help for {id}.", link=f"https://example.org/rules/{id}",
            examples=RuleExamples(fail="fail sentence", pass_="pass sentence"),
        )

    return {
        "office-holder-at-publication": rule(
            "office-holder-at-publication", "office-holder", "error", "An office holder named outside their term."
        ),
        "figure-cross-source": rule("figure-cross-source", "figure", "warning", "Sources disagree on a figure."),
    }
