"""What every renderer shares: rule metadata, finding order, locations and counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Protocol
from urllib.parse import urlsplit

from ..models import DocumentInfo, Evidence, Finding, FindingKind, Report, Severity

#: The order groups and counts are shown in.
KINDS: tuple[str, ...] = tuple(k.value for k in FindingKind)
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


class RuleInfo(Protocol):
    """Rule metadata a renderer can use; `claimcheck.models.RuleSpec` satisfies it."""

    @property
    def id(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def help(self) -> str: ...
    @property
    def link(self) -> str | None: ...
    @property
    def severity(self) -> Severity | str: ...
    @property
    def kind(self) -> FindingKind | str: ...


@dataclass(frozen=True)
class RuleDoc:
    """A rule as the renderers describe it, with every field resolved to plain text."""

    id: str
    summary: str
    help: str
    link: str | None
    severity: str
    kind: str


def _value(v: object) -> str:
    return str(getattr(v, "value", v))


def describe_rules(findings: Iterable[Finding], rules: Mapping[str, RuleInfo] | None = None) -> dict[str, RuleDoc]:
    """Metadata of every rule the findings name, from `rules` or else from the rule's first finding, by rule id."""
    docs: dict[str, RuleDoc] = {}
    for f in findings:
        if f.rule in docs:
            continue
        spec = (rules or {}).get(f.rule)
        if spec is not None:
            docs[f.rule] = RuleDoc(
                id=f.rule,
                summary=spec.summary,
                help=spec.help or f.help or spec.summary,
                link=spec.link or f.link,
                severity=_value(spec.severity),
                kind=_value(spec.kind),
            )
        else:
            docs[f.rule] = RuleDoc(
                id=f.rule, summary=f.rule, help=f.help or f.message, link=f.link,
                severity=f.severity.value, kind=f.kind.value,
            )
    return dict(sorted(docs.items()))


def primary(finding: Finding) -> Evidence:
    """The finding's primary location: the first span whose role is primary, else the first span."""
    return next((e for e in finding.evidence if e.role == "primary"), finding.evidence[0])


def location_key(finding: Finding) -> tuple:
    """Sort key: primary path, offsets, rule, fingerprint."""
    p = primary(finding)
    return (p.path, p.start, p.end, finding.rule, finding.fingerprint)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order: by file, then position, then rule."""
    return sorted(findings, key=location_key)


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Findings worst first, in reading order within a severity."""
    return sorted(findings, key=lambda f: (-f.severity.rank, *location_key(f)))


def end_position(span: Evidence) -> tuple[int, int]:
    """1-based line and column just after the span's last character (an exclusive end)."""
    q = span.quote
    nl = q.count("\n")
    if nl == 0:
        return span.line, span.column + len(q)
    return span.line + nl, len(q) - q.rfind("\n")


def documents_by_path(report: Report) -> dict[str, DocumentInfo]:
    """The report's documents keyed by path."""
    return {d.path: d for d in report.documents}


def counts(findings: Iterable[Finding]) -> dict[str, Counter[str]]:
    """Finding counts per kind (in kind order), each a Counter by severity plus 'total'."""
    table: dict[str, Counter[str]] = {}
    for f in findings:
        c = table.setdefault(f.kind.value, Counter())
        c[f.severity.value] += 1
        c["total"] += 1
    return {k: table[k] for k in KINDS if k in table}


def severity_counts(findings: Iterable[Finding]) -> Counter[str]:
    """How many findings of each severity."""
    return Counter(f.severity.value for f in findings)


def is_web_url(url: str | None) -> bool:
    """True for absolute http(s) URLs: the only ones rendered as links."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 finding`, `2 findings`."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def window_text(doc: DocumentInfo | None) -> str:
    """A publication window as text: `2021-03-16 (stated)`, `2021-03-01 to 2021-03-31 (inferred)` or `unknown`."""
    if doc is None:
        return "unknown"
    w = doc.published
    if w.earliest is None and w.latest is None:
        return "unknown"
    lo = w.earliest.isoformat() if w.earliest else "…"
    hi = w.latest.isoformat() if w.latest else "…"
    span = lo if lo == hi else f"{lo} to {hi}"
    return f"{span} ({w.basis.value})"
