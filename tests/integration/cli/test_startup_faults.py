"""A bad ``--database-url``, of every kind, on the real ``rmab`` and in the app's start-up dialog text.

Each kind ends in exactly one ``error:`` line and one ``hint:`` line (exit code 2, no traceback), and
the app's ``_startup_error`` says the same. PostgreSQL login and database cases run against the
server in ``RMAB_TEST_POSTGRES_URL`` when set (``pg_virtualenv``), else against a closed port.
Read-only cases use a read-only bind mount when running as root (root writes read-only files).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from rmab_desktop.__main__ import _startup_error
from rmab_desktop.bootstrap import open_core
from rmab_desktop.db import engine
from rmab_desktop.db.faults import FAULTS, Fault
from rmab_desktop.domain.i18n import text
from tests.conftest import postgres_server_url
from tests.fakes.slow_servers import SilentServer

ROOT = Path(__file__).resolve().parents[3]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _absent_driver() -> str:
    for scheme, module in (("postgresql+psycopg2", "psycopg2"), ("postgresql+pg8000", "pg8000")):
        if importlib.util.find_spec(module) is None:
            return scheme
    raise AssertionError("every PostgreSQL driver is installed; pick another absent one")


def _server_url(**changes: str) -> tuple[str, Fault]:
    """A login/database case on the test server, or the closed port when there is none."""
    server = postgres_server_url()
    if server is None:
        return f"postgresql+psycopg://rmab:pw@127.0.0.1:{_closed_port()}/rmab", Fault.REFUSED
    kind = Fault.AUTH_FAILED if "password" in changes else Fault.NO_DATABASE
    url = make_url(server).set(**changes)  # type: ignore[arg-type]
    if ("password" in changes and url.host in (None, "", "localhost")) or str(url.host).startswith("/"):
        url = url.set(host="127.0.0.1")  # a socket login may be trusted; TCP asks for the password
    return url.render_as_string(hide_password=False), kind


def _migrated_file(folder: Path) -> Path:
    core = open_core(folder / "seed", log_to_console=False)
    core.close()
    return core.paths.database_file


@dataclass(frozen=True)
class Case:
    name: str
    url: Callable[[Path], tuple[str, Fault]]
    read_only: bool = False  # the folder must be read-only (mounted so when running as root)


def _random_bytes(folder: Path) -> tuple[str, Fault]:
    path = folder / "random.sqlite3"
    path.write_bytes(os.urandom(64 * 1024))
    return f"sqlite:///{path}", Fault.CORRUPT


def _truncated(folder: Path) -> tuple[str, Fault]:
    source = _migrated_file(folder)
    path = folder / "truncated.sqlite3"
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return f"sqlite:///{path}", Fault.CORRUPT


def _read_only_folder(folder: Path) -> tuple[str, Fault]:
    (folder / "ro").mkdir()
    return f"sqlite:///{folder / 'ro' / 'new.sqlite3'}", Fault.NOT_WRITABLE


def _read_only_file(folder: Path) -> tuple[str, Fault]:
    (folder / "ro").mkdir()
    path = folder / "ro" / "rmab.sqlite3"
    shutil.copyfile(_migrated_file(folder), path)
    path.chmod(0o444)
    return f"sqlite:///{path}", Fault.NOT_WRITABLE


def _folder(folder: Path) -> tuple[str, Fault]:
    (folder / "db.sqlite3").mkdir()
    return f"sqlite:///{folder / 'db.sqlite3'}", Fault.IS_FOLDER


CASES = [
    Case("not a url", lambda _: ("not a url", Fault.NOT_A_URL)),
    Case("unknown scheme", lambda _: ("foo://host/db", Fault.UNKNOWN_TYPE)),
    Case("missing driver", lambda _: (f"{_absent_driver()}://rmab@127.0.0.1/db", Fault.MISSING_DRIVER)),
    Case(
        "host unreachable",
        lambda _: ("postgresql+psycopg://rmab@no-such-host.invalid/rmab", Fault.HOST_UNREACHABLE),
    ),
    Case(
        "connection refused",
        lambda _: (f"postgresql+psycopg://rmab@127.0.0.1:{_closed_port()}/rmab", Fault.REFUSED),
    ),
    Case("wrong password", lambda _: _server_url(password="not-the-password")),
    Case("no such database", lambda _: _server_url(database="rmab_no_such_database")),
    Case(
        "sqlite missing folder",
        lambda f: (f"sqlite:///{f / 'missing' / 'rmab.sqlite3'}", Fault.MISSING_FOLDER),
    ),
    Case("sqlite folder", _folder),
    Case("sqlite random bytes", _random_bytes),
    Case("sqlite truncated", _truncated),
    Case("sqlite read-only folder", _read_only_folder, read_only=True),
    Case("sqlite read-only file", _read_only_file, read_only=True),
]


def _read_only_prefix(folder: Path) -> list[str]:
    """The command prefix that makes ``folder`` read-only for the command."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    if shutil.which("unshare") is None:
        pytest.fail("root cannot make a read-only file without 'unshare' (util-linux)")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(folder)]


def _rmab(prefix: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("RMAB_DATABASE_URL", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "rmab_desktop.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _expected(kind: Fault) -> str:
    """The fixed opening words of the kind's message (before its first placeholder)."""
    return text(FAULTS[kind].message).split("{", 1)[0]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_bad_database_url_gives_one_error_and_one_hint(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "place"
    folder.mkdir()
    url, kind = case.url(folder)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    prefix = _read_only_prefix(folder / "ro") if case.read_only else []
    done = _rmab(prefix, "--profile-dir", str(tmp_path / "profile"), "--database-url", url, "jobs", "list")
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), done.stderr
    assert _expected(kind) in lines[0], (kind, lines)
    assert "Traceback" not in done.stderr and "sqlalche.me" not in done.stderr
    assert "not-the-password" not in done.stderr
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before  # nothing changed
    assert not list((tmp_path / "profile").rglob("*.partial"))


APP_CASES = [c for c in CASES if not c.read_only]


@pytest.mark.parametrize("case", APP_CASES, ids=[c.name for c in APP_CASES])
def test_the_app_start_up_dialog_says_what_and_what_to_do(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "place"
    folder.mkdir()
    url, kind = case.url(folder)
    profile = tmp_path / "profile"
    with pytest.raises(Exception) as failure:
        open_core(profile, url, log_to_console=False)
    args = argparse.Namespace(profile_dir=profile, database_url=url)
    message, hint = _startup_error(failure.value, args)  # what _on_failed shows in its dialog
    assert _expected(kind) in message
    assert hint.startswith(text(FAULTS[kind].hint).split("{", 1)[0])
    assert "Error" not in message and "sqlalche.me" not in message


def test_the_app_exits_2_with_the_words_on_stderr(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    app = [sys.executable, "-m", "rmab_desktop", "--profile-dir", str(tmp_path / "p")]
    done = subprocess.run(
        [*app, "--database-url", f"sqlite:///{bad}", "--quit-after", "5"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith(("error: ", "hint: "))]
    assert (
        errors[0] == f"error: The database file {bad} is damaged and cannot be read (file is not a database)."
    )
    assert errors[1].startswith("hint: Move the file aside")
    assert "Traceback" not in done.stderr


def _silent_database(server: SilentServer, query: str = "") -> str:
    """A PostgreSQL address on a listener that accepts the connection and never answers."""
    return f"postgresql+psycopg://rmab:pw@{server.url.removeprefix('http://')}/rmab{query}"


def test_a_silent_database_host_ends_at_the_default_connect_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the app's default, libpq would wait for the OS TCP timeout (the thread would not end)."""
    monkeypatch.setattr(engine, "POSTGRES_CONNECT_TIMEOUT", 2)
    failures: list[BaseException] = []

    def start() -> None:
        try:
            open_core(tmp_path / "profile", url, log_to_console=False)
        except BaseException as exc:  # handed to the test thread
            failures.append(exc)

    with SilentServer() as server:
        url = _silent_database(server)
        opener = threading.Thread(target=start, daemon=True)
        opener.start()
        opener.join(120)
        assert not opener.is_alive(), "the start-up still waits on a host that never answers"
        assert server.accepted >= 1
    message, hint = _startup_error(failures[0], argparse.Namespace(profile_dir=tmp_path, database_url=url))
    assert message.startswith("The database server 127.0.0.1 did not answer on port ")
    assert "within 2 seconds" in message and "connect_timeout" in hint and "pw" not in message


def test_a_connect_timeout_in_the_address_wins_on_the_command_line(tmp_path: Path) -> None:
    with SilentServer() as server:
        url = _silent_database(server, "?connect_timeout=3")
        done = _rmab([], "--profile-dir", str(tmp_path / "profile"), "--database-url", url, "jobs", "list")
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 2, done.stderr
    assert lines[0].startswith("error: ") and _expected(Fault.NO_ANSWER) in lines[0]
    assert "within 3 seconds" in lines[0] and lines[1].startswith("hint: Check that PostgreSQL runs")
