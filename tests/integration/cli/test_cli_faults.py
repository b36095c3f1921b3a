"""``rmab`` faults: a closed output pipe, ``db info`` that changes nothing, secrets without a
keychain, addresses refused before anything is saved, a full disk during database writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from rmab_desktop.cli import main
from rmab_desktop.db.engine import Database

ROOT = Path(__file__).resolve().parents[3]
NO_KEYCHAIN = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
PASSPHRASE = "correct horse battery staple"


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    for name in ("RMAB_DATABASE_URL", "RMAB_SECRETS_PASSPHRASE"):
        if name not in extra:
            env.pop(name, None)
    return env


def rmab(profile: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rmab_desktop.cli", "--profile-dir", str(profile), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(**env),
        timeout=120,
        check=False,
    )


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) if p.is_file() else (0, 0)
        for p in folder.rglob("*")
    }


def _pair(done: subprocess.CompletedProcess[str]) -> list[str]:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), done.stderr
    return lines


# -- output into a closed pipe ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("listing", "reader"), [("jobs list", "head -c 0"), ("settings list --json", "true")]
)
def test_output_into_a_closed_pipe_is_not_an_error(tmp_path: Path, listing: str, reader: str) -> None:
    """The reader is gone before rmab writes (rmab takes longer to start than it to exit)."""
    profile = tmp_path / "p"
    assert rmab(profile, "db", "upgrade").returncode == 0
    command = (
        f"{sys.executable} -m rmab_desktop.cli --profile-dir {profile} {listing} | {reader}; "
        "echo status=${PIPESTATUS[0]} >&2"
    )
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=_env(), timeout=120, check=False
    )
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "status=0", done.stderr


def test_broken_pipe_in_process_returns_zero(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    saved = os.dup(1)
    out = open(write_end, "w")  # noqa: SIM115 - replaces stdout for the call
    monkeypatch.setattr(sys, "stdout", out)
    try:
        code = main(["--profile-dir", str(tmp_path / "p"), "settings", "list", "--json"])
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    assert code == 0


# -- db info changes nothing --------------------------------------------------------------------


def test_db_info_on_a_missing_profile_creates_nothing(tmp_path: Path) -> None:
    profile = tmp_path / "new-profile"
    done = rmab(profile, "db", "info", "--json")
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["exists"] is False and info["revision"] is None and info["up_to_date"] is False
    assert not profile.exists()


def test_db_info_on_an_existing_profile_changes_nothing(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert rmab(profile, "db", "upgrade").returncode == 0
    before = _listing(profile)
    done = rmab(profile, "db", "info", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["up_to_date"] is True
    assert _listing(profile) == before


# -- secrets without a keychain -----------------------------------------------------------------


def test_secrets_without_a_keychain_use_the_encrypted_file(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    status = rmab(profile, "secrets", "status", "--json", **NO_KEYCHAIN)
    assert status.returncode == 1
    assert json.loads(status.stdout)["state"] == "unavailable"
    assert json.loads(status.stdout)["secrets_file"]["exists"] is False

    assert rmab(profile, "secrets", "init-file", stdin=f"{PASSPHRASE}\n", **NO_KEYCHAIN).returncode == 0
    locked = rmab(profile, "secrets", "status", "--json", **NO_KEYCHAIN)
    assert locked.returncode == 1 and json.loads(locked.stdout)["state"] == "locked"

    wrong = rmab(profile, "secrets", "unlock", stdin="not the passphrase\n", **NO_KEYCHAIN)
    assert wrong.returncode == 2 and "does not open" in _pair(wrong)[0]
    assert rmab(profile, "secrets", "unlock", stdin=f"{PASSPHRASE}\n", **NO_KEYCHAIN).returncode == 0

    without = rmab(profile, "secrets", "set", "demo", stdin="s3cret-value\n", **NO_KEYCHAIN)
    assert without.returncode == 2 and "locked" in _pair(without)[0]
    unlocked = {**NO_KEYCHAIN, "RMAB_SECRETS_PASSPHRASE": PASSPHRASE}
    assert rmab(profile, "secrets", "set", "demo", stdin="s3cret-value\n", **unlocked).returncode == 0
    status = rmab(profile, "secrets", "status", "--json", **unlocked)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["state"] == "encrypted_file"
    assert b"s3cret-value" not in (profile / "config" / "secrets.enc.json").read_bytes()


def test_secrets_status_exits_zero_with_a_working_keychain(tmp_path: Path) -> None:
    keyring_file = tmp_path / "keyring.json"
    done = rmab(
        tmp_path / "p",
        "secrets",
        "status",
        PYTHON_KEYRING_BACKEND="tests.fakes.file_keyring.FileKeyring",
        RMAB_TEST_KEYRING_FILE=str(keyring_file),
    )
    assert done.returncode == 0, done.stderr


# -- addresses are checked before anything is saved ---------------------------------------------

BAD_ADDRESSES = [
    "plex.local:abc",
    "htp:/bad url",
    "qbittorrent.lan:8080",
    "http://has space",
    "http://host:0",
]


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_address_options_refuse_a_typo_before_saving(tmp_path: Path, address: str) -> None:
    profile = tmp_path / "p"
    assert rmab(profile, "db", "upgrade").returncode == 0
    before = _listing(profile)
    runs = [
        rmab(profile, "downloads", "add", "qbittorrent", address, "--no-secret"),
        rmab(profile, "indexers", "add", "torznab", address, stdin="key\n"),
        rmab(profile, "settings", "set", "library_backend.plex.url", address),
        rmab(profile, "settings", "set", "library_backend.audiobookshelf.url", address),
    ]
    for done in runs:
        assert done.returncode == 2
        assert "is not a usable address" in _pair(done)[0]
    assert {k: v for k, v in _listing(profile).items() if not k.startswith("logs")} == {
        k: v for k, v in before.items() if not k.startswith("logs")
    }


def test_notification_address_typo_is_refused_without_echoing_it(tmp_path: Path) -> None:
    done = rmab(tmp_path / "p", "notifications", "add", "Phone", stdin="discord://id/tok en\n")
    assert done.returncode == 2
    assert "tok en" not in done.stderr and "is not a usable address" in _pair(done)[0]


def test_a_good_address_is_saved(tmp_path: Path) -> None:
    done = rmab(tmp_path / "p", "downloads", "add", "qbittorrent", " http://127.0.0.1:8080 ", "--no-secret")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["url"] == "http://127.0.0.1:8080"


# -- a full disk during database writes ---------------------------------------------------------


def test_a_full_disk_during_a_database_write_is_worded_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite's max_page_count stops the file from growing: SQLITE_FULL, as on a full disk."""
    profile = tmp_path / "p"
    add = [
        "--profile-dir",
        str(profile),
        "downloads",
        "add",
        "qbittorrent",
        "http://127.0.0.1:8080",
        "--no-secret",
    ]
    assert main([*add, "--name", "Kept"]) == 0
    capsys.readouterr()
    connect = Database.connect

    def full_disk(url: str) -> Database:
        database = connect(url)

        @event.listens_for(database.engine, "connect")
        def cap(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

        return database

    monkeypatch.setattr(Database, "connect", staticmethod(full_disk))
    code = main([*add, "--name", "x" * 400_000])
    err = capsys.readouterr().err.strip().splitlines()
    monkeypatch.undo()
    assert code == 2, err
    assert len(err) == 2 and err[0].startswith("error: The disk holding the database"), err
    assert err[1].startswith("hint: Free some space")
    assert main(["--profile-dir", str(profile), "downloads", "clients"]) == 0
    names = [c["name"] for c in json.loads(capsys.readouterr().out)]
    assert "Kept" in names and not any(name.startswith("xxx") for name in names)
