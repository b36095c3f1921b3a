#!/usr/bin/env python3
"""Installed size and cold start of the frozen app, next to a bare PySide6 window frozen the same way.

Both are PyInstaller onedir builds (same PyInstaller, bootloader, Python and Qt; console=False, no
UPX). Each run starts the executable with ``--profile-dir`` (a copy of a profile made by a first,
separately reported start, so migrations are not timed) and ``--quit-after 0``. "To first window"
is the wall time from launch until the main window is first exposed (mapped and ready to paint):
both programs append that moment (``time.time()``, from an event filter on the window's QWindow)
to the file named by $RMAB_STARTUP_MARK. The app shows its real main window first and opens its
core (database, migrations, feature services) on a worker thread; "to exit" also includes that,
building the first page and shutting down (the app's ``--quit-after`` counts from the moment its
core is open). Cold runs drop the page cache first (root only); warm runs follow each other.
The two apps alternate run by run so machine load hits both alike. Medians are reported.

usage: tools/bench/bench_startup.py [--app-dir build/packaging/dist/rmab-desktop] [--runs 7]
  (without --app-dir the spec is built first; the bare window is always built, into build/bench)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build" / "bench"
CPU_SECONDS: dict[str, list[float]] = {}
BARE_APP = """
import os
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstExpose(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            if os.environ.get("RMAB_STARTUP_MARK"):
                with open(os.environ["RMAB_STARTUP_MARK"], "a", encoding="utf-8") as handle:
                    handle.write(f"{time.time():.6f}\\n")
            quit_after = float(sys.argv[sys.argv.index("--quit-after") + 1])
            QTimer.singleShot(int(quit_after * 1000), app.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.setCentralWidget(QLabel("A bare PySide6 window"))
window.resize(1100, 720)
window.show()
first_expose = FirstExpose()
window.windowHandle().installEventFilter(first_expose)
sys.exit(app.exec())
"""


def pyinstaller(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", *args], check=True
    )


def build_bare() -> Path:
    script = BUILD / "bare_window.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(BARE_APP, encoding="utf-8")
    pyinstaller(
        "--onedir", "--windowed", "--noupx", "--name", "bare-window", "--exclude-module", "tkinter",
        "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"), "--specpath", str(BUILD),
        str(script),
    )  # fmt: skip
    return BUILD / "dist" / "bare-window"


def build_app() -> Path:
    pyinstaller(
        "--distpath",
        str(BUILD / "dist"),
        "--workpath",
        str(BUILD / "work-app"),
        "packaging/rmab_desktop.spec",
    )
    return BUILD / "dist" / "rmab-desktop"


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start_once(
    executable: Path, env: dict[str, str], cold: bool, profile: Path | None = None
) -> tuple[float, float]:
    """One start on a copy of ``profile`` (or a new, empty profile): seconds to the first expose
    of the main window, and to the end of the process.

    Records the CPU seconds the process used in ``CPU_SECONDS`` (independent of machine load).
    """
    if cold:
        drop_caches()
    with tempfile.TemporaryDirectory() as scratch:
        run_profile = Path(scratch) / "profile"
        if profile is not None and profile.exists():  # the bare window keeps no profile
            shutil.copytree(profile, run_profile)
        command = [str(executable), "--profile-dir", str(run_profile), "--quit-after", "0"]
        mark = Path(scratch) / "first-window"
        run_env = {**env, "RMAB_STARTUP_MARK": str(mark)}
        cpu_before, wall_began, began = _children_cpu(), time.time(), time.perf_counter()
        result = subprocess.run(command, env=run_env, capture_output=True, timeout=120, cwd=scratch)
        elapsed = time.perf_counter() - began
        CPU_SECONDS.setdefault(executable.name, []).append(_children_cpu() - cpu_before)
        if result.returncode != 0:
            raise SystemExit(
                f"{executable} exited with {result.returncode}: {result.stderr.decode()[-2000:]}"
            )
        if not mark.exists():
            raise SystemExit(f"{executable} never reported its first window (no expose event)")
        exposed = float(mark.read_text(encoding="utf-8").split()[0])
    return exposed - wall_began, elapsed


def start_xvfb() -> tuple[subprocess.Popen[bytes] | None, str | None]:
    """A private X server on a high display number (low ones are shared with other jobs' servers)."""
    if not shutil.which("Xvfb"):
        return None, None
    number = next(n for n in range(180, 260) if not Path(f"/tmp/.X{n}-lock").exists())
    log = (BUILD / "xvfb.log").open("wb")
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"], stderr=log
    )
    socket_path = Path(f"/tmp/.X11-unix/X{number}")
    for _ in range(100):  # until the server accepts connections
        if socket_path.exists() and _accepts(socket_path):
            break
        time.sleep(0.05)
    return server, f":{number}"


def _accepts(path: Path) -> bool:
    import socket

    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, help="an existing onedir build of the app")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    os.chdir(ROOT)
    app_dir = args.app_dir.resolve() if args.app_dir else build_app()
    bare_dir = build_bare()
    apps = {"rmab-desktop": app_dir / "rmab-desktop", "bare PySide6 window": bare_dir / "bare-window"}
    can_drop = os.geteuid() == 0 and drop_caches()

    server, display = start_xvfb()
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": "disabled:"}
    if display:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    times: dict[str, dict[str, list[float]]] = {name: {"cold": [], "warm": []} for name in apps}
    exits: dict[str, dict[str, list[float]]] = {name: {"cold": [], "warm": []} for name in apps}
    first_run: dict[str, float] = {}
    profiles = Path(tempfile.mkdtemp(prefix="rmab-bench-"))
    try:
        for name, exe in apps.items():  # first start: creates and migrates the profile's database
            profile = profiles / name.replace(" ", "-")
            command = [str(exe), "--profile-dir", str(profile), "--quit-after", "0"]
            began = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, timeout=120, check=True)
            first_run[name] = round(time.perf_counter() - began, 3)
        for _ in range(args.runs):  # then starts like every later day: the profile exists
            for name, exe in apps.items():
                profile = profiles / name.replace(" ", "-")
                for kind in ("cold", "warm") if can_drop else ("warm",):
                    window, end = start_once(exe, env, cold=kind == "cold", profile=profile)
                    times[name][kind].append(window)
                    exits[name][kind].append(end)
    finally:
        shutil.rmtree(profiles, ignore_errors=True)
        if server is not None:
            server.terminate()
            server.wait()

    results = {
        name: {
            "size_mb": round(size_mb(exe.parent), 1),
            "first_start_s": first_run[name],
            "cpu_median_s": round(statistics.median(CPU_SECONDS[exe.name]), 3),
            **{f"{kind}_median_s": round(statistics.median(v), 3) for kind, v in runs.items() if v},
            **{f"{kind}_runs_s": [round(x, 3) for x in v] for kind, v in runs.items() if v},
            **{
                f"{kind}_to_exit_median_s": round(statistics.median(v), 3)
                for kind, v in exits[name].items()
                if v
            },
        }
        for (name, exe), runs in zip(apps.items(), times.values(), strict=True)
    }
    app, bare = results["rmab-desktop"], results["bare PySide6 window"]
    kind = "cold" if can_drop else "warm"
    ratio = app[f"{kind}_median_s"] / bare[f"{kind}_median_s"]
    results["summary"] = {
        "platform": f"{sys.platform}, {'Xvfb' if display else 'offscreen'}, {os.cpu_count()} cores",
        "compared": f"{kind} start to first window (exposed)",
        "ratio": round(ratio, 2),
        "cpu_ratio": round(app["cpu_median_s"] / bare["cpu_median_s"], 2),
        "within_2x": ratio <= 2.0,
    }
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
