"""SARIF output validates against the official SARIF 2.1.0 schema and carries locations, rules and suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from claimcheck.baseline import apply_baseline, make_baseline
from claimcheck.models import Baseline, BaselineEntry
from claimcheck.report import render

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)


def test_schema_is_the_official_one():
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    jsonschema.Draft4Validator.check_schema(SCHEMA)


def test_schema_catches_an_invalid_log():
    with pytest.raises(AssertionError, match="level"):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
            {"message": {"text": "m"}, "level": "fatal"}]}]})


@pytest.mark.parametrize("with_rules", [True, False])
def test_sarif_validates(report, rules, with_rules):
    validate(json.loads(render(report, "sarif", rules=rules if with_rules else None)))


def test_sarif_of_an_empty_report_validates(empty_report):
    log = json.loads(render(empty_report, "sarif"))
    validate(log)
    assert log["runs"][0]["results"] == []


def test_sarif_driver_and_rules(report, rules):
    run = json.loads(render(report, "sarif", rules=rules))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"] == "0.1.0" and driver["informationUri"]
    assert run["columnKind"] == "unicodeCodePoints"
    by_id = {r["id"]: r for r in driver["rules"]}
    assert sorted(by_id) == ["defunct-organization-name", "event-date", "figure-cross-source", "office-holder-at-publication"]
    office = by_id["office-holder-at-publication"]
    assert office["shortDescription"]["text"] == "An office holder named outside their term."
    assert office["help"]["text"] == "Help for office-holder-at-publication."
    assert office["helpUri"] == "https://example.org/rules/office-holder-at-publication"
    assert office["defaultConfiguration"]["level"] == "error"
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_locations_and_fingerprints(report):
    results = json.loads(render(report, "sarif"))["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note", "warning"]
    figure = results[1]
    region = figure["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 24, "charOffset": region["charOffset"],
        "charLength": 16, "snippet": {"text": "700,000 migrants"},
    }
    (related,) = figure["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "articles/wire%20copy.md"
    assert related["physicalLocation"]["region"]["snippet"]["text"] == "400,000 migrants"
    assert figure["partialFingerprints"] == {"claimcheck/v1": "0f1e2d3c4b5a6978"}
    assert "suppressions" not in figure and "baselineState" not in figure


def test_sarif_suppresses_baselined_findings(report):
    baseline = Baseline(entries=(BaselineEntry(
        fingerprint="a1b2c3d4e5f60718", rule="office-holder-at-publication", path="articles/herald.md",
        quote="Interior Minister Fathi Bashagha", verdict="false-alarm",
    ),))
    log = json.loads(render(apply_baseline(report, baseline), "sarif"))
    validate(log)
    results = {r["partialFingerprints"]["claimcheck/v1"]: r for r in log["runs"][0]["results"]}
    suppressed = results["a1b2c3d4e5f60718"]
    assert suppressed["suppressions"] == [{
        "kind": "external", "status": "accepted",
        "justification": "In the claimcheck baseline with verdict 'false-alarm'.",
    }]
    assert suppressed["baselineState"] == "unchanged"
    assert results["0f1e2d3c4b5a6978"]["baselineState"] == "new"
    assert "suppressions" not in results["0f1e2d3c4b5a6978"]
    validate(json.loads(render(apply_baseline(report, make_baseline(report)), "sarif")))
