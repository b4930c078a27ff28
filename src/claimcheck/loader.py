"""Read structured files (YAML, JSON) and validate them against the models' JSON Schemas.

Errors name the file, the line and column (from YAML marks) and the JSON pointer; a load collects
every error of a file before failing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import jsonschema
import yaml
from pydantic import BaseModel, ValidationError

from .errors import InputError, Problem

M = TypeVar("M", bound=BaseModel)


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: about ten times faster


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps dates as strings, so that files and JSON Schemas agree on types."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_text(path: Path | str) -> str:
    """Read a file as UTF-8, raising InputError naming the file when it cannot be read or decoded."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(Problem(str(path), f"cannot read file: {exc.strerror or exc}")) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(Problem(str(path), f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})", line=line)) from exc


def _pointer(parts: list[Any] | tuple[Any, ...]) -> str:
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts) if parts else ""


def _yaml_marks(node: yaml.Node | None) -> dict[str, tuple[int, int]]:
    """Map each JSON pointer of a composed YAML document to its (line, column), 1-based."""
    marks: dict[str, tuple[int, int]] = {}

    def walk(n: yaml.Node, parts: list[Any]) -> None:
        marks[_pointer(parts)] = (n.start_mark.line + 1, n.start_mark.column + 1)
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = k.value
                marks.setdefault(_pointer(parts + [key]), (k.start_mark.line + 1, k.start_mark.column + 1))
                walk(v, parts + [key])
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, parts + [i])

    if node is not None:
        walk(node, [])
    return marks


class Marks(dict):
    """Line marks of a YAML text, composed only when first asked for (they are needed only for errors)."""

    def __init__(self, text: str):
        super().__init__()
        self._text: str | None = text

    def _load(self) -> None:
        if self._text is not None:
            text, self._text = self._text, None
            self.update(_yaml_marks(yaml.compose(text, Loader=_Loader)))

    def get(self, key, default=None):
        self._load()
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self._load()
        return super().__contains__(key)

    def __getitem__(self, key):
        self._load()
        return super().__getitem__(key)

    def items(self):
        self._load()
        return super().items()


def parse_structured(text: str, path: str) -> tuple[Any, dict[str, tuple[int, int]]]:
    """Parse YAML or JSON text; return the data and the line marks of every pointer (composed lazily)."""
    if not text.strip():
        raise InputError(Problem(path, "file is empty"))
    if path.endswith(".json"):
        try:
            return json.loads(text), {}
        except json.JSONDecodeError as exc:
            raise InputError(Problem(path, f"malformed JSON: {exc.msg}", line=exc.lineno, column=exc.colno)) from exc
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        msg = " ".join(str(x) for x in (getattr(exc, "context", None), getattr(exc, "problem", None)) if x) or str(exc)
        raise InputError(
            Problem(path, f"malformed YAML: {msg}", line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None)
        ) from exc
    return data, Marks(text)


@lru_cache(maxsize=None)
def _validator(model: type[BaseModel]) -> jsonschema.Draft202012Validator:
    from .schema import json_schema

    return jsonschema.Draft202012Validator(json_schema(model))


def _locate(path: str, marks: dict[str, tuple[int, int]], pointer: str, message: str) -> Problem:
    probe = pointer
    while probe not in marks and probe:
        probe = probe.rsplit("/", 1)[0]
    line, col = marks.get(probe, (None, None))
    return Problem(path, message, line=line, column=col, pointer=pointer or "/")


def validate_data(data: Any, model: type[M], path: str, marks: dict[str, tuple[int, int]] | None = None) -> M:
    """Validate parsed data with jsonschema, then build the model; collect every error before raising."""
    marks = {} if marks is None else marks
    errors = sorted(_validator(model).iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    problems = [_locate(path, marks, _pointer(list(e.absolute_path)), e.message) for e in errors]
    if problems:
        raise InputError(problems)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(
            [_locate(path, marks, _pointer([p for p in err["loc"] if not str(p).startswith("function-")]), err["msg"]) for err in exc.errors()]
        ) from exc


def load_file(path: Path | str, model: type[M]) -> M:
    """Read, parse and validate one structured file into `model`."""
    p = str(path)
    data, marks = parse_structured(read_text(path), p)
    return validate_data(data, model, p, marks)
