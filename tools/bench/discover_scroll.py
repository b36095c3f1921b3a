"""Benchmark: scroll Discover sections of 1,000 books and report the longest GUI-thread stall.

Starts the fake Audible server (tests/fakes) with 1,000 generated books, refreshes the Popular
section to 1,000 books, opens the Discover page with the real TaskRunner (covers download and
decode on the network pool), then scrolls the strip and a full covers grid from a GUI-thread
timer. A 2 ms heartbeat timer measures how long the GUI thread was unable to run: its largest
gap is the "max stall". Usage:

    QT_QPA_PLATFORM=offscreen python tools/bench/discover_scroll.py [--books 1000] [--screenshot out.png]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QScrollBar

from rmab_desktop.bootstrap import open_core
from rmab_desktop.settings import Preferences, SettingsStore
from rmab_desktop.ui.models.catalog_model import BookGridModel
from rmab_desktop.ui.notifier import RecordingNotifier
from rmab_desktop.ui.pages.catalog_widgets import BookGrid
from rmab_desktop.ui.pages.discover_page import DiscoverPage
from rmab_desktop.ui.shell import Shell
from rmab_desktop.ui.wiring import catalog_navigator, cover_images
from rmab_desktop.workers.runner import TaskRunner
from tests.fakes.audible_server import FakeAudible


class StallMeter:
    """Records the gaps between 2 ms GUI-thread ticks; a long gap is a blocked GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(2)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()


def wait(app: QApplication, condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.002)
    return False


def scroll(app: QApplication, bar: QScrollBar, meter: StallMeter, step: int, model: BookGridModel) -> float:
    """Scroll to the very end (rows keep loading) with a GUI-thread timer, like a user; returns seconds."""
    started = time.monotonic()
    bar.setValue(0)
    meter.start()
    timer = QTimer()
    timer.setInterval(8)
    timer.timeout.connect(lambda: bar.setValue(bar.value() + step))
    timer.start()
    done = lambda: bar.value() >= bar.maximum() > 0 and model.rowCount() >= (model.total or 0)  # noqa: E731
    wait(app, done, 120)
    timer.stop()
    wait(app, lambda: False, 0.3)
    meter.stop()
    return time.monotonic() - started


def report(name: str, gaps: list[float], seconds: float) -> None:
    ordered = sorted(gaps)
    p95 = ordered[int(len(ordered) * 0.95)] if ordered else 0.0
    print(
        f"{name}: {seconds:.1f} s, {len(gaps)} ticks, max stall {max(gaps, default=0):.1f} ms, "
        f"p95 {p95:.1f} ms, median {statistics.median(gaps) if gaps else 0:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--books", type=int, default=1000)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    fake = FakeAudible()
    fake.add_generated(args.books)
    fake.start()
    profile = Path(tempfile.mkdtemp(prefix="rmab-bench-"))
    prefs = Preferences()
    prefs.catalog.audible_base_url = prefs.catalog.audnexus_base_url = fake.base_url
    SettingsStore(profile / "config" / "settings.json").save(prefs)
    core = open_core(profile, log_to_console=False)
    assert core.catalog is not None and core.requests is not None and core.users is not None
    user = core.users.current()
    popular, newest = core.catalog.sections(user.id)[:2]
    started = time.monotonic()
    size = core.catalog.refresh_section(popular, size=args.books + 5)
    core.catalog.refresh_section(newest, size=200)
    print(f"refreshed Popular ({size} books) and New releases in {time.monotonic() - started:.1f} s")
    for asin in ("B0TESTSER1", "B0GEN00001", "B0GEN00004"):
        core.requests.create(asin, "us")
    runner = TaskRunner()
    shell = Shell(runner, RecordingNotifier())
    page = DiscoverPage(core.catalog, core.users, runner, shell.notifier, catalog_navigator(core, shell))
    page.resize(1280, 820)
    page.show()
    wait(app, lambda: len(page.sections) == 2 and page.sections[0].model.rowCount() > 0, 30)
    wait(app, lambda: cover_images(core, shell).pending == 0, 30)
    if args.screenshot:
        wait(app, lambda: False, 0.5)
        page.grab().save(str(args.screenshot))
        print(f"screenshot: {args.screenshot}")
    meter = StallMeter()
    strip = page.sections[0]
    seconds = scroll(app, strip.grid.horizontalScrollBar(), meter, 120, strip.model)
    print(f"strip rows loaded: {strip.model.rowCount()} of {strip.model.total}")
    report("Discover strip, 1,000 books, cold (rows and covers loading)", meter.gaps, seconds)
    seconds = scroll(app, strip.grid.horizontalScrollBar(), meter, 120, strip.model)
    report("Discover strip, 1,000 books, warm (covers on disk)", meter.gaps, seconds)

    grid_model = BookGridModel(cover_images(core, shell))
    grid_model.reset(core.catalog.section_page(popular, 0, 5000).entries)
    grid = BookGrid(grid_model)
    grid.resize(1280, 820)
    grid.show()
    seconds = scroll(app, grid.verticalScrollBar(), meter, 90, grid_model)
    report(f"Covers grid, {grid_model.rowCount()} books (vertical)", meter.gaps, seconds)
    wait(app, lambda: cover_images(core, shell).pending == 0, 60)
    print(
        f"covers on disk: {len(list(core.paths.covers_dir.glob('*.jpg')))}, "
        f"{core.catalog.covers.size() / 1e6:.1f} MB"
    )
    runner.shutdown(5000)
    core.close()
    fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
