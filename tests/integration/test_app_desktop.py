"""``rmab-desktop`` as a user runs it, in subprocesses: screenshot, secrets that never land in the
profile folder, crash recovery of an active job (SIGKILL) and single instance."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest
from PySide6.QtGui import QImage
from sqlalchemy.engine import make_url

from rmab_desktop.bootstrap import open_core
from rmab_desktop.db.engine import Database, sqlite_url
from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.ui.main_window import DEFAULT_SIZE
from tests.fakes.file_keyring import ENV, FileKeyring

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QT_LOGGING_RULES="qt.qpa.*=false",
        PYTHON_KEYRING_BACKEND="tests.fakes.file_keyring.FileKeyring",
        **{ENV: str(tmp_path / "keychain-outside-profile.json")},
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
        DBUS_SESSION_BUS_ADDRESS="disabled:",
    )
    env.pop("RMAB_DATABASE_URL", None)
    return env


@pytest.fixture
def profile(tmp_path: Path, database_url: str) -> tuple[Path, list[str]]:
    """A profile folder and the --database-url option for the backend under test."""
    folder = tmp_path / "profile"
    if make_url(database_url).get_backend_name() == "sqlite":
        return folder, []  # the embedded default inside the profile
    return folder, ["--database-url", database_url]


def _desktop(profile_dir: Path, db_args: list[str], *extra: str) -> list[str]:
    return [str(BIN / "rmab-desktop"), "--profile-dir", str(profile_dir), *db_args, *extra]


def _rmab(profile_dir: Path, db_args: list[str], *extra: str) -> list[str]:
    return [str(BIN / "rmab"), "--profile-dir", str(profile_dir), *db_args, *extra]


def _database(profile_dir: Path, db_args: list[str]) -> Database:
    url = db_args[1] if db_args else sqlite_url(profile_dir / "data" / "rmab.sqlite3")
    return Database.connect(url)


def test_secret_set_by_cli_is_read_back_and_never_lands_in_the_profile(
    app_env, profile, tmp_path, monkeypatch
):
    """`rmab secrets set`, the core reads it back, the app runs and takes its screenshot, and the
    value is in no file under the profile (database, settings, logs)."""
    profile_dir, db_args = profile
    secret = "pr0wlarr-KEY-7f3c9a1e5d"
    saved = subprocess.run(
        _rmab(profile_dir, db_args, "secrets", "set", "prowlarr-api-key"),
        input=secret + "\n",
        env=app_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert saved.returncode == 0, saved.stderr
    monkeypatch.setenv(ENV, app_env[ENV])
    keyring.set_keyring(FileKeyring())  # the autouse fixture puts the memory keyring back
    core = open_core(profile_dir, db_args[1] if db_args else None, log_to_console=False)
    try:
        assert core.credentials.status().state.value == "secure"
        value = core.credentials.require("prowlarr-api-key")
        assert value == secret
        logging.getLogger("rmab_desktop.test").warning("read %s", value)
    finally:
        core.close()
    assert "read ********" in _log(profile_dir)  # logged, redacted

    shot = tmp_path / "s.png"
    done = subprocess.run(
        _desktop(profile_dir, db_args, "--quit-after", "3", "--screenshot", str(shot)),
        env=app_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(shot))
    assert not image.isNull()
    assert (image.width(), image.height()) == (DEFAULT_SIZE.width(), DEFAULT_SIZE.height())
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
    assert len(colours) > 8  # a rendered window, not a blank picture
    settings = json.loads((profile_dir / "config" / "settings.json").read_text(encoding="utf-8"))
    assert settings["window"]["geometry_b64"]  # geometry remembered on quit
    assert "Screenshot saved" in _log(profile_dir) and "stopped" in _log(profile_dir)

    files = [path for path in profile_dir.rglob("*") if path.is_file()]
    assert db_args or any(path.suffix == ".sqlite3" for path in files)
    for path in files:
        assert secret.encode() not in path.read_bytes(), f"secret found in {path}"


def test_killed_while_a_job_runs_finishes_it_exactly_once(app_env, profile):
    profile_dir, db_args = profile
    enqueue = subprocess.run(
        _rmab(profile_dir, db_args, "jobs", "enqueue", "diagnostics.wait", "--payload", '{"seconds": 6}'),
        env=app_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert enqueue.returncode == 0, enqueue.stderr
    job_id = json.loads(enqueue.stdout)["id"]
    database = _database(profile_dir, db_args)
    queue = JobQueue(database)
    try:
        first = subprocess.Popen(_desktop(profile_dir, db_args, "--quit-after", "120"), env=app_env)
        try:
            _wait_for(lambda: queue.get(job_id).status == JobStatus.ACTIVE, 90, "the job to become active")
            time.sleep(1.0)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(30)
        assert queue.get(job_id).status == JobStatus.ACTIVE  # left behind by the dead process

        second = subprocess.Popen(_desktop(profile_dir, db_args, "--quit-after", "120"), env=app_env)
        try:
            _wait_for(lambda: queue.get(job_id).status == JobStatus.DONE, 90, "the job to finish")
            third = subprocess.run(  # single instance: activates the running one and exits 0
                _desktop(profile_dir, db_args), env=app_env, capture_output=True, text=True, timeout=120
            )
            assert third.returncode == 0 and "already running" in third.stdout
            assert second.poll() is None
        finally:
            second.send_signal(signal.SIGTERM)
            assert second.wait(60) == 0
        job = queue.get(job_id)
        assert job.status == JobStatus.DONE and job.attempts == 2
        messages = [event.message for event in queue.events(job_id=job_id)]
        assert sum(message.startswith("Finished") for message in messages) == 1
        assert sum("Diagnostic wait of 6 s finished" in message for message in messages) == 1
        assert sum("process running this job stopped" in message for message in messages) == 1
    finally:
        database.dispose()


def _log(profile_dir: Path) -> str:
    path = profile_dir / "logs" / "rmab-desktop.log"
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def _wait_for(condition, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:  # the database may not exist yet
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
