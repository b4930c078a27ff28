"""Plain-text output: one `path:line:col: severity rule message` line per finding, then a summary line."""

from __future__ import annotations

from ..models import Report
from .common import SEVERITIES, ordered, plural, primary, severity_counts

_RESET = "\x1b[0m"
_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"


def clean(text: str) -> str:
    """One line without control characters: an article must not drive the reader's terminal."""
    return "".join(" " if ch in "\r\n\t" else ("\ufffd" if ord(ch) < 32 or 127 <= ord(ch) < 160 else ch) for ch in text)


def render_text(report: Report, *, color: bool = False) -> str:
    """Render findings one per line in reading order, grep- and editor-friendly, with optional ANSI colour."""
    lines: list[str] = []
    for f in ordered(report.findings):
        p = primary(f)
        where = f"{clean(p.path)}:{p.line}:{p.column}:"
        sev = f.severity.value
        tail = f" [baseline: {f.baseline}]" if f.baseline else ""
        if color:
            lines.append(
                f"{_BOLD}{where}{_RESET} {_COLOURS[sev]}{sev}{_RESET} {_DIM}{f.rule}{_RESET} "
                f"{clean(f.message)}{_DIM}{tail}{_RESET}"
            )
        else:
            lines.append(f"{where} {sev} {f.rule} {clean(f.message)}{tail}")
    lines.append(summary(report))
    for src in report.sources:
        lines.append(f"source {clean(src.source)}: grade {src.grade}, reliability {src.score:.2f} "
                     f"(90% interval {src.interval[0]:.2f}-{src.interval[1]:.2f}), {src.checkable} checkable claims")
    return "\n".join(lines) + "\n"


def summary(report: Report) -> str:
    """`3 findings (1 error, 2 warnings) in 2 documents; 1 in the baseline, 2 new.` or `No findings in 2 documents.`"""
    n = len(report.findings)
    docs = plural(len(report.documents), "document")
    if n == 0:
        return f"No findings in {docs}."
    sev = severity_counts(report.findings)
    parts = ", ".join(plural(sev[s], s, "info" if s == "info" else None) for s in SEVERITIES if sev[s])
    baselined = sum(1 for f in report.findings if f.baseline)
    extra = f"; {baselined} in the baseline, {n - baselined} new" if baselined else ""
    return f"{plural(n, 'finding')} ({parts}) in {docs}{extra}."
