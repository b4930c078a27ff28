"""Shared fixtures: the repository root, the default packs loaded once, the seeds checked once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERMINAL_WIDTH", "100")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def packs():
    from claimcheck.packs import load_packs

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return load_packs(["rules/libya"])
    finally:
        os.chdir(old)


@pytest.fixture(scope="session")
def seeds_run(packs):
    from claimcheck.api import check_documents
    from claimcheck.ingest import read_documents

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return check_documents(read_documents(["seeds"]), packs)
    finally:
        os.chdir(old)
