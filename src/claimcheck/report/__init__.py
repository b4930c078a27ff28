"""Report renderers: one module per output format, one entry point, `render`."""

from __future__ import annotations

from typing import Mapping

from ..errors import UsageError
from ..models import Report
from .common import RuleDoc, RuleInfo
from .github import render_github
from .htmlpage import render_html
from .jsonout import render_json
from .markdown import render_markdown
from .sarif import render_sarif
from .text import render_text

FORMATS: tuple[str, ...] = ("text", "json", "markdown", "html", "sarif", "github")


def render(
    report: Report,
    fmt: str,
    texts: Mapping[str, str] | None = None,
    rules: Mapping[str, RuleInfo] | None = None,
    *,
    color: bool = False,
) -> str:
    """Render `report` in format `fmt` (one of `FORMATS`).

    `texts` maps a document path to its full text (the HTML report shows each quote in its paragraph);
    `rules` maps a rule id to its metadata (`RuleSpec` will do) for SARIF rule descriptions and help.
    `color` adds ANSI colour to the text format. Raises `UsageError` for an unknown format.
    """
    if fmt == "text":
        return render_text(report, color=color)
    if fmt == "json":
        return render_json(report)
    if fmt == "markdown":
        return render_markdown(report, rules)
    if fmt == "html":
        return render_html(report, texts, rules)
    if fmt == "sarif":
        return render_sarif(report, rules)
    if fmt == "github":
        return render_github(report)
    raise UsageError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "RuleDoc", "RuleInfo", "render"]
