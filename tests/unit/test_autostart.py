"""Start-at-login entries per OS, written into a fake home (and a fake registry for Windows)."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from rmab_desktop import APP_ID
from rmab_desktop.services.desktop.autostart import (
    RUN_KEY,
    MacLaunchAgent,
    WindowsRunKey,
    XdgAutostart,
    autostart_for,
    desktop_exec_quote,
    launch_command,
    set_autostart,
)

HOSTILE = ["/opt/My Apps/rmab $HOME/ä 100%/run`x`\\n", "--profile-dir", 'a "quoted" dir']


def test_launch_command_prefers_appimage_then_frozen_then_module() -> None:
    assert launch_command(
        environ={"APPIMAGE": "/home/u/RMAB.AppImage"}, frozen=True, executable="/tmp/.mount/x"
    ) == ["/home/u/RMAB.AppImage"]
    assert launch_command(environ={}, frozen=True, executable="/opt/rmab-desktop/rmab-desktop") == [
        "/opt/rmab-desktop/rmab-desktop"
    ]
    assert launch_command(environ={}, frozen=False, executable="/venv/bin/python", args=["--x"]) == [
        "/venv/bin/python",
        "-m",
        "rmab_desktop",
        "--x",
    ]


def test_autostart_for_picks_the_os_backend(tmp_path: Path) -> None:
    assert isinstance(autostart_for("win32", tmp_path, {}), WindowsRunKey)
    mac = autostart_for("darwin", tmp_path, {})
    assert isinstance(mac, MacLaunchAgent)
    assert mac.path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    linux = autostart_for("linux", tmp_path, {})
    assert isinstance(linux, XdgAutostart)
    assert linux.path == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"
    custom = autostart_for("linux", tmp_path, {"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert custom.path == tmp_path / "cfg" / "autostart" / f"{APP_ID}.desktop"
    relative = autostart_for("linux", tmp_path, {"XDG_CONFIG_HOME": "relative/ignored"})
    assert relative.path.parent.parent == tmp_path / ".config"


def test_xdg_entry_round_trip_and_validates(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path / "config")
    assert not autostart.is_enabled()
    set_autostart(autostart, True, ["/opt/rmab-desktop/rmab-desktop"])
    assert autostart.is_enabled()
    text = autostart.path.read_text(encoding="utf-8")
    assert "Exec=/opt/rmab-desktop/rmab-desktop\n" in text
    assert f"Icon={APP_ID}\n" in text and "X-GNOME-Autostart-enabled=true" in text
    set_autostart(autostart, False)
    assert not autostart.path.exists()
    set_autostart(autostart, False)  # idempotent


def test_xdg_exec_quoting_survives_hostile_paths(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path)
    autostart.enable(HOSTILE)
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(autostart.path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
    exec_line = next(line for line in autostart.path.read_text().splitlines() if line.startswith("Exec="))
    assert exec_line == (
        'Exec="/opt/My Apps/rmab \\\\$HOME/ä 100%%/run\\\\`x\\\\`\\\\\\\\n" --profile-dir "a \\\\"quoted\\\\" dir"'
    )


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("plain", "plain"),
        ("with space", '"with space"'),
        ("50%", "50%%"),
        ('say "hi"', '"say \\"hi\\""'),
        ("", '""'),
    ],
)
def test_desktop_exec_quote(arg: str, quoted: str) -> None:
    assert desktop_exec_quote(arg) == quoted


def test_disabled_by_hidden_key_counts_as_off(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path)
    autostart.path.parent.mkdir(parents=True)
    autostart.path.write_text("[Desktop Entry]\nType=Application\nName=x\nExec=x\nHidden=true\n")
    assert not autostart.is_enabled()


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get(self, key: str, name: str) -> str | None:
        return self.values.get((key, name))

    def set(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


def test_windows_run_value_is_a_quoted_command_line() -> None:
    registry = FakeRegistry()
    run = WindowsRunKey(registry)
    set_autostart(
        run, True, [r"C:\Users\Ann Lee\AppData\Local\Programs\ReadMeABook Desktop\rmab-desktop.exe"]
    )
    assert registry.values == {
        (RUN_KEY, APP_ID): r'"C:\Users\Ann Lee\AppData\Local\Programs\ReadMeABook Desktop\rmab-desktop.exe"'
    }
    assert run.is_enabled()
    set_autostart(run, False)
    assert registry.values == {} and not run.is_enabled()


def test_macos_launch_agent_plist(tmp_path: Path) -> None:
    agent = MacLaunchAgent(tmp_path)
    command = ["/Applications/ReadMeABook Desktop.app/Contents/MacOS/rmab-desktop"]
    agent.enable(command)
    data = plistlib.loads(agent.path.read_bytes())
    assert data == {
        "Label": APP_ID,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
    agent.disable()
    assert not agent.is_enabled()
