"""Regression on our own held-out corpus (benchmarks/heldout): articles written apart from the seeds,
half of them clean, scored with the shared evaluation script."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimcheck.report import render

from .conftest import ROOT, SHARED

SCORER = SHARED / "eval" / "score_findings.py"
MIN_RECALL = {"heldout": 0.9, "heldout2": 0.9, "heldout3": 0.9, "heldout4": 0.9, "heldout5": 0.9, "heldout6": 0.9, "heldout7": 0.9, "heldout8": 0.9, "heldout9": 0.9, "heldout10": 0.9, "heldout11": 0.9, "heldout12": 0.9, "heldout13": 0.9, "heldout14": 1.0, "heldout15": 0.9, "heldout16": 0.9, "heldout17": 0.8, "heldout18": 0.9, "heldout19": 1.0, "heldout20": 0.8, "heldout21": 0.8}


@pytest.mark.skipif(not SCORER.exists(), reason="the shared evaluation script is not beside the checkout")
@pytest.mark.parametrize("name", sorted(MIN_RECALL))
def test_heldout_quality(packs, tmp_path, name):
    from claimcheck.api import check_documents
    from claimcheck.ingest import read_documents

    corpus = ROOT / "benchmarks" / name / "corpus"
    run = check_documents(read_documents([str(corpus)]), packs)
    report = tmp_path / "report.json"
    report.write_text(render(run.report, "json"), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORER), "--report", str(report), "--gold", str(ROOT / "benchmarks" / name / "gold.json"),
         "--corpus", str(corpus), "--min-recall", str(MIN_RECALL[name]), "--min-precision", "0.95", "--min-dates", "0.95"],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stdout
