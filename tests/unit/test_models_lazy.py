"""``rmab_desktop.db.models`` loads per module: its name table must agree with the modules, and
any one module loaded alone must bring the tables its foreign keys point at (or a flush fails)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import rmab_desktop.db.models as models
from rmab_desktop.db.models.base import Base

SUBMODULES = sorted(m.name for m in pkgutil.iter_modules(models.__path__) if m.name != "base")


def test_every_model_is_named_in_home_and_all() -> None:
    defined = {"Base": "base", "utcnow": "base"}
    for name in SUBMODULES:
        module = importlib.import_module(f"rmab_desktop.db.models.{name}")
        for attr, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, Base) and value.__module__ == module.__name__:
                defined[attr] = name
    assert defined == models._HOME
    assert sorted(models.__all__) == sorted(defined)


@pytest.mark.parametrize("name", SUBMODULES)
def test_a_module_alone_resolves_its_foreign_keys(name: str) -> None:
    probe = (
        f"import rmab_desktop.db.models.{name}\n"
        "from rmab_desktop.db.models.base import Base\n"
        "[fk.column for table in Base.metadata.tables.values() for fk in table.foreign_keys]\n"
    )
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1]
