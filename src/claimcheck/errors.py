"""Errors the library raises; the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        ptr = f" at {self.pointer}" if self.pointer else ""
        return f"{where}: error{ptr}: {self.message}"


class ClaimcheckError(Exception):
    """Base of every error claimcheck raises on purpose."""


class InputError(ClaimcheckError):
    """One or more inputs are unreadable or invalid; every problem found is listed."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(ClaimcheckError):
    """The caller asked for something that cannot be done (unknown format, missing path)."""
