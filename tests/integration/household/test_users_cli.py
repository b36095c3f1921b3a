"""``rmab users …`` and ``rmab signin`` in process, on the test database."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from rmab_desktop.cli import main


class Cli:
    def __init__(
        self,
        tmp_path: Path,
        database_url: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        self.base = ["--profile-dir", str(tmp_path / "profile"), "--database-url", database_url]
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def __call__(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main([*self.base, *argv])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def rmab(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    return Cli(tmp_path, database_url, capsys, monkeypatch)


def _two_lines(err: str) -> list[str]:
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), err
    return lines


def test_users_from_single_user_to_household(rmab: Cli) -> None:
    code, _, err = rmab("users", "add", "ann")
    assert code == 2 and "No password on standard input" in _two_lines(err)[0]
    code, _, err = rmab("users", "add", "ann", stdin="ann's password\n")
    assert code == 2 and "no password yet" in _two_lines(err)[0] and "rmab users password me" in err
    assert rmab("users", "password", "me", stdin="owner's password\n")[0] == 0
    code, out, _ = rmab("users", "add", "ann", "--role", "admin", "--json", stdin="ann's password\n")
    assert code == 0 and json.loads(out)["role"] == "admin" and "ann's password" not in out

    # Household mode now: commands act as whoever signed in on this computer.
    code, _, err = rmab("users", "add", "ben", stdin="ben's password\n")
    assert code == 2 and "Nobody is signed in" in _two_lines(err)[0]
    assert rmab("signin", "ann", stdin="ann's password\n")[0] == 0
    assert rmab("users", "add", "ben", stdin="ben's password\n")[0] == 0
    code, _, err = rmab("signin", "ben", stdin="wrong password\n")
    assert code == 2 and "Wrong user name or password" in _two_lines(err)[0]
    assert rmab("signin", "ben", stdin="ben's password\n")[0] == 0
    code, _, err = rmab("users", "set-role", "ann", "user")
    assert code == 2 and "Only an administrator" in _two_lines(err)[0]
    assert rmab("signin", "me", stdin="owner's password\n")[0] == 0
    code, out, _ = rmab("users", "set-role", "ann", "user")
    assert code == 0 and "ann is now user" in out
    code, _, err = rmab("users", "set-role", "me", "user")
    assert code == 2 and "first administrator" in _two_lines(err)[0]

    code, out, _ = rmab("users", "permissions", "ben", "--auto-approve", "off", "--download", "on", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["auto_approve"] == {"override": False, "effective": False}
    assert shown["download"] == {"override": True, "effective": True}
    assert shown["interactive_search"]["override"] is None
    code, out, _ = rmab("users", "permissions", "ben", "--auto-approve", "default")
    assert code == 0 and "auto-approve         on (default)" in out

    code, out, _ = rmab("users", "list", "--json")
    assert [u["name"] for u in json.loads(out)] == ["ann", "ben", "me"]
    code, out, _ = rmab("users", "remove", "ben", "--reassign-to", "ann")
    assert code == 0 and "Removed ben" in out
    code, out, _ = rmab("users", "list", "--all", "--json")
    assert [u["removed"] for u in json.loads(out)] == [False, True, False]
    code, _, err = rmab("users", "remove", "nobody")
    assert code == 2 and "no user called 'nobody'" in _two_lines(err)[0]
    assert rmab("signin", "--out")[0] == 0
    code, _, err = rmab("users", "invite")
    assert code == 2 and "Nobody is signed in" in err


def test_an_invite_code_is_printed_once(rmab: Cli) -> None:
    code, out, _ = rmab("users", "invite", "--note", "for Cleo")
    assert code == 0 and len(out.strip()) == 14 and out.count("-") == 2


def test_unknown_options_end_in_two_lines(rmab: Cli) -> None:
    with pytest.raises(SystemExit):
        rmab("users", "permissions", "ben", "--auto-approve", "maybe")
    _two_lines(rmab.capsys.readouterr().err)


def test_signin_with_plex_and_a_protected_profile(rmab: Cli, tmp_path: Path, database_url: str) -> None:
    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.services.household import CONFIG_KEY, HouseholdSettings
    from tests.fakes.plex_tv import FakePlexTv, plex_home

    owner, member, _ = plex_home()
    with FakePlexTv() as plex_tv:
        core = open_core(tmp_path / "profile", database_url, log_to_console=False)
        core.config.set_model(CONFIG_KEY, HouseholdSettings(plex_tv_url=plex_tv.url))
        core.users.link_plex(core.users.default_user().id, str(owner.id))
        core.close()
        plex_tv.auto_link = member  # Benno approves in the browser; Anna's profile has a PIN
        code, _, err = rmab("signin", "--plex", "--profile", "Nobody")
        assert code == 2 and "Choose one of: Anna, Benno, Child" in _two_lines(err.split("\n", 1)[1])[1]
        code, _, err = rmab("signin", "--plex", "--profile", "Anna", stdin="0000\n")
        assert code == 2 and "refused" in err
        code, out, err = rmab("signin", "--plex", "--profile", "anna", stdin="1234\n")
        assert code == 0 and "Signed in as me (admin)" in out and "clientID=" in err
        code, out, _ = rmab("signin", "--plex")
        assert code == 0 and "Signed in as bennoplex (user)" in out
