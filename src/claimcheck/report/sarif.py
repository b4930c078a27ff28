"""SARIF 2.1.0 output for code-scanning dashboards: rules, results, related locations, baseline suppressions."""

from __future__ import annotations

import json
from typing import Any, Mapping
from urllib.parse import quote

from .. import __version__
from ..models import Evidence, Finding, Report
from .common import RuleInfo, describe_rules, end_position, is_web_url, ordered, primary

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: The project's home page; `tool.driver.informationUri`.
INFORMATION_URI = "https://github.com/claimcheck/claimcheck"
FINGERPRINT_KEY = "claimcheck/v1"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A relative URI reference for a path: forward slashes, percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/")


def _location(span: Evidence, *, message: str | None = None, ident: int | None = None) -> dict[str, Any]:
    end_line, end_col = end_position(span)
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(span.path)},
            "region": {
                "startLine": span.line,
                "startColumn": span.column,
                "endLine": end_line,
                "endColumn": end_col,
                "charOffset": span.start,
                "charLength": span.end - span.start,
                "snippet": {"text": span.quote},
            },
        }
    }
    if ident is not None:
        loc["id"] = ident
    if message:
        loc["message"] = {"text": message}
    return loc


def _result(f: Finding, rule_index: int, with_state: bool) -> dict[str, Any]:
    p = primary(f)
    related = [e for e in f.evidence if e is not p]
    props: dict[str, Any] = {
        "kind": f.kind.value,
        "source": f.source,
        "references": [
            {"id": r.id, "statement": r.statement, "citations": [c.url for c in r.citations]} for r in f.references
        ],
    }
    if f.attributed_to:
        props["attributedTo"] = f.attributed_to
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[f.severity.value],
        "kind": "fail",
        "message": {"text": f.message},
        "locations": [_location(p)],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": props,
    }
    if related:
        result["relatedLocations"] = [
            _location(e, message=f"{e.role}: “{e.quote}”", ident=i) for i, e in enumerate(related, start=1)
        ]
    if with_state:
        result["baselineState"] = "unchanged" if f.baseline else "new"
    if f.baseline:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"In the claimcheck baseline with verdict '{f.baseline}'.",
            }
        ]
    return result


def sarif_log(report: Report, rules: Mapping[str, RuleInfo] | None = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict: one run, the rules the findings name, one result per finding."""
    findings = ordered(report.findings)
    docs = describe_rules(findings, rules)
    index = {rule_id: i for i, rule_id in enumerate(docs)}
    driver_rules = []
    for d in docs.values():
        rule: dict[str, Any] = {
            "id": d.id,
            "shortDescription": {"text": d.summary},
            "fullDescription": {"text": d.summary if d.help == d.summary else f"{d.summary} {d.help}"},
            "help": {"text": d.help},
            "defaultConfiguration": {"level": _LEVELS.get(d.severity, "warning")},
            "properties": {"tags": ["claimcheck", d.kind]},
        }
        if is_web_url(d.link):
            rule["helpUri"] = d.link
        driver_rules.append(rule)
    version = report.run.tool_version or __version__
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "version": version,
                "informationUri": INFORMATION_URI,
                "rules": driver_rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule], report.baseline is not None) for f in findings],
        "properties": {
            "packs": list(report.run.packs),
            "kbVersion": report.run.kb_version,
            "extractorVersion": report.run.extractor_version,
            "sources": [
                {"source": x.source, "score": round(x.score, 4), "interval": [round(v, 4) for v in x.interval], "grade": x.grade,
                 "checkable": x.checkable, "supported": x.supported, "contradicted": round(x.contradicted, 4)}
                for x in report.sources
            ],
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, rules: Mapping[str, RuleInfo] | None = None) -> str:
    """Render the SARIF log as indented JSON with a trailing newline."""
    return json.dumps(sarif_log(report, rules), indent=2, ensure_ascii=False) + "\n"
