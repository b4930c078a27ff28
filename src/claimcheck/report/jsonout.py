"""JSON output: the `Report` model itself, keys sorted; evaluation scripts read it as a contract."""

from __future__ import annotations

import json

from ..models import Report


def render_json(report: Report) -> str:
    """Dump the report deterministically: sorted keys, two-space indent, UTF-8 text, trailing newline."""
    return json.dumps(report.model_dump(mode="json"), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
