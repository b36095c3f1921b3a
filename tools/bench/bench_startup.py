#!/usr/bin/env python3
"""Installed size and cold start of the frozen app, next to a bare PySide6 window frozen the same way.

Both are PyInstaller onedir builds (same PyInstaller, bootloader, Python and Qt; console=False, no
UPX). Each run starts the executable with ``--profile-dir`` (a copy of a profile made by a first,
separately reported start, so migrations are not timed) and ``--quit-after 0``: the process shows
its first window, turns the event loop once and exits, so the wall time is "start to first
window" plus shutdown (an upper bound for the app, whose shutdown also closes its database and
thread pools). Cold runs drop the page cache first (root only); warm runs follow each other.
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
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.setCentralWidget(QLabel("A bare PySide6 window"))
window.resize(1100, 720)
window.show()
QTimer.singleShot(int(float(sys.argv[sys.argv.index("--quit-after") + 1]) * 1000), app.quit)
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


def start_once(executable: Path, env: dict[str, str], cold: bool, profile: Path | None = None) -> float:
    """One start to first window and exit, on a copy of ``profile`` (or a new, empty profile).

    Records the CPU seconds the process used in ``CPU_SECONDS`` (independent of machine load).
    """
    if cold:
        drop_caches()
    with tempfile.TemporaryDirectory() as scratch:
        run_profile = Path(scratch) / "profile"
        if profile is not None and profile.exists():  # the bare window keeps no profile
            shutil.copytree(profile, run_profile)
        command = [str(executable), "--profile-dir", str(run_profile), "--quit-after", "0"]
        cpu_before, began = _children_cpu(), time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, timeout=120, cwd=scratch)
        elapsed = time.perf_counter() - began
        CPU_SECONDS.setdefault(executable.name, []).append(_children_cpu() - cpu_before)
    if result.returncode != 0:
        raise SystemExit(f"{executable} exited with {result.returncode}: {result.stderr.decode()[-2000:]}")
    return elapsed


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
                if can_drop:
                    times[name]["cold"].append(start_once(exe, env, cold=True, profile=profile))
                times[name]["warm"].append(start_once(exe, env, cold=False, profile=profile))
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
        }
        for (name, exe), runs in zip(apps.items(), times.values(), strict=True)
    }
    app, bare = results["rmab-desktop"], results["bare PySide6 window"]
    kind = "cold" if can_drop else "warm"
    ratio = app[f"{kind}_median_s"] / bare[f"{kind}_median_s"]
    results["summary"] = {
        "platform": f"{sys.platform}, {'Xvfb' if display else 'offscreen'}, {os.cpu_count()} cores",
        "compared": kind,
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
