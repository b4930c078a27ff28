"""The full story of one finding, as text: evidence in context, rule, reference facts and citations."""

from __future__ import annotations

import textwrap

from .models import Finding


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    lo = max(0, text.rfind("\n", 0, start) + 1, start - width)
    hi = min(len(text), end + width)
    nl = text.find("\n", end)
    if nl != -1:
        hi = min(hi, nl)
    return f"{text[lo:start]}>>>{text[start:end]}<<<{text[end:hi]}".strip()


def explain_finding(f: Finding, run) -> str:
    """Plain text a reviewer can read top to bottom."""
    rule = run.rules.get(f.rule)
    lines = [
        f"finding {f.fingerprint}",
        f"rule:     {f.rule} ({f.kind.value}, {f.severity.value})" + (f" - {rule.summary}" if rule else ""),
        f"source:   {f.source}" + (f" (reported as said by {f.attributed_to})" if f.attributed_to else ""),
        "",
        "what was found:",
        textwrap.indent(textwrap.fill(f.message, 100), "  "),
        "",
        "evidence:",
    ]
    for ev in f.evidence:
        lines.append(f"  [{ev.role}] {ev.path}:{ev.line}:{ev.column} (chars {ev.start}-{ev.end})")
        text = run.texts.get(ev.path)
        if text is not None:
            lines.append(textwrap.indent(textwrap.fill(_context(text, ev.start, ev.end), 100), "      "))
    if f.references:
        lines += ["", "reference facts:"]
        for r in f.references:
            lines.append(f"  - {r.statement} [{r.id}]")
            for c in r.citations:
                lines.append(f"      {c.url} (retrieved {c.retrieved}): {c.supports}")
    doc = run.documents.get(f.evidence[0].path)
    if doc is not None:
        w = doc.published
        lines += ["", f"publication window: {w.earliest or '?'} to {w.latest or '?'} ({w.basis.value})"]
        for ev in w.evidence[:6]:
            lines.append(f"  - {ev.quote!r}: {ev.reason}")
    if f.help:
        lines += ["", "what to do:", textwrap.indent(textwrap.fill(f.help, 100), "  ")]
    if f.link:
        lines.append(f"  see {f.link}")
    return "\n".join(lines)
