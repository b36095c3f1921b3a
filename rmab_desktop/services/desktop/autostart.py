"""Start at login, per OS: an XDG autostart entry, the HKCU Run registry value, or a LaunchAgent.

Each backend writes or removes one per-user entry (no admin rights); ``autostart_for()`` picks
the backend for the running OS. The command comes from :func:`launch_command`: the AppImage
file when running from one, the frozen executable, or ``python -m rmab_desktop`` from a venv.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from rmab_desktop import APP_ID, APP_NAME

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Extra arguments the autostarted app receives (e.g. a flag to start hidden in the tray).
AUTOSTART_ARGS: tuple[str, ...] = ()


def launch_command(
    *,
    frozen: bool | None = None,
    executable: str | None = None,
    environ: Mapping[str, str] | None = None,
    args: Sequence[str] = AUTOSTART_ARGS,
) -> list[str]:
    environ = os.environ if environ is None else environ
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = executable or sys.executable
    if environ.get("APPIMAGE"):  # sys.executable points into the transient AppImage mount
        return [environ["APPIMAGE"], *args]
    if frozen:
        return [executable, *args]
    return [executable, "-m", "rmab_desktop", *args]


class Autostart(Protocol):
    def is_enabled(self) -> bool: ...
    def enable(self, command: Sequence[str]) -> None: ...
    def disable(self) -> None: ...


def set_autostart(autostart: Autostart, enabled: bool, command: Sequence[str] | None = None) -> None:
    """Make the OS entry match the preference (idempotent; rewrites the command when enabling)."""
    if enabled:
        autostart.enable(command or launch_command())
    elif autostart.is_enabled():
        autostart.disable()


# ---------------------------------------------------------------------------- Linux / BSD (XDG)
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_exec_quote(arg: str) -> str:
    """Quote one argument for an ``Exec=`` key (Desktop Entry spec, "The Exec key")."""
    arg = arg.replace("%", "%%")
    if arg and not (_EXEC_RESERVED & set(arg)):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return f'"{escaped}"'


def _desktop_escape(value: str) -> str:
    """Escape a string value: backslashes, newlines, tabs (Desktop Entry spec, value types)."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


class XdgAutostart:
    def __init__(self, config_home: Path) -> None:
        self.path = config_home / "autostart" / f"{APP_ID}.desktop"

    @classmethod
    def for_environment(cls, home: Path, environ: Mapping[str, str]) -> XdgAutostart:
        config_home = environ.get("XDG_CONFIG_HOME") or ""
        return cls(Path(config_home) if os.path.isabs(config_home) else home / ".config")

    def is_enabled(self) -> bool:
        if not self.path.is_file():
            return False
        lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        return "Hidden=true" not in lines and "X-GNOME-Autostart-enabled=false" not in lines

    def content(self, command: Sequence[str]) -> str:
        exec_line = _desktop_escape(" ".join(desktop_exec_quote(arg) for arg in command))
        return "\n".join(
            [
                "[Desktop Entry]",
                "Type=Application",
                f"Name={APP_NAME}",
                f"Comment={APP_NAME} at login",
                f"Exec={exec_line}",
                f"Icon={APP_ID}",
                "Terminal=false",
                "X-GNOME-Autostart-enabled=true",
                "",
            ]
        )

    def enable(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(self.content(command), encoding="utf-8")
        os.replace(tmp, self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


# ---------------------------------------------------------------------------- Windows (registry)
class Registry(Protocol):
    """The three calls the Run key needs; :class:`WinRegistry` is the real one."""

    def get(self, key: str, name: str) -> str | None: ...
    def set(self, key: str, name: str, value: str) -> None: ...
    def delete(self, key: str, name: str) -> None: ...


class WinRegistry:
    """HKEY_CURRENT_USER through ``winreg`` (Windows only; elsewhere each call raises as the import would)."""

    def get(self, key: str, name: str) -> str | None:
        if sys.platform == "win32":  # the platform check lets mypy check the Windows-only calls
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                    value, _ = winreg.QueryValueEx(handle, name)
                    return str(value)
            except FileNotFoundError:
                return None
        else:
            raise _no_winreg()

    def set(self, key: str, name: str, value: str) -> None:
        if sys.platform == "win32":
            import winreg

            with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)
        else:
            raise _no_winreg()

    def delete(self, key: str, name: str) -> None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                    winreg.DeleteValue(handle, name)
            except FileNotFoundError:
                pass
        else:
            raise _no_winreg()


def _no_winreg() -> ModuleNotFoundError:
    """What ``import winreg`` raises off Windows."""
    return ModuleNotFoundError("No module named 'winreg'", name="winreg")


class WindowsRunKey:
    """``HKCU\\...\\Run`` value named after the app id (the NSIS uninstaller removes the same value)."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or WinRegistry()

    def is_enabled(self) -> bool:
        return bool(self.registry.get(RUN_KEY, APP_ID))

    def enable(self, command: Sequence[str]) -> None:
        self.registry.set(RUN_KEY, APP_ID, subprocess.list2cmdline(list(command)))

    def disable(self) -> None:
        self.registry.delete(RUN_KEY, APP_ID)


# ---------------------------------------------------------------------------- macOS (launchd)
class MacLaunchAgent:
    def __init__(self, home: Path) -> None:
        self.path = home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def content(self, command: Sequence[str]) -> bytes:
        return plistlib.dumps(
            {
                "Label": APP_ID,
                "ProgramArguments": list(command),
                "RunAtLoad": True,
                "ProcessType": "Interactive",
                "LimitLoadToSessionType": "Aqua",
            }
        )

    def enable(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(self.content(command))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


def autostart_for(
    platform: str | None = None, home: Path | None = None, environ: Mapping[str, str] | None = None
) -> Autostart:
    platform = platform or sys.platform
    home = home or Path.home()
    environ = os.environ if environ is None else environ
    if platform == "win32":
        return WindowsRunKey()
    if platform == "darwin":
        return MacLaunchAgent(home)
    return XdgAutostart.for_environment(home, environ)
