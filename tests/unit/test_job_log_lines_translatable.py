"""Job log lines (``ctx.event``, ``queue.add_event``) and request status messages (``set_status``)
are shown in the Activity page and the request timeline: every one goes through a Translator,
never an English literal or f-string."""

from __future__ import annotations

import ast
from pathlib import Path

import rmab_desktop

PACKAGE = Path(rmab_desktop.__file__).parent
LOGGING_CALLS = {"event", "add_event"}  # the message is the first argument
STATUS_CALLS = {"set_status", "_back_to_search"}  # the message is any text argument


def _english(node: ast.expr) -> bool:
    literal = isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value.strip()
    return literal or isinstance(node, ast.JoinedStr)


def _untranslated(path: Path, root: Path = PACKAGE) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
            continue
        if node.func.attr in LOGGING_CALLS:
            texts = [node.args[0]]
        elif node.func.attr in STATUS_CALLS:
            texts = [*node.args, *(k.value for k in node.keywords if k.arg == "message")]
        else:
            continue
        found += [
            f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(t)[:80]}" for t in texts if _english(t)
        ]
    return found


def test_every_job_log_line_is_translated() -> None:
    found = [line for path in sorted((PACKAGE / "services").rglob("*.py")) for line in _untranslated(path)]
    assert found == []


def test_the_check_finds_an_english_line(tmp_path: Path) -> None:
    sample = tmp_path / "probe.py"
    sample.write_text(
        'def f(ctx, title, requests):\n    ctx.event(f"Sent {title}")\n'
        '    requests.set_status(1, "available", "Found it again")\n',
        encoding="utf-8",
    )
    assert _untranslated(sample, tmp_path) == ["probe.py:2: f'Sent {title}'", "probe.py:3: 'Found it again'"]
