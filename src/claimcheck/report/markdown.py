"""Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`: counts, new findings, references, sources."""

from __future__ import annotations

import re
from typing import Mapping
from urllib.parse import quote

from ..models import DocumentInfo, Finding, Report
from .common import (
    KINDS, SEVERITIES, RuleInfo, by_severity, counts, describe_rules, documents_by_path, is_web_url, ordered, plural, primary,
    severity_counts, window_text,
)

_ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]#+|~])")


def md(text: str) -> str:
    """Escape text for inline Markdown: `<>&` as entities, Markdown punctuation with a backslash, one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\s+", " ", text).strip()
    return _SPECIAL.sub(r"\\\1", text)


def code(text: str) -> str:
    """Inline code that survives backticks inside it."""
    text = re.sub(r"\s+", " ", text)
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def link(label: str, url: str | None) -> str:
    """A Markdown link for an http(s) URL; anything else is shown as escaped text."""
    if not is_web_url(url):
        return md(label)
    assert url is not None
    safe = quote(url.strip(), safe=":/?#@!$&'*+,;=%~.-_")
    return f"[{md(label)}]({safe})"


def render_markdown(report: Report, rules: Mapping[str, RuleInfo] | None = None) -> str:
    """Render the report as GitHub-flavoured Markdown."""
    findings = ordered(report.findings)
    new = [f for f in by_severity(findings) if not f.baseline]
    baselined = [f for f in findings if f.baseline]
    packs = ", ".join(code(p) for p in report.run.packs) or "no rule pack"
    out = [
        f"## claimcheck: {plural(len(findings), 'finding')}, {len(new)} new",
        "",
        f"{plural(len(report.documents), 'document')} checked with {packs} (claimcheck {md(report.run.tool_version)}).",
        "",
    ]
    if findings:
        out += _count_table(findings)
    if report.baseline is not None:
        b = report.baseline
        out += [
            f"Baseline: {b.new} new, {b.confirmed} confirmed, {b.false_alarm} false alarm, {b.accepted} accepted, "
            f"{plural(len(b.stale), 'stale entry', 'stale entries')}.",
            "",
        ]
    docs = documents_by_path(report)
    if new:
        out += ["### New findings", ""]
        for i, f in enumerate(new, start=1):
            out += _finding(i, f, docs)
    elif findings:
        out += ["No new findings: every finding is in the baseline.", ""]
    else:
        out += ["No findings.", ""]
    if baselined:
        out += [f"<details><summary>{plural(len(baselined), 'baselined finding')}</summary>", ""]
        for f in baselined:
            p = primary(f)
            where = code(f"{p.path}:{p.line}:{p.column}")
            out.append(f"- {code(f.rule)} {md(f.message)} — {where} ({md(f.baseline or '')})")
        out += ["", "</details>", ""]
    if report.sources:
        out += _sources(report)
    rule_docs = describe_rules(findings, rules)
    if rule_docs:
        out += ["### Rules", ""]
        for d in rule_docs.values():
            docs_link = f" ({link('docs', d.link)})" if is_web_url(d.link) else ""
            out.append(f"- {code(d.id)}: {md(d.summary)}{docs_link}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _count_table(findings: list[Finding]) -> list[str]:
    table = counts(findings)
    sev = severity_counts(findings)
    rows = ["| Kind | " + " | ".join(SEVERITIES) + " | total |", "|---|" + "---:|" * (len(SEVERITIES) + 1)]
    for kind in KINDS:
        if kind in table:
            c = table[kind]
            rows.append(f"| {kind} | " + " | ".join(str(c[s]) for s in SEVERITIES) + f" | {c['total']} |")
    rows.append("| **all** | " + " | ".join(f"**{sev[s]}**" for s in SEVERITIES) + f" | **{len(findings)}** |")
    return rows + [""]


def _finding(i: int, f: Finding, docs: Mapping[str, DocumentInfo]) -> list[str]:
    sev = f.severity.value
    p = primary(f)
    out = [f"#### {i}. {_ICONS[sev]} {sev} {code(f.rule)} ({f.kind.value})", "", md(f.message), ""]
    for e in f.evidence:
        doc = docs.get(e.path)
        source = doc.source if doc else f.source
        role = "" if e is p else f" · {md(e.role)}"
        out += [
            f"> “{md(e.quote)}”  ",
            f"> — {code(f'{e.path}:{e.line}:{e.column}')} · {md(source)} · published {md(window_text(doc))}{role}",
            "",
        ]
    if f.attributed_to:
        out += [f"Attributed to: {md(f.attributed_to)}", ""]
    if f.references:
        out += ["**References**", ""]
        for r in f.references:
            period = f" ({md(str(r.period))})" if r.period else ""
            out.append(f"- {md(r.statement)}{period}")
            for c in r.citations:
                out.append(f"  - {link(c.supports, c.url)} (retrieved {c.retrieved.isoformat()})")
        out.append("")
    if f.help:
        rule_link = f" ({link('rule', f.link)})" if is_web_url(f.link) else ""
        out += [f"**What to do:** {md(f.help)}{rule_link}", ""]
    return out


def _sources(report: Report) -> list[str]:
    rows = [
        "### Sources",
        "",
        "| Source | Score | 90% interval | Grade | Documents | Checkable | Supported | Contradicted |",
        "|---|---:|---|:---:|---:|---:|---:|---:|",
    ]
    for s in sorted(report.sources, key=lambda s: (-s.score, s.source)):
        lo, hi = s.interval
        rows.append(
            f"| {md(s.source)} | {s.score:.2f} | {lo:.2f}–{hi:.2f} | {s.grade} | {s.documents} | {s.checkable} | "
            f"{s.supported} | {s.contradicted:g} |"
        )
    return rows + [""]
