"""Start-up: the window is on screen before the core opens; the core opens on a worker thread."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel

from rmab_desktop.ui.main_window import MainWindow, WindowParts
from rmab_desktop.ui.pages.registry import PageSpec
from rmab_desktop.ui.startup import CoreLoader, EarlyPrefs, FirstExpose

PAGES = [
    PageSpec("first", "First", "discover", lambda core, shell: QLabel("first page"), order=10),
    PageSpec("second", "Second", "library", lambda core, shell: QLabel("second page"), order=20),
]


def test_early_prefs_read_the_first_frame_and_ignore_garbage(tmp_path):
    settings = tmp_path / "settings.json"
    assert EarlyPrefs.peek(settings) == EarlyPrefs()  # no file yet
    settings.write_text('{"theme": "dark", "start_minimized": true, "window": {"last_page": "second"}}')
    early = EarlyPrefs.peek(settings)
    assert (early.theme, early.start_minimized, early.last_page) == ("dark", True, "second")
    settings.write_text('{"theme": 3, "window": ["not", "an", "object"]}')
    assert EarlyPrefs.peek(settings) == EarlyPrefs()
    settings.write_text("{broken")
    assert EarlyPrefs.peek(settings) == EarlyPrefs()
    assert settings.read_text() == "{broken"  # the full load keeps it aside, not this peek


def test_window_without_core_shows_loading_then_builds_the_selected_page(core, shell, qtbot):
    window = MainWindow(PAGES, window_state=EarlyPrefs(last_page="second"))
    qtbot.addWidget(window)
    assert window.current_page_key() == "second"
    assert window.page("second") is None
    assert "Opening" in " ".join(label.text() for label in window.stack.currentWidget().findChildren(QLabel))
    window.show_page("first")  # clicking around while the core opens builds nothing
    assert window.page("first") is None
    window.remember_state()  # nothing to save into yet: harmless
    built = []
    window.attach(
        WindowParts(
            lambda spec: built.append(spec.key) or spec.factory(core, shell),
            core.prefs.window,
            core.save_prefs,
            shell.runner,
            core.paths.log_dir,
            core.diagnostics_inputs,
        )
    )
    assert built == ["first"]
    assert window.current_page_key() == "first"
    assert window.stack.currentWidget() is window.page("first")
    assert window.stack.count() == 1  # the loading page is gone
    window.show_page("second")
    assert window.stack.currentWidget().text() == "second page"
    assert built == ["first", "second"] and core.prefs.window.last_page == "second"


def test_core_loader_delivers_on_the_gui_thread(qtbot):
    seen: list[tuple[str, object, bool]] = []
    gui = threading.current_thread()

    def record(kind):
        return lambda value: seen.append((kind, value, threading.current_thread() is gui))

    ok = CoreLoader(lambda: threading.current_thread().name, record("ready"), record("failed"))
    ok.start()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen == [("ready", "open-core", True)]

    def broken():
        raise OSError("disk gone")

    failing = CoreLoader(broken, record("ready"), record("failed"))
    failing.start()
    qtbot.waitUntil(lambda: len(seen) == 2)
    kind, error, on_gui = seen[1]
    assert (kind, str(error), on_gui) == ("failed", "disk gone", True)


def test_first_expose_fires_once_even_for_a_hidden_window(qtbot):
    window = QLabel("hidden")
    qtbot.addWidget(window)
    calls: list[int] = []
    FirstExpose(window, lambda: calls.append(1))
    qtbot.waitUntil(lambda: calls == [1])
    qtbot.wait(50)
    assert calls == [1]


def test_first_expose_marks_the_shown_window(qtbot, tmp_path, monkeypatch):
    mark = tmp_path / "mark"
    monkeypatch.setenv("RMAB_STARTUP_MARK", str(mark))
    window = QLabel("shown")
    qtbot.addWidget(window)
    window.show()
    calls: list[int] = []
    FirstExpose(window, lambda: calls.append(1))
    qtbot.waitUntil(lambda: calls == [1])
    assert mark.exists() and float(mark.read_text().split()[0]) > 0
