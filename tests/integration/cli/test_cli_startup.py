"""``rmab`` imports only what the command being run needs (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rmab_desktop.cli import main

HEAVY = ("sqlalchemy", "httpx", "keyring", "PySide6", "pydantic", "alembic")
# What `jobs list` on an existing profile must not load: every other feature and its clients.
NOT_FOR_JOBS_LIST = (
    "httpx",
    "keyring",
    "PySide6",
    "alembic",
    "rmab_desktop.bootstrap",
    "rmab_desktop.clients",
)

PROBE = """
import json, sys
from rmab_desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _loaded(*argv: str) -> tuple[int, set[str], str]:
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"]), done.stdout


def _families(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(p for p in prefixes if any(m == p or m.startswith(f"{p}.") for m in modules))


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_nothing_heavy(option: str) -> None:
    code, modules, out = _loaded(option)
    assert code == 0 and "rmab" in out
    assert _families(modules, HEAVY) == []
    assert not [m for m in modules if m.startswith("rmab_desktop.cli.") and m.endswith("_commands")]


def test_help_lists_every_command_without_importing_them() -> None:
    code, _modules, out = _loaded("--help")
    for name in (
        "db",
        "secrets",
        "settings",
        "jobs",
        "catalog",
        "requests",
        "rank",
        "downloads",
        "blocklist",
    ):
        assert f"    {name} " in out
    assert code == 0


def test_jobs_list_opens_only_the_database_and_queue(tmp_path: Path) -> None:
    assert main(["--profile-dir", str(tmp_path), "db", "upgrade"]) == 0  # an existing profile
    code, modules, out = _loaded("--profile-dir", str(tmp_path), "jobs", "list", "--json")
    assert code == 0 and json.loads(out) == {"jobs": [], "counts": {}}
    assert _families(modules, NOT_FOR_JOBS_LIST) == []
    assert "rmab_desktop.db.models.social" not in modules  # models load per module


def test_usage_mistake_is_one_error_and_one_hint(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["jobs", "bogus"])
    err = capsys.readouterr().err.strip().splitlines()
    assert exit_info.value.code == 2
    assert err[0].startswith("error: argument jobs_command: invalid choice: 'bogus'")
    assert err[1] == "hint: see 'rmab jobs --help'" and len(err) == 2


def test_global_option_values_are_not_taken_for_the_command(tmp_path: Path) -> None:
    profile = tmp_path / "rank"  # a folder named like a command
    code, _modules, out = _loaded("--profile-dir", str(profile), "jobs", "list", "--json")
    assert code == 0 and json.loads(out)["jobs"] == []
