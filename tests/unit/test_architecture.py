"""The dependency direction of architecture.md, checked on every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "rmab_desktop"
QT_FREE = ("domain", "db", "clients", "services", "cli")
COMPOSITION_ROOTS = {"__main__.py", "app.py"}
# Which layers each layer may import (arrows point down only).
ALLOWED = {
    "domain": {"domain"},
    "db": {"db", "domain"},
    "clients": {"clients", "domain"},
    "services": {"services", "clients", "db", "domain"},
    "workers": {"workers", "services", "domain"},
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.name


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layer_imports(path: Path) -> None:
    layer = _layer(path)
    for name in _imports(path):
        if layer in QT_FREE:
            assert not name.startswith(("PySide6", "shiboken6")), f"{layer}/ must stay Qt-free: {name}"
        if name.startswith("rmab_desktop.ui"):
            assert layer == "ui" or layer in COMPOSITION_ROOTS, (
                f"only the composition root imports ui/: {name}"
            )
        if layer in ALLOWED and name.startswith("rmab_desktop."):
            target = name.split(".")[1]
            if (PACKAGE / target).is_dir():
                assert target in ALLOWED[layer], f"{layer}/ may not import {target}/ ({name})"


def test_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport rmab_desktop.ui.main_window\n")
    assert _imports(bad) == ["PySide6.QtCore", "rmab_desktop.ui.main_window"]
