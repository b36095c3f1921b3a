"""The layer contracts of pyproject.toml ([tool.importlinter]) fail on the imports they forbid.

CI runs the contracts on the package itself (`lint-imports` in tools/run-tests). These tests run
the same contracts on a throwaway package laid out like ``rmab_desktop`` (every top-level module
and subpackage, empty) with one forbidden import added, so a contract that stops catching
what it should fails here.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from importlinter import api, cli

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "rmab_desktop"
PROBE = "layers_probe"


def _renamed(value: object) -> object:
    if isinstance(value, str):
        return re.sub(rf"\b{PACKAGE}\b", PROBE, value)
    if isinstance(value, list):
        return [_renamed(item) for item in value]
    return value


def _toml_table(header: str, options: dict[str, object]) -> str:
    # JSON strings and arrays of strings are valid TOML values.
    rows = [f"{key} = {json.dumps(_renamed(value))}" for key, value in options.items()]
    return "\n".join([header, *rows, ""])


def _write_probe_contracts(path: Path) -> list[str]:
    """The project's contracts, pointed at the probe package; returns the contract ids.

    The probe has none of the package's known, listed exceptions, so their `ignore_imports`
    entries match nothing there; that bookkeeping is lint-imports' job on the real package.
    """
    options = api.read_configuration(str(ROOT / "pyproject.toml"))
    tables = [_toml_table("[tool.importlinter]", options["session_options"])]
    for contract in options["contracts_options"]:
        relaxed = {**contract, "unmatched_ignore_imports_alerting": "none"}
        tables.append(_toml_table("[[tool.importlinter.contracts]]", relaxed))
    path.write_text("\n".join(tables))
    return [contract["id"] for contract in options["contracts_options"]]


def _build_probe(root: Path) -> Path:
    """An empty package with the same top-level modules and subpackages as rmab_desktop."""
    probe = root / PROBE
    probe.mkdir()
    (probe / "__init__.py").write_text("")
    for child in (ROOT / PACKAGE).iterdir():
        if (child / "__init__.py").is_file():
            (probe / child.name).mkdir()
            (probe / child.name / "__init__.py").write_text("")
        elif child.suffix == ".py" and child.name != "__init__.py":
            (probe / child.name).write_text("")
    return probe


@pytest.fixture(autouse=True)
def _keep_loggers_enabled() -> Iterator[None]:
    """lint-imports configures logging with dictConfig, which disables every existing logger;
    later tests that read the app's log file would find it empty."""
    loggers = [
        logger for logger in logging.root.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    enabled = [logger for logger in loggers if not logger.disabled]
    yield
    for logger in enabled:
        logger.disabled = False


def _broken_contracts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The ids of the contracts that lint-imports reports broken on the probe package."""
    monkeypatch.syspath_prepend(str(tmp_path))
    config = tmp_path / "contracts.toml"
    ids = _write_probe_contracts(config)
    assert ids, "pyproject.toml declares no import contracts"
    return {
        contract_id
        for contract_id in ids
        if cli.lint_imports(str(config), limit_to_contracts=(contract_id,), no_cache=True, no_logo=True)
    }


def test_a_package_that_follows_the_layers_keeps_every_contract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = _build_probe(tmp_path)
    # Allowed: the composition root builds services, the UI uses workers, services use clients.
    (probe / "bootstrap.py").write_text(f"import {PROBE}.services\n")
    (probe / "ui" / "__init__.py").write_text(f"import {PROBE}.bootstrap\nimport {PROBE}.workers\n")
    (probe / "services" / "__init__.py").write_text(f"import {PROBE}.clients\nimport {PROBE}.domain\n")
    assert _broken_contracts(tmp_path, monkeypatch) == set()


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        ("services/__init__.py", f"from {PROBE}.bootstrap import AppCore", "layers"),
        ("workers/__init__.py", f"import {PROBE}.bootstrap", "layers"),
        ("domain/__init__.py", f"import {PROBE}.db", "layers"),
        ("db/__init__.py", f"import {PROBE}.clients", "layers"),
        ("cli/__init__.py", f"import {PROBE}.ui", "layers"),
        ("services/__init__.py", f"import {PROBE}.workers", "layers"),
        ("settings.py", f"import {PROBE}.services", "layers"),
        ("newcomer.py", "", "layers"),  # a new top-level module must be given a layer
        ("clients/__init__.py", "from PySide6.QtCore import QObject", "qt-free"),
        ("bootstrap.py", "import shiboken6", "qt-free"),
        ("workers/__init__.py", f"import {PROBE}.db", "workers-via-services"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, source: str, contract: str
) -> None:
    probe = _build_probe(tmp_path)
    (probe / module).write_text(source + "\n")
    assert _broken_contracts(tmp_path, monkeypatch) == {contract}
