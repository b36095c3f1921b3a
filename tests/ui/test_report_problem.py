"""Help > Report a problem…: a diagnostics bundle saved off the GUI thread, secrets removed."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.events import EventKind
from tests.ui.main_windows import open_main_window

SECRET = "s3cr3t-notify-token-0042"


def _help_actions(window) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return [a.text() for a in menu.actions() if a.text()]


def test_report_problem_saves_a_bundle_without_secrets(core, threaded_shell, qtbot, tmp_path: Path) -> None:
    core.notifications.create("Phone", f"json://127.0.0.1:9/hook?token={SECRET}", [EventKind.AVAILABLE])
    REDACTOR.register(SECRET)
    logging.getLogger("rmab_desktop.test").warning("calling json://127.0.0.1:9/hook?token=%s", SECRET)
    window, _shell = open_main_window(core, runner=threaded_shell.runner)
    qtbot.addWidget(window)
    assert "&Report a Problem…" in _help_actions(window)
    assert any(text.startswith("&About") for text in _help_actions(window))

    target = tmp_path / "reports" / "problem.zip"
    reporter = window.report_problem(target)
    qtbot.waitUntil(lambda: reporter.message is not None, timeout=30_000)

    box = reporter.message
    assert box.icon() == QMessageBox.Icon.Information
    assert str(target) in box.text() and "were removed" in box.text()
    with zipfile.ZipFile(target) as bundle:
        names = set(bundle.namelist())
        contents = "".join(bundle.read(name).decode("utf-8") for name in names)
    assert {"about.json", "settings.json", "services.json", "rmab-desktop.log"} <= names
    assert SECRET not in contents
    assert '"name": "Phone"' in contents and "calling " in contents  # the log line is there


def test_a_report_that_cannot_be_written_says_so(core, threaded_shell, qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    window, _shell = open_main_window(core, runner=threaded_shell.runner)
    qtbot.addWidget(window)
    reporter = window.report_problem(blocker / "problem.zip")
    qtbot.waitUntil(lambda: reporter.message is not None, timeout=30_000)
    assert reporter.message.icon() == QMessageBox.Icon.Warning
    assert "Could not save the report" in reporter.message.text()
    assert "Choose another folder" in reporter.message.text()
