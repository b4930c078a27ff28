"""Check kinds: a closed set of small modules, each registered the way a third-party plugin would be.

A rule file names its check kind (`check: acronym-expansion`) and gives it parameters. Third parties
can add kinds through the `claimcheck.checks` entry-point group, which is loaded the same way.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from .base import Check, CheckContext, Draft

CHECKS: dict[str, Check] = {}


def register(check: Check) -> Check:
    """Register a check kind under its name (used by the built-ins and by plugins alike)."""
    if check.name in CHECKS and CHECKS[check.name] is not check:
        raise ValueError(f"check kind {check.name!r} is registered twice")
    CHECKS[check.name] = check
    return check


_BUILTINS = ("acronym", "expansion", "existence", "founding", "office_holder", "figure", "event", "date", "spelling")
for _mod in _BUILTINS:
    register(import_module(f"{__name__}.{_mod}").CHECK)
for _ep in entry_points(group="claimcheck.checks"):
    register(_ep.load())

__all__ = ["CHECKS", "Check", "CheckContext", "Draft", "register"]
