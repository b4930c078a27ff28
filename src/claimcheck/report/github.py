"""GitHub Actions workflow commands: one annotation per new finding, worst first, capped."""

from __future__ import annotations

from ..models import Report
from .common import by_severity, end_position, plural, primary

#: How many annotations are written before the rest are summarised.
MAX_ANNOTATIONS = 50

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: `%`, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value: as data, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, *, limit: int = MAX_ANNOTATIONS) -> str:
    """Write `::error file=..,line=..::message` commands for the findings not in the baseline.

    Baselined findings are acknowledged and not annotated. Past `limit` annotations, a final
    `::notice::N more findings not shown` stands for the rest.
    """
    new = [f for f in by_severity(report.findings) if not f.baseline]
    lines: list[str] = []
    for f in new[:limit]:
        p = primary(f)
        end_line, end_col = end_position(p)
        props = {
            "file": p.path,
            "line": str(p.line),
            "col": str(p.column),
            "endLine": str(end_line),
            "endColumn": str(end_col),
            "title": f"{f.rule} ({f.kind.value})",
        }
        prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
        message = f.message + (f"\n{f.help}" if f.help else "")
        lines.append(f"::{_LEVELS[f.severity.value]} {prop_text}::{escape_data(message)}")
    hidden = len(new) - len(lines)
    if hidden > 0:
        lines.append(f"::notice::{plural(hidden, 'more finding')} not shown")
    if report.sources:
        table = "; ".join(f"{s.source} {s.grade} {s.score:.2f} [{s.interval[0]:.2f}-{s.interval[1]:.2f}]" for s in report.sources)
        lines.append(f"::notice title=claimcheck source reliability (worst first)::{escape_data(table)}")
    return "".join(line + "\n" for line in lines)
