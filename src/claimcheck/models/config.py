"""`[tool.claimcheck]` in pyproject.toml: defaults for the CLI."""

from __future__ import annotations

from pydantic import Field

from .common import Model
from .finding import Severity


class Config(Model):
    paths: tuple[str, ...] = ("seeds",)
    packs: tuple[str, ...] = ("rules/libya",)
    fail_on: Severity = Field(default=Severity.error, alias="fail-on")
    baseline: str | None = None
    cache_dir: str | None = Field(default=".claimcheck-cache", alias="cache-dir")
