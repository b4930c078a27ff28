"""Fixtures of the report renderer tests; the report itself is built in `report_fixtures`."""

from __future__ import annotations

import pytest

from claimcheck.models import Report, RuleSpec

from report_fixtures import TEXTS, make_report, make_rules


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture
def texts() -> dict[str, str]:
    return dict(TEXTS)


@pytest.fixture
def rules() -> dict[str, RuleSpec]:
    return make_rules()


@pytest.fixture
def empty_report() -> Report:
    r = make_report()
    return r.model_copy(update={"findings": ()})
