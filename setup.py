"""Build hook: with CLAIMCHECK_MYPYC=1, compile the extraction hot path with mypyc (about a quarter faster).

Without it (the default, and what `pip install -e .` does) the package is pure Python. `make compiled` builds
the compiled package into its own virtual environment (`.venv-compiled`), never in place: a compiled module
beside its source would shadow every later edit of it. mypyc turns annotations into runtime checks, so the
compiled modules must pass mypy; building them is that check (CI builds and tests them).
"""

import os

from setuptools import setup

# the modules extraction spends its time in; not models/ (pydantic classes) nor what runs once per process
HOT = ["text.py", "dates.py", "stamps.py", *(f"extract/{m}.py" for m in (
    "__init__", "base", "claimtime", "context", "coref", "events", "gazetteer", "names", "numbers", "offices",
    "orgs", "pipeline", "quantities", "triggers", "window"))]

ext_modules = []
if os.environ.get("CLAIMCHECK_MYPYC") == "1":
    from mypyc.build import mypycify

    ext_modules = mypycify([f"src/claimcheck/{m}" for m in HOT], opt_level="3")

setup(ext_modules=ext_modules)
