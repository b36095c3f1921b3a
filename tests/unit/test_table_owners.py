"""Each table is written by its one owner (``rmab_desktop/db/ownership.py``), found by an AST scan.

A write is: building a row (``DownloadHistory(...)``), ``insert/update/delete(Model)``, or
setting an attribute of (or ``session.delete``-ing) a row the same function loaded with
``session.get(Model, ...)``, ``select(Model)`` or a helper annotated ``-> Model``.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.db.models import Base
from rmab_desktop.db.ownership import OWNERS, PLANNED, owns

PACKAGE = Path(__file__).resolve().parents[2] / "rmab_desktop"
TABLES = {mapper.class_.__name__: mapper.class_.__tablename__ for mapper in Base.registry.mappers}
STATEMENTS = {"insert", "update", "delete"}
LOADERS = {"get", "select", "query"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _model_names(tree: ast.Module) -> dict[str, str]:
    """Local name -> table, for the models this module imports from ``rmab_desktop.db.models``."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rmab_desktop.db.models"):
            for alias in node.names:
                if alias.name in TABLES:
                    names[alias.asname or alias.name] = TABLES[alias.name]
    return names


def writes(source: str) -> Iterator[tuple[str, int]]:
    """(table, line) of every write in ``source``."""
    tree = ast.parse(source)
    models = _model_names(tree)

    def model(node: ast.AST) -> str | None:
        return models.get(node.id) if isinstance(node, ast.Name) else None

    returning = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
            returns = node.returns
            if isinstance(returns, ast.Constant) and isinstance(returns.value, str):
                returns = ast.parse(returns.value, mode="eval").body
            if table := model(returns):
                returning[node.name] = table

    def loaded(expr: ast.AST) -> str | None:
        for node in ast.walk(expr):
            if isinstance(node, ast.Call):
                if _name(node.func) in LOADERS and node.args and (table := model(node.args[0])):
                    return table
                if _name(node.func) in returning:
                    return returning[_name(node.func)]
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if table := model(node.func):
                yield table, node.lineno
            if _name(node.func) in STATEMENTS and node.args and (table := model(node.args[0])):
                yield table, node.lineno
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        rows: dict[str, str] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign | ast.NamedExpr):
                value, targets = node.value, node.targets if isinstance(node, ast.Assign) else [node.target]
            elif isinstance(node, ast.For | ast.comprehension):
                value, targets = node.iter, [node.target]
            else:
                continue
            table = loaded(value) or (rows.get(value.id) if isinstance(value, ast.Name) else None)
            if table:
                for target in targets:
                    rows.update({n.id: table for n in ast.walk(target) if isinstance(n, ast.Name)})
        for node in ast.walk(function):
            if isinstance(node, ast.Assign | ast.AugAssign):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    for part in ast.walk(target):
                        if isinstance(part, ast.Attribute) and _name(part.value) in rows:
                            yield rows[_name(part.value)], part.lineno
            elif isinstance(node, ast.Call) and _name(node.func) in {"setattr", "delete", "merge"}:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Name) and first.id in rows:
                    yield rows[first.id], node.lineno


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[1] == "db":  # the schema and its migrations
            continue
        found.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return found


def test_every_table_has_an_owner_that_exists_or_is_planned() -> None:
    assert set(OWNERS) == set(TABLES.values())
    for table, owner in OWNERS.items():
        assert owner in PLANNED or importlib.util.find_spec(owner) is not None, f"{table}: no module {owner}"


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[m for m, _ in _modules()])
def test_only_the_owner_writes_a_table(module: str, path: Path) -> None:
    strays = [
        f"{table} (line {line}, owner {OWNERS[table]})"
        for table, line in writes(path.read_text(encoding="utf-8"))
        if not owns(OWNERS[table], module)
    ]
    assert not strays, f"{module} writes tables it does not own: {strays}"


def test_the_scan_finds_each_kind_of_write() -> None:
    source = """
from sqlalchemy import delete, update
from rmab_desktop.db.models import DownloadHistory, JobRecord, Request as R
from rmab_desktop.services.automation_lease import AutomationLease

def grab(session) -> None:
    session.add(DownloadHistory(request_id=1))
    session.execute(update(JobRecord).values(status="done"))
    session.execute(delete(R))
    AutomationLease(None, "me")  # a service of the same name as a model: not a write

def finish(session, history_id) -> None:
    row = session.get(DownloadHistory, history_id)
    row.status, row.error = "failed", "x"
    for request in session.scalars(select(R)):
        request.status = "done"
    setattr(row, "removed_from_client", True)

def helper(session) -> JobRecord: ...

def uses_helper(session) -> None:
    job = helper(session)
    session.delete(job)
"""
    assert sorted(writes(source)) == [
        ("download_history", 7),
        ("download_history", 14),
        ("download_history", 14),
        ("download_history", 17),
        ("jobs", 8),
        ("jobs", 23),
        ("requests", 9),
        ("requests", 16),
    ]
