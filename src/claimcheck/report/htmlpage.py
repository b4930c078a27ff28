"""The HTML report: one self-contained, offline page with filters, quotes in context, a timeline and charts.

Everything that comes from an article, a knowledge base or a rule pack is escaped: a hostile article shows
as text and runs nothing. A Content-Security-Policy allows only the page's own script, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from typing import Any, Mapping

from ..models import DocumentInfo, Evidence, Finding, Report
from .common import (
    KINDS, SEVERITIES, RuleDoc, RuleInfo, counts, describe_rules, documents_by_path, is_web_url, ordered, plural,
    severity_counts, window_text,
)
from .context import paragraph
from .htmlassets import CSS, JS
from .svg import reference_bars, reliability_svg, timeline_svg, window_bars

#: Finding kinds whose findings get a timeline of the periods involved.
TIMELINE_KINDS = ("office-holder", "date")
STATUSES = ("new", "accepted", "confirmed", "false-alarm")


def e(text: object) -> str:
    """Escape for HTML text and attribute values (quotes included)."""
    return escape(str(text), quote=True)


def script_json(data: Any) -> str:
    """JSON safe inside a `<script>` element: `<`, `>`, `&` and line separators as `\\u` escapes."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


def a(url: str | None, label: str) -> str:
    """A link for http(s) URLs that leaves the page without a referrer; other URLs show as text."""
    if not is_web_url(url):
        return e(label)
    return f'<a href="{e(url)}" rel="noopener noreferrer nofollow" target="_blank">{e(label)}</a>'


def render_html(
    report: Report, texts: Mapping[str, str] | None = None, rules: Mapping[str, RuleInfo] | None = None
) -> str:
    """Render the report as one HTML page (deterministic: no timestamps, stable order)."""
    texts = texts or {}
    findings = ordered(report.findings)
    docs = documents_by_path(report)
    rule_docs = describe_rules(findings, rules)
    ids = {id(f): f"f-{i}" for i, f in enumerate(findings)}
    data = {
        "findings": [
            {"id": ids[id(f)], "kind": f.kind.value, "severity": f.severity.value, "source": f.source,
             "rule": f.rule, "status": f.baseline or "new"}
            for f in findings
        ]
    }
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"script-src 'sha256-{base64.b64encode(hashlib.sha256(JS.encode()).digest()).decode()}'"
    )
    n_new = sum(1 for f in findings if not f.baseline)
    body = [
        '<header class="page"><h1>claimcheck report</h1>',
        f'<p class="summary">{e(plural(len(findings), "finding"))} ({n_new} new) in '
        f'{e(plural(len(report.documents), "document"))}.</p>',
        f'<p class="muted">claimcheck {e(report.run.tool_version)} · packs {e(", ".join(report.run.packs) or "none")}'
        f' · knowledge base <code>{e(report.run.kb_version)}</code> · extractor {e(report.run.extractor_version)}</p>',
        '<nav class="toc"><a href="#findings">Findings</a><a href="#timeline">Timeline</a>'
        '<a href="#sources">Sources</a><a href="#documents">Documents</a></nav></header><main>',
        _overview(findings, report),
        '<section id="findings"><h2>Findings</h2>',
    ]
    if findings:
        body.append(_filters(findings, rule_docs))
        for kind in KINDS:
            group = [f for f in findings if f.kind.value == kind]
            if not group:
                continue
            body.append(f'<section class="group" id="kind-{e(kind)}"><h3>{e(kind.replace("-", " ").capitalize())}'
                        f' <span class="muted">({len(group)})</span></h3>')
            body += [_finding(f, ids[id(f)], docs, texts, rule_docs.get(f.rule)) for f in group]
            body.append("</section>")
    else:
        body.append("<p>No findings.</p>")
    body.append("</section>")
    body.append(_timeline(findings, report))
    body.append(_sources(report))
    body.append(_documents(report))
    body.append("</main>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{e(csp)}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>claimcheck report: {e(plural(len(findings), 'finding'))}</title>"
        f"<style>{CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + f'\n<script type="application/json" id="cc-data">{script_json(data)}</script>\n'
        f"<script>{JS}</script>\n</body></html>\n"
    )


def _overview(findings: list[Finding], report: Report) -> str:
    if not findings:
        return ""
    table = counts(findings)
    sev = severity_counts(findings)
    rows = "".join(
        f"<tr><th>{e(k)}</th>" + "".join(f'<td class="num">{c[s]}</td>' for s in SEVERITIES)
        + f'<td class="num">{c["total"]}</td></tr>'
        for k, c in table.items()
    )
    total = "".join(f'<td class="num">{sev[s]}</td>' for s in SEVERITIES) + f'<td class="num">{len(findings)}</td>'
    baseline = ""
    if report.baseline is not None:
        b = report.baseline
        baseline = (f'<p>Baseline: {b.new} new, {b.confirmed} confirmed, {b.false_alarm} false alarm, '
                    f'{b.accepted} accepted, {e(plural(len(b.stale), "stale entry", "stale entries"))}.</p>')
    head = "".join(f"<th>{s}</th>" for s in SEVERITIES)
    return (f'<section id="overview"><table class="counts"><thead><tr><th>kind</th>{head}<th>total</th></tr></thead>'
            f'<tbody>{rows}<tr><th>all</th>{total}</tr></tbody></table>{baseline}</section>')


def _checkboxes(name: str, legend: str, values: list[str]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" name="{name}" value="{e(v)}" checked> {e(v)}</label>' for v in values
    )
    return f"<fieldset><legend>{e(legend)}</legend>{boxes}</fieldset>"


def _filters(findings: list[Finding], rule_docs: Mapping[str, RuleDoc]) -> str:
    kinds = [k for k in KINDS if any(f.kind.value == k for f in findings)]
    severities = [s for s in SEVERITIES if any(f.severity.value == s for f in findings)]
    sources = sorted({f.source for f in findings})
    statuses = [s for s in STATUSES if any((f.baseline or "new") == s for f in findings)]
    options = "".join(f'<option value="{e(d.id)}">{e(d.id)}: {e(d.summary)}</option>' for d in rule_docs.values())
    return (
        '<form id="filters" aria-label="Filter findings">'
        + _checkboxes("kind", "Kind", kinds)
        + _checkboxes("severity", "Severity", severities)
        + _checkboxes("source", "Source", sources)
        + _checkboxes("status", "Baseline", statuses)
        + f'<fieldset><legend>Rule</legend><select name="rule"><option value="">all rules</option>{options}</select>'
        '</fieldset><button type="reset">Show all</button><output id="shown"></output></form>'
    )


def _evidence(span: Evidence, doc: DocumentInfo | None, text: str | None) -> str:
    ctx = paragraph(text, span.start, span.end) if text is not None else None
    if ctx is not None and ctx.match == span.quote:
        quote = f"{e(ctx.before)}<mark>{e(ctx.match)}</mark>{e(ctx.after)}"
    else:
        quote = f"<mark>{e(span.quote)}</mark>"
    source = e(doc.source) if doc else "unknown source"
    title = f" · {e(doc.title)}" if doc and doc.title else ""
    return (
        f'<figure class="evidence role-{e(span.role)}"><figcaption><span class="badge kind">{e(span.role)}</span> '
        f"<code>{e(span.path)}:{span.line}:{span.column}</code> · {source}{title} · published {e(window_text(doc))}"
        f'</figcaption><blockquote class="context">{quote}</blockquote></figure>'
    )


def _finding(
    f: Finding, ident: str, docs: Mapping[str, DocumentInfo], texts: Mapping[str, str], rule: RuleDoc | None
) -> str:
    sev = f.severity.value
    verdict = f' <span class="badge verdict">baseline: {e(f.baseline)}</span>' if f.baseline else ""
    attributed = f" · attributed to {e(f.attributed_to)}" if f.attributed_to else ""
    paths = {s.path for s in f.evidence}
    spans = "".join(_evidence(s, docs.get(s.path), texts.get(s.path)) for s in f.evidence)
    side = " side-by-side" if len(paths) > 1 else ""
    out = [
        f'<article class="finding sev-{sev}" id="{ident}" data-kind="{e(f.kind.value)}" data-severity="{sev}" '
        f'data-source="{e(f.source)}" data-rule="{e(f.rule)}" data-status="{e(f.baseline or "new")}">',
        f'<header><span class="badge {sev}">{sev}</span> <code class="rule">{e(f.rule)}</code> '
        f'<span class="badge kind">{e(f.kind.value)}</span>{verdict}<h4 class="message">{e(f.message)}</h4></header>',
        f'<p class="meta">Source: {e(f.source)}{attributed} · fingerprint <code>{e(f.fingerprint)}</code></p>',
        f'<div class="evidence-list{side}">{spans}</div>',
    ]
    if f.kind.value in TIMELINE_KINDS:
        bars = reference_bars(f.references) + window_bars(docs[p] for p in sorted(paths) if p in docs)
        if any(b.cls == "period" for b in bars):
            svg = timeline_svg(bars, title=f"Periods and publication windows for {f.rule}")
            out.append(f'<figure class="chart finding-timeline">{svg}<figcaption>{_legend()}</figcaption></figure>')
    if f.references:
        items = []
        for r in f.references:
            period = f' <span class="muted">({e(r.period)})</span>' if r.period else ""
            cites = "".join(
                f"<li>{a(c.url, c.supports)} <span class=\"muted\">(retrieved {c.retrieved.isoformat()})</span></li>"
                for c in r.citations
            )
            items.append(f"<li>{e(r.statement)}{period}" + (f"<ul>{cites}</ul>" if cites else "") + "</li>")
        out.append(f'<div class="refs"><strong>References</strong><ul>{"".join(items)}</ul></div>')
    help_text = f.help or (rule.help if rule and rule.help not in (f.message, rule.summary) else None)
    link = f.link or (rule.link if rule else None)
    if help_text or is_web_url(link):
        more = f" {a(link, 'About this rule')}" if is_web_url(link) else ""
        out.append(f'<p class="help"><strong>What to do:</strong> {e(help_text or "")}{more}</p>')
    out.append("</article>")
    return "\n".join(out)


def _legend() -> str:
    return ('<span class="legend"><span class="period"></span>reference period'
            '<span class="window"></span>article publication window</span> (▸ ongoing or open-ended)')


def _timeline(findings: list[Finding], report: Report) -> str:
    refs = [r for f in findings if f.kind.value in TIMELINE_KINDS for r in f.references]
    bars = reference_bars(refs)
    if not bars:
        return ('<section id="timeline"><h2>Timeline</h2><p class="muted">No office-holder or date finding '
                'cites a period.</p></section>')
    bars += window_bars(report.documents)
    svg = timeline_svg(bars, title="Offices and periods involved, against each article's publication window")
    return (f'<section id="timeline"><h2>Timeline</h2><figure class="chart">{svg}'
            f"<figcaption>{_legend()}</figcaption></figure></section>")


def _sources(report: Report) -> str:
    if not report.sources:
        return '<section id="sources"><h2>Source reliability</h2><p class="muted">No source was scored.</p></section>'
    rows = "".join(
        f"<tr><td>{e(s.source)}</td><td class=\"num\">{s.score:.2f}</td>"
        f"<td class=\"num\">{s.interval[0]:.2f}–{s.interval[1]:.2f}</td><td>{e(s.grade)}</td>"
        f"<td class=\"num\">{s.documents}</td><td class=\"num\">{s.checkable}</td><td class=\"num\">{s.supported}</td>"
        f"<td class=\"num\">{s.contradicted:g}</td></tr>"
        for s in sorted(report.sources, key=lambda s: (-s.score, s.source))
    )
    return (
        f'<section id="sources"><h2>Source reliability</h2><figure class="chart">{reliability_svg(report.sources)}'
        "<figcaption>Dot: posterior mean reliability; bar: 90% credible interval; letter: Admiralty grade "
        "(F: cannot be judged).</figcaption></figure>"
        "<table><thead><tr><th>source</th><th>score</th><th>90% interval</th><th>grade</th><th>documents</th>"
        f"<th>checkable</th><th>supported</th><th>contradicted</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _documents(report: Report) -> str:
    rows = "".join(
        f"<tr><td><code>{e(d.path)}</code></td><td>{e(d.source)}</td><td>{e(d.title or '')}</td>"
        f"<td>{e(window_text(d))}</td><td class=\"num\">{d.claims}</td></tr>"
        for d in sorted(report.documents, key=lambda d: d.path)
    )
    return (
        '<section id="documents"><h2>Documents</h2><table><thead><tr><th>path</th><th>source</th><th>title</th>'
        f"<th>published</th><th>claims</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )
