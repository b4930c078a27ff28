"""The committed schemas are generated from the models, and outputs validate against them."""

from __future__ import annotations

import json

import jsonschema

from claimcheck.report import render
from claimcheck.schema import SCHEMAS, render as render_schema

from .conftest import ROOT


def test_committed_schemas_match_the_models():
    stale = [stem for stem, model in SCHEMAS.items()
             if (ROOT / "schemas" / f"{stem}.schema.json").read_text(encoding="utf-8") != render_schema(model)]
    assert not stale, f"schemas/ is out of date for {stale}: run `claimcheck schema --write` and commit the result"


def test_no_stray_schema_files():
    on_disk = {p.name for p in (ROOT / "schemas").glob("*.schema.json")}
    assert on_disk == {f"{stem}.schema.json" for stem in SCHEMAS}


def test_seed_json_report_is_schema_valid(seeds_run):
    data = json.loads(render(seeds_run.report, "json"))
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    # the evaluation contract's names
    assert {"findings", "documents", "sources"} <= set(data)
    for f in data["findings"]:
        assert {"fingerprint", "rule", "kind", "severity", "message", "evidence", "references"} <= set(f)
        for ev in f["evidence"]:
            assert {"path", "start", "end", "quote", "line", "column"} <= set(ev)


def test_extracted_claims_are_schema_valid(seeds_run):
    schema = json.loads((ROOT / "schemas" / "claims.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for e in seeds_run.extractions:
        validator.validate(e.as_claims_file().model_dump(mode="json"))
