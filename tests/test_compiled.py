"""The compiled build (`make test-compiled`, setup.py) runs its compiled modules, not the sources beside them:
the test suite run there checks the compiled code only if this holds."""

from __future__ import annotations

import importlib
import os

import pytest

# a module of each part setup.py compiles
COMPILED = ["claimcheck.text", "claimcheck.dates", "claimcheck.stamps", "claimcheck.extract.events",
            "claimcheck.extract.window", "claimcheck.extract.gazetteer"]


@pytest.mark.skipif(os.environ.get("CLAIMCHECK_EXPECT_COMPILED") != "1", reason="not the compiled build")
@pytest.mark.parametrize("name", COMPILED)
def test_hot_modules_are_compiled(name):
    module = importlib.import_module(name)
    assert module.__file__.endswith(".so"), f"{name} imported from {module.__file__}, not a compiled module"
