"""``rmab tokens create|list|revoke`` and ``rmab api serve``: the real commands on a temporary profile."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from rmab_desktop.cli import main
from tests.db_dump import database_dump


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*argv: str) -> tuple[int, str, list[str]]:
        code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err.strip().splitlines()

    return run


def test_create_prints_the_token_once_and_list_and_revoke_show_its_prefix(  # type: ignore[no-untyped-def]
    rmab, database_url: str
) -> None:
    code, out, err = rmab("tokens", "create", "--name", "home assistant", "--expires", "30")
    token = out.strip()
    assert code == 0 and token.startswith("rmab_") and len(token) > 40
    assert "not shown again" in err[0]
    code, out, _ = rmab("tokens", "list", "--json")
    (listed,) = json.loads(out)
    assert listed["prefix"] == token[:12] and listed["name"] == "home assistant" and "token" not in listed
    assert listed["expires_at"] is not None and listed["user"] == "me"
    assert token not in rmab("tokens", "list")[1]
    assert token not in database_dump(database_url)

    code, out, _ = rmab("tokens", "revoke", str(listed["id"]), "--json")
    assert code == 0 and json.loads(out)["revoked_at"] is not None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("tokens", "create", "--user", "nobody"), "There is no user called 'nobody'."),
        (("tokens", "create", "--expires", "0"), "A token expires after 1 to 3650 days"),
        (("tokens", "revoke", "41"), "There is no API token 41."),
    ],
)
def test_mistakes_end_in_one_error_and_one_hint(rmab, argv: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = rmab(*argv)
    assert code == 2
    assert (
        len(err) == 2 and err[0].startswith("error: ") and message in err[0] and err[1].startswith("hint: ")
    )


def test_api_serve_answers_and_stops_cleanly(rmab, tmp_path: Path, database_url: str) -> None:  # type: ignore[no-untyped-def]
    token = rmab("tokens", "create")[1].strip()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "rmab_desktop.cli", "--profile-dir", str(tmp_path)]
    command += ["--database-url", database_url, "api", "serve", "--port", str(port)]
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()  # blocks until the server listens (or the command ends)
        assert f"http://127.0.0.1:{port}/api/v1" in first, server.stderr.read() if server.stderr else ""
        base = f"http://127.0.0.1:{port}/api/v1"
        assert httpx.get(f"{base}/health", timeout=30).status_code == 401
        answer = httpx.get(f"{base}/health", headers={"X-Api-Key": token}, timeout=30)
        assert answer.status_code == 200 and answer.json()["user"] == "me"
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=60)
    assert code == 0
    log = (tmp_path / "logs" / "rmab-desktop.log").read_text(encoding="utf-8")
    assert "Local API stopped" in log and token not in log
