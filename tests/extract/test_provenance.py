"""Every extracted span quotes its document exactly, on the seeds and on generated text."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract_document
from claimcheck.models import Document

from ..conftest import SEEDS

SENTENCES = [line for f in sorted(SEEDS.glob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check_spans(d: Document, claims) -> None:
    for c in claims:
        p = c.provenance
        assert d.text[p.start:p.end] == p.quote
        for m in (c.subject, c.object, c.qualifiers.organization, c.qualifiers.acronym):
            if m is not None and m.start is not None:
                assert d.text[m.start:m.end] == m.text


def test_seed_spans_are_exact(seeds_run):
    for e in seeds_run.extractions:
        assert e.claims
        _check_spans(e.document, e.claims)
        for ev in e.document.published.evidence:
            if ev.end > ev.start:
                assert e.document.text[ev.start:ev.end] == ev.quote


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", "\n\n", " "]),
       st.text(alphabet="é’“” \t-", max_size=5))
def test_generated_spans_are_exact(packs, lines, sep, noise):
    text = noise + sep.join(lines)
    d = Document(path="g.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text)
    d2, claims, _ = extract_document(d, packs.kb)
    _check_spans(d2, claims)
