"""Read `[tool.claimcheck]` from pyproject.toml, validated like every other structured input."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import InputError, Problem
from .loader import validate_data
from .models import Config


def load_config(start: Path | None = None) -> Config:
    """The nearest pyproject.toml's `[tool.claimcheck]` table (walking up from `start`), or the defaults."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        f = d / "pyproject.toml"
        if f.is_file():
            try:
                data = tomllib.loads(f.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise InputError(Problem(str(f), f"malformed TOML: {exc}")) from exc
            table = data.get("tool", {}).get("claimcheck")
            if table is None:
                return Config()
            return validate_data(table, Config, f"{f}[tool.claimcheck]")
    return Config()
