"""The baseline: acknowledged findings keyed by fingerprint, each with a reviewer's verdict."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from .common import Model


class Verdict(str, Enum):
    confirmed = "confirmed"
    false_alarm = "false-alarm"
    accepted = "accepted"


class BaselineEntry(Model):
    fingerprint: str
    rule: str
    path: str
    quote: str
    verdict: Verdict = Verdict.accepted
    note: str | None = None


class Baseline(Model):
    """`claimcheck baseline` writes it; `check --baseline FILE` reads it."""

    version: int = 1
    entries: tuple[BaselineEntry, ...] = ()

    def by_fingerprint(self) -> dict[str, BaselineEntry]:
        return {e.fingerprint: e for e in self.entries}
