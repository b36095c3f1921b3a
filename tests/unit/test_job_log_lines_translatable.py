"""Job log lines (``ctx.event``, ``queue.add_event``) are shown in the Activity page and the
request timeline: every one goes through a Translator, never an English literal or f-string."""

from __future__ import annotations

import ast
from pathlib import Path

import rmab_desktop

PACKAGE = Path(rmab_desktop.__file__).parent
LOGGING_CALLS = {"event", "add_event"}


def _untranslated(path: Path, root: Path = PACKAGE) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
            continue
        if node.func.attr not in LOGGING_CALLS:
            continue
        message = node.args[0]
        literal = (
            isinstance(message, ast.Constant) and isinstance(message.value, str) and message.value.strip()
        )
        if literal or isinstance(message, ast.JoinedStr):
            found.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(message)[:80]}")
    return found


def test_every_job_log_line_is_translated() -> None:
    found = [line for path in sorted((PACKAGE / "services").rglob("*.py")) for line in _untranslated(path)]
    assert found == []


def test_the_check_finds_an_english_line(tmp_path: Path) -> None:
    sample = tmp_path / "probe.py"
    sample.write_text('def f(ctx, title):\n    ctx.event(f"Sent {title}")\n', encoding="utf-8")
    assert _untranslated(sample, tmp_path) == ["probe.py:2: f'Sent {title}'"]
