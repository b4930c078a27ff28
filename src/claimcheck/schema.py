"""JSON Schemas generated from the models: `claimcheck schema --write` commits them to `schemas/`."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import Baseline, Config, DocumentClaims, KnowledgeBaseFile, PackMeta, Report, RuleCases, RuleSpec

#: file stem in schemas/ -> model
SCHEMAS: dict[str, type[BaseModel]] = {
    "report": Report,
    "claims": DocumentClaims,
    "knowledge-base": KnowledgeBaseFile,
    "pack": PackMeta,
    "rule": RuleSpec,
    "rule-cases": RuleCases,
    "baseline": Baseline,
    "config": Config,
}


def json_schema(model: type[BaseModel]) -> dict:
    """The JSON Schema of a model as files on disk must satisfy it (validation mode, by alias)."""
    schema = model.model_json_schema(mode="validation", by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def render(model: type[BaseModel]) -> str:
    return json.dumps(json_schema(model), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into `directory`; return the paths written."""
    from .io import atomic_write

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, model in SCHEMAS.items():
        target = directory / f"{stem}.schema.json"
        atomic_write(target, render(model))
        written.append(target)
    return written
