"""A private dbus-daemon and fake D-Bus services run as child processes, for tests that talk to
the real bus protocol (jeepney, wakepy) without touching the machine's own buses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class LineReader:
    """Collects a child's stdout lines in a thread so tests can wait for them."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def records(self) -> list[dict]:
        """The JSON lines printed so far (fakes print one object per event)."""
        return [json.loads(line) for line in list(self.lines) if line.startswith("{")]

    def wait_for(self, predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while not predicate(self.records()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"not seen in time; child printed {self.lines!r}")
            time.sleep(0.02)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(5)


@contextmanager
def private_bus() -> Iterator[str]:
    """A fresh dbus-daemon (session configuration); yields its address."""
    assert shutil.which("dbus-daemon"), "apt package dbus is required (tools/run-tests installs it)"
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    assert address.startswith("unix:"), address
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(5)


def child_env(**addresses: str) -> dict[str, str]:
    """This environment with our tree importable and the given bus addresses set."""
    return {**os.environ, **addresses, "PYTHONPATH": str(ROOT)}


def start_fake(module: str, *args: str, env: dict[str, str]) -> LineReader:
    """Run ``python -m module args`` (a fake service) and wait for its ``{"ready": true}`` line."""
    process = subprocess.Popen(
        [sys.executable, "-m", module, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    reader = LineReader(process)
    try:
        reader.wait_for(lambda records: {"ready": True} in records)
    except AssertionError:
        reader.stop()
        raise
    return reader
