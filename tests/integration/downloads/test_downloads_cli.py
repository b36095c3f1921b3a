"""``rmab downloads`` and ``rmab blocklist`` against a real qBittorrent."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from rmab_desktop.cli import main
from tests.daemons import Daemon

pytestmark = pytest.mark.daemons


def _run(capsys, monkeypatch, profile: Path, url: str, *argv: str, stdin: str = "") -> tuple[int, object]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--profile-dir", str(profile), "--database-url", url, *argv])
    out = capsys.readouterr().out
    try:
        return code, json.loads(out)
    except ValueError:
        return code, out


def test_add_test_and_list_clients_then_blocklist(
    capsys, monkeypatch, tmp_path: Path, database_url: str, qbittorrent_daemon: Daemon
) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "profile"
    code, added = _run(
        capsys, monkeypatch, profile, database_url,
        "downloads", "add", "qbittorrent", qbittorrent_daemon.url, "--username", qbittorrent_daemon.username,
        stdin=qbittorrent_daemon.password + "\n",
    )  # fmt: skip
    assert code == 0 and added["secret_name"]
    code, listed = _run(capsys, monkeypatch, profile, database_url, "downloads", "clients")
    assert [c["kind"] for c in listed] == ["qbittorrent", "direct_http"]
    assert qbittorrent_daemon.password not in json.dumps(listed)
    code, results = _run(capsys, monkeypatch, profile, database_url, "downloads", "test")
    assert code == 0 and all(r["ok"] for r in results), results

    code, added = _run(
        capsys, monkeypatch, profile, database_url,
        "blocklist", "add", "Bad Rip", "--infohash", "A" * 40, "--reason", "corrupt",
    )  # fmt: skip
    assert code == 0
    code, entries = _run(capsys, monkeypatch, profile, database_url, "blocklist", "list")
    assert [(e["release_title"], e["infohash"], e["reason"]) for e in entries] == [
        ("Bad Rip", "a" * 40, "corrupt")
    ]
    code, _ = _run(capsys, monkeypatch, profile, database_url, "blocklist", "remove", str(added["id"]))
    assert code == 0
    assert _run(capsys, monkeypatch, profile, database_url, "blocklist", "list")[1] == []


def test_add_without_a_secret_on_stdin_is_refused(
    capsys, monkeypatch, tmp_path: Path, database_url: str
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    argv = [
        "--profile-dir",
        str(tmp_path / "p"),
        "--database-url",
        database_url,
        "downloads",
        "add",
        "sabnzbd",
        "http://x",
    ]
    assert main(argv) == 2
    assert "standard input" in capsys.readouterr().err


def test_add_deluge_with_a_post_import_label_and_test_it(
    capsys, monkeypatch, tmp_path: Path, database_url: str, deluge_daemon: Daemon
) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "profile"
    code, added = _run(
        capsys, monkeypatch, profile, database_url,
        "downloads", "add", "deluge", deluge_daemon.url, "--username", deluge_daemon.username,
        "--post-import-category", "imported", stdin=deluge_daemon.password + "\n",
    )  # fmt: skip
    assert code == 0 and added["kind"] == "deluge" and added["post_import_category"] == "imported"
    code, results = _run(capsys, monkeypatch, profile, database_url, "downloads", "test")
    assert code == 0 and [r["ok"] for r in results] == [True, True], results
    assert deluge_daemon.password not in json.dumps(results)
